import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { DataTable } from "~/components/data-table";
import { WorkshopHeader } from "~/components/workshop-header";
import { DEFAULT_LANGUAGE } from "~/i18n/config";
import { requireCapability } from "~/models/access.server";
import { countRegistrations, getRegistrationOptions, listRegistrations, registrantView } from "~/models/registration.server";
import { useRootData } from "~/root";
import { formatDateTime } from "~/utils/dates";
import { notFound } from "~/utils/http.server";
import { filtersFromSearchParams } from "~/utils/registration-filters";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.workshop.title} · Majlis` : "Majlis" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const workshopId = params.workshopId ?? "";
  const user = await requireUser(request);
  await requireCapability({ workshopId, userId: user.id, capability: "registrations.manage" });
  const filters = filtersFromSearchParams(new URL(request.url).searchParams);
  const [workshop, counts, rows] = await Promise.all([
    getRegistrationOptions({ workshopId }),
    countRegistrations({ workshopId }),
    listRegistrations({ workshopId, filters }),
  ]);
  if (!workshop) notFound();
  return json({
    workshop: {
      id: workshop.id,
      title: workshop.title,
      status: workshop.status,
      timezone: workshop.timezone,
      modes: workshop.modes,
      sessions: workshop.sessions,
    },
    counts,
    rows: rows.map((row) => ({ id: row.id, ...registrantView(row), createdAt: row.createdAt })),
  });
}

export default function RegistrationsPage() {
  const { t } = useTranslation("registration");
  const { workshop, counts, rows } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const language = useRootData()?.language ?? DEFAULT_LANGUAGE;
  const when = (date: string | null) =>
    date ? formatDateTime(date, workshop.timezone, language, { dateStyle: "short", timeStyle: "short" }) : "";
  const exportQuery = searchParams.toString();
  const exportHref = `/workshops/${workshop.id}/registrations.csv${exportQuery ? `?${exportQuery}` : ""}`;
  return (
    <div className="stack">
      <WorkshopHeader workshop={workshop} isOrganiser />
      <section className="stack" aria-labelledby="registrations-title">
        <div className="page-header">
          <h2 id="registrations-title">{t("list.title")}</h2>
          <a href={exportHref} className="button" download>
            {t("list.export")}
          </a>
        </div>

        <section className="card stack" aria-labelledby="counts-title">
          <h3 id="counts-title">{t("list.counts")}</h3>
          <ul className="stat-list">
            <li>{t("list.total", { count: counts.total })}</li>
            <li>{t("list.modeCount", { mode: t("mode.IN_PERSON"), count: counts.byMode.IN_PERSON })}</li>
            <li>{t("list.modeCount", { mode: t("mode.REMOTE"), count: counts.byMode.REMOTE })}</li>
            <li>{t("list.checkedInCount", { count: counts.checkedIn })}</li>
          </ul>
          {counts.bySession.length > 0 ? (
            <DataTable
              caption={t("list.bySession")}
              columns={[t("columns.session"), t("mode.IN_PERSON"), t("mode.REMOTE"), t("columns.total"), t("list.capacity")]}
            >
              {counts.bySession.map((session) => (
                <tr key={session.id}>
                  <th scope="row">{session.title}</th>
                  <td>{session.inPerson}</td>
                  <td>{session.remote}</td>
                  <td>{session.total}</td>
                  <td>{session.capacity ?? t("list.unlimited")}</td>
                </tr>
              ))}
              {counts.withoutSession > 0 ? (
                <tr>
                  <th scope="row">{t("list.withoutSession")}</th>
                  <td colSpan={2} />
                  <td>{counts.withoutSession}</td>
                  <td />
                </tr>
              ) : null}
            </DataTable>
          ) : null}
        </section>

        <Form method="get" className="card filters" aria-label={t("list.filters")}>
          <div className="form-row">
            <div className="field">
              <label htmlFor="filter-q">{t("list.search")}</label>
              <input id="filter-q" type="search" name="q" defaultValue={searchParams.get("q") ?? ""} dir="auto" />
            </div>
            <div className="field">
              <label htmlFor="filter-mode">{t("mode.label")}</label>
              <select id="filter-mode" name="mode" defaultValue={searchParams.get("mode") ?? ""}>
                <option value="">{t("list.anyMode")}</option>
                {workshop.modes.map((mode) => (
                  <option key={mode} value={mode}>
                    {t(`mode.${mode}`)}
                  </option>
                ))}
              </select>
            </div>
            {workshop.sessions.length > 0 ? (
              <div className="field">
                <label htmlFor="filter-session">{t("session.label")}</label>
                <select id="filter-session" name="session" defaultValue={searchParams.get("session") ?? ""}>
                  <option value="">{t("list.anySession")}</option>
                  {workshop.sessions.map((session) => (
                    <option key={session.id} value={session.id}>
                      {session.title}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            <div className="field">
              <label htmlFor="filter-checkedin">{t("list.checkedInFilter")}</label>
              <select id="filter-checkedin" name="checkedIn" defaultValue={searchParams.get("checkedIn") ?? ""}>
                <option value="">{t("list.anyCheckIn")}</option>
                <option value="yes">{t("list.checkedInOnly")}</option>
                <option value="no">{t("list.notCheckedInOnly")}</option>
              </select>
            </div>
          </div>
          <div className="row">
            <button type="submit" className="button button--primary">
              {t("list.apply")}
            </button>
            <Link to={`/workshops/${workshop.id}/registrations`} className="button button--quiet">
              {t("list.reset")}
            </Link>
          </div>
        </Form>

        <p role="status">{t("list.showing", { count: rows.length })}</p>
        {rows.length === 0 ? (
          <p className="muted">{t("list.empty")}</p>
        ) : (
          <DataTable
            caption={t("list.tableCaption")}
            columns={[
              t("columns.name"),
              t("columns.email"),
              t("columns.mode"),
              t("columns.session"),
              t("columns.registeredAt"),
              t("columns.checkedInAt"),
            ]}
          >
            {rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">{row.name}</th>
                <td>
                  <bdi dir="ltr">{row.email ?? ""}</bdi>
                </td>
                <td>{t(`mode.${row.mode}`)}</td>
                <td>{row.session ?? ""}</td>
                <td>{when(row.createdAt)}</td>
                <td>{when(row.checkedInAt)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}
