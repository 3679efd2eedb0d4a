import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { todayIn } from "~/committee/overdue";
import { BarChart, type BarCategory } from "~/components/charts/bar-chart";
import { LineChart } from "~/components/charts/line-chart";
import { CommitteeHeader } from "~/components/committee/committee-nav";
import { DEFAULT_LANGUAGE, textDirection } from "~/i18n/config";
import { PLENARY } from "~/live/protocol";
import { can, requireCapability } from "~/models/access.server";
import { getDashboard } from "~/models/dashboard.server";
import { countOverdueActions } from "~/models/follow-up.server";
import { getWorkshop } from "~/models/workshop.server";
import { THEMES, STATUSES } from "~/recommendations/forms";
import { useRootData } from "~/root";
import { formatDateTime } from "~/utils/dates";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.workshop.title} · Majlis` : "Majlis" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const workshopId = params.workshopId ?? "";
  const user = await requireUser(request);
  const access = await requireCapability({ workshopId, userId: user.id, capability: "committee.view" });
  const workshop = await getWorkshop({ workshopId });
  if (!workshop) notFound();
  const [dashboard, overdue] = await Promise.all([
    getDashboard({ workshopId, timeZone: workshop.timezone }),
    countOverdueActions({ workshopId, today: todayIn(workshop.timezone) }),
  ]);
  return json({
    workshop: { id: workshop.id, title: workshop.title, status: workshop.status, timezone: workshop.timezone },
    isOrganiser: can(access, "committee.manage"),
    dashboard,
    overdue,
  });
}

export default function DashboardPage() {
  const { t } = useTranslation(["committee", "recommendations"]);
  const { workshop, isOrganiser, dashboard, overdue } = useLoaderData<typeof loader>();
  const language = useRootData()?.language ?? DEFAULT_LANGUAGE;
  const direction = textDirection(language);
  const sessionTitle = (sessionId: string | null) =>
    sessionId === null || sessionId === PLENARY ? t("dashboard.plenary") : (dashboard.sessions.find((session) => session.id === sessionId)?.title ?? "");
  // Days are calendar days of the workshop: formatted at noon UTC so that no zone moves them.
  const dayLabel = (day: string) => formatDateTime(`${day}T12:00:00Z`, "UTC", language, { dateStyle: "medium" });
  const percent = (value: number) => t("dashboard.percent", { value });
  const barSummary = (categories: BarCategory[], format: (value: number) => string = String) =>
    t("dashboard.summaryBars", {
      items: categories.map((category) => t("dashboard.summaryItem", { label: category.label, value: category.values.map(format).join(" / ") })).join("; "),
    });
  const lineSummary = (points: Array<{ label: string; value: number }>, format: (value: number) => string = String) =>
    points.length === 0
      ? t("dashboard.empty")
      : t("dashboard.summaryLine", {
          first: format(points[0].value),
          from: points[0].label,
          last: format(points[points.length - 1].value),
          to: points[points.length - 1].label,
        });

  const countOf = <K extends string>(rows: Array<{ count: number } & Record<string, unknown>>, key: string, value: K) =>
    rows.find((row) => row[key] === value)?.count ?? 0;
  const byTheme = THEMES.map((theme) => ({ label: t(`recommendations:themes.${theme}`), values: [countOf(dashboard.byTheme, "theme", theme)] })).filter(
    (category) => category.values[0] > 0,
  );
  const sessionKeys = [...dashboard.sessions.map((session) => session.id as string | null), null];
  const bySession = sessionKeys
    .map((sessionId) => ({ label: sessionTitle(sessionId), values: [dashboard.bySession.find((row) => row.sessionId === sessionId)?.count ?? 0] }))
    .filter((category) => category.values[0] > 0);
  const byStatus = STATUSES.filter((status) => status !== "MERGED")
    .map((status) => ({ label: t(`recommendations:statuses.${status}`), values: [countOf(dashboard.byStatus, "status", status)] }))
    .filter((category) => category.values[0] > 0);
  const participation = dashboard.participation
    .filter((row) => row.inPerson + row.remote > 0)
    .map((row) => ({ label: sessionTitle(row.room), values: [row.inPerson, row.remote] }));
  const support = dashboard.topSupported.map((row) => ({ label: row.title, values: [row.supports] }));
  const decisions = dashboard.decisions.map((point) => ({ label: dayLabel(point.day), value: point.total }));
  const progress = dashboard.progress.map((point) => ({ label: dayLabel(point.day), value: point.mean }));
  const count = [{ name: t("dashboard.value") }];

  return (
    <div className="stack">
      <CommitteeHeader workshop={workshop} isOrganiser={isOrganiser} />
      <section className="stack" aria-labelledby="dashboard-title">
        <h2 id="dashboard-title">{t("dashboard.title")}</h2>
        <p className="muted">{t("dashboard.intro")}</p>
        <ul className="stat-list dashboard-totals">
          <li>{t("dashboard.recommendations", { count: dashboard.totals.recommendations })}</li>
          <li>{t("dashboard.decided", { count: dashboard.totals.decisions })}</li>
          <li>{t("dashboard.actions", { count: dashboard.totals.actions })}</li>
          <li>{overdue > 0 ? <span className="badge badge--danger">{t("dashboard.overdue", { count: overdue })}</span> : t("dashboard.overdue", { count: overdue })}</li>
        </ul>
        <div className="chart-grid">
          <BarChart id="chart-theme" title={t("dashboard.byTheme")} summary={barSummary(byTheme)} categoryHeader={t("dashboard.category")} series={count} categories={byTheme} direction={direction} />
          <BarChart id="chart-session" title={t("dashboard.bySession")} summary={barSummary(bySession)} categoryHeader={t("dashboard.category")} series={count} categories={bySession} direction={direction} />
          <BarChart id="chart-status" title={t("dashboard.byStatus")} summary={barSummary(byStatus)} categoryHeader={t("dashboard.category")} series={count} categories={byStatus} direction={direction} />
          <BarChart
            id="chart-participation"
            title={t("dashboard.participation")}
            summary={barSummary(participation)}
            categoryHeader={t("dashboard.category")}
            series={[{ name: t("dashboard.inPerson") }, { name: t("dashboard.remote") }]}
            categories={participation}
            direction={direction}
          />
          <BarChart id="chart-support" title={t("dashboard.support")} summary={barSummary(support)} categoryHeader={t("dashboard.category")} series={count} categories={support} direction={direction} />
          <LineChart
            id="chart-decisions"
            title={t("dashboard.decisions")}
            summary={lineSummary(decisions)}
            labelHeader={t("dashboard.date")}
            valueHeader={t("dashboard.value")}
            points={decisions}
            direction={direction}
          />
          <LineChart
            id="chart-progress"
            title={t("dashboard.progress")}
            summary={lineSummary(progress, percent)}
            labelHeader={t("dashboard.date")}
            valueHeader={t("dashboard.value")}
            points={progress}
            direction={direction}
            max={100}
            format={percent}
          />
        </div>
      </section>
    </div>
  );
}
