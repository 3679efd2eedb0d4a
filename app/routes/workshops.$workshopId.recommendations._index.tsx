import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { DataTable } from "~/components/data-table";
import { SelectField } from "~/components/field";
import { IntentForm } from "~/components/intent-form";
import { RecommendationFields } from "~/components/recommendations/recommendation-fields";
import { RecommendationSettingsForm } from "~/components/recommendations/settings-form";
import { StatusBadge, useAgreementText } from "~/components/recommendations/status-badge";
import { SubmitButton } from "~/components/submit-button";
import { WorkshopHeader } from "~/components/workshop-header";
import { requireCapability } from "~/models/access.server";
import { updateRecommendationSettings } from "~/models/recommendation-settings.server";
import { rankRecommendations, supportBudget } from "~/models/recommendation-support.server";
import { listRecommendations, listRecommendationSessions } from "~/models/recommendations.server";
import { getWorkshop } from "~/models/workshop.server";
import { readFilters, STATUSES, THEMES } from "~/recommendations/forms";
import { maySetVisibility, recommendableSessions, SUPPORT_STATUSES, maySupport } from "~/recommendations/permissions";
import { tallyOf } from "~/recommendations/ranking";
import { list, parseForm } from "~/utils/forms";
import { badRequest, notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.workshop.title} · Majlis` : "Majlis" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const workshopId = params.workshopId ?? notFound();
  const access = await requireCapability({ workshopId, userId: user.id, capability: "recommendations.view" });
  const filters = readFilters(new URL(request.url).searchParams);
  const [workshop, sessions, rows, ranking] = await Promise.all([
    getWorkshop({ workshopId }),
    listRecommendationSessions({ workshopId }),
    listRecommendations({ workshopId, access, userId: user.id, filters }),
    rankRecommendations({ workshopId, access, userId: user.id }),
  ]);
  if (!workshop) notFound();
  const recommendable = recommendableSessions(access, sessions);
  const prioritises = SUPPORT_STATUSES.some((status) => maySupport(access, status));
  return json({
    workshop: { id: workshop.id, title: workshop.title, status: workshop.status, language: workshop.languages[0] ?? "fr" },
    settings: access.role === "ORGANISER" ? { supportsPerPerson: workshop.supportsPerPerson, sessions } : null,
    isOrganiser: access.role === "ORGANISER",
    filters,
    sessions: sessions.map(({ id, title }) => ({ id, title })),
    recommendations: rows.map(({ supports, ...row }) => ({ ...row, tally: tallyOf(supports) })),
    ranking,
    create:
      recommendable.sessions.length > 0 || recommendable.plenary
        ? { sessions: recommendable.sessions.map(({ id, title }) => ({ id, title })), plenary: recommendable.plenary, showVisibility: maySetVisibility(access) }
        : null,
    budget: prioritises ? await supportBudget({ workshopId, userId: user.id }) : null,
  });
}

const SUPPORTS_INVALID = "recommendations:settings.supportsInvalid";

const settingsSchema = z.object({
  supportsPerPerson: z.coerce.number({ error: SUPPORTS_INVALID }).int(SUPPORTS_INVALID).min(1, SUPPORTS_INVALID).max(50, SUPPORTS_INVALID),
  openSessionIds: list(z.string().min(1).max(64)),
});

/** Organisers' settings: supports per participant, and the sessions whose participants write recommendations. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const workshopId = params.workshopId ?? notFound();
  await requireCapability({ workshopId, userId: user.id, capability: "workshop.edit" });
  const formData = await request.formData();
  if (formData.get("intent") !== "settings") badRequest();
  const form = parseForm(settingsSchema, formData);
  if (!form.ok) return json({ errors: form.errors, values: form.values }, { status: 400 });
  // Only this workshop's sessions: an id of another workshop's session changes nothing (updateMany is scoped).
  await updateRecommendationSettings({ workshopId, actorId: user.id, ...form.data });
  return redirect(`/workshops/${workshopId}/recommendations`);
}

type LoaderData = SerializeFrom<typeof loader>;

export default function RecommendationsPage() {
  const { t } = useTranslation("recommendations");
  const { workshop, isOrganiser, recommendations, budget, create, settings } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const base = `/workshops/${workshop.id}`;
  return (
    <div className="stack">
      <WorkshopHeader workshop={workshop} isOrganiser={isOrganiser} />
      <section aria-labelledby="recommendations-title" className="stack">
        <div className="row recommendations-heading">
          <h2 id="recommendations-title">{t("title")}</h2>
          <Link to={`${base}/accountability`}>{t("nav.accountability")}</Link>
        </div>
        <p className="muted">{t("intro")}</p>
        {budget ? <p className="alert alert--info">{t("support.budget", { left: budget.left, limit: budget.limit })}</p> : null}
        {settings ? <RecommendationSettingsForm supportsPerPerson={settings.supportsPerPerson} sessions={settings.sessions} errors={refused?.errors} values={refused?.values} /> : null}
        {create ? <CreateForm workshopId={workshop.id} language={workshop.language} create={create} /> : null}
        <Filters />
        <p className="muted" role="status">
          {t("list.count", { count: recommendations.length })}
        </p>
        {recommendations.length === 0 ? <p className="muted">{t("list.empty")}</p> : <RecommendationTable rows={recommendations} />}
      </section>
      <Ranking />
    </div>
  );
}

function CreateForm({ workshopId, language, create }: { workshopId: string; language: string; create: NonNullable<LoaderData["create"]> }) {
  const { t } = useTranslation("recommendations");
  return (
    <details className="editor-details card">
      <summary>{t("create.open")}</summary>
      <IntentForm intent="create" action={`/workshops/${workshopId}/recommendations/new`} noValidate className="stack recommendation-form">
        <RecommendationFields
          idPrefix="new"
          values={{ language, sessionId: create.plenary ? "" : (create.sessions[0]?.id ?? "") }}
          sessions={create.sessions}
          plenary={create.plenary}
          showVisibility={create.showVisibility}
        />
        <SubmitButton className="button button--primary">{t("create.submit")}</SubmitButton>
      </IntentForm>
    </details>
  );
}

/** A GET form: the filters stay in the address, so a filtered list can be shared and works without JavaScript. */
function Filters() {
  const { t } = useTranslation("recommendations");
  const { filters, sessions, workshop } = useLoaderData<typeof loader>();
  return (
    <Form method="get" className="recommendation-filters" aria-label={t("list.filters")}>
      <SelectField id="filter-session" name="sessionId" label={t("fields.session")} defaultValue={filters.sessionId ?? ""}>
        <option value="">{t("list.allSessions")}</option>
        {sessions.map((session) => (
          <option key={session.id} value={session.id}>
            {session.title}
          </option>
        ))}
        <option value="plenary">{t("plenary")}</option>
      </SelectField>
      <SelectField id="filter-theme" name="theme" label={t("fields.theme")} defaultValue={filters.theme ?? ""}>
        <option value="">{t("list.allThemes")}</option>
        {THEMES.map((theme) => (
          <option key={theme} value={theme}>
            {t(`themes.${theme}`)}
          </option>
        ))}
      </SelectField>
      <SelectField id="filter-status" name="status" label={t("fields.status")} defaultValue={filters.status ?? ""}>
        <option value="">{t("list.allStatuses")}</option>
        {STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`statuses.${status}`)}
          </option>
        ))}
      </SelectField>
      <div className="row">
        <button type="submit" className="button">
          {t("list.apply")}
        </button>
        <Link to={`/workshops/${workshop.id}/recommendations`}>{t("list.reset")}</Link>
      </div>
    </Form>
  );
}

function RecommendationTable({ rows }: { rows: LoaderData["recommendations"] }) {
  const { t } = useTranslation("recommendations");
  const { sessions, workshop } = useLoaderData<typeof loader>();
  const agreementText = useAgreementText();
  const sessionTitle = (sessionId: string | null) => (sessionId ? (sessions.find((session) => session.id === sessionId)?.title ?? "—") : t("plenary"));
  return (
    <DataTable
      labelledBy="recommendations-title"
      className="recommendation-table"
      columns={[t("list.columns.title"), t("list.columns.session"), t("list.columns.theme"), t("list.columns.status"), t("list.columns.supports"), t("list.columns.agreement")]}
    >
      {rows.map((row) => (
        <tr key={row.id}>
          <td>
            <Link to={`/workshops/${workshop.id}/recommendations/${row.id}`} dir="auto">
              {row.title}
            </Link>
            <span className="recommendation-table__meta muted">
              {row.author ? `${t("by", { name: row.author.name })} · ` : null}
              {t("list.sources", { count: row.sources })} · {t("list.comments", { count: row.comments })}
            </span>
          </td>
          <td dir="auto">{sessionTitle(row.sessionId)}</td>
          <td>{t(`themes.${row.theme}`)}</td>
          <td>
            <StatusBadge status={row.status} />
          </td>
          <td>{row.tally.supports}</td>
          <td>{agreementText(row.tally.agreement)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

function Ranking() {
  const { t } = useTranslation("recommendations");
  const { ranking } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="ranking-title" className="stack">
      <h2 id="ranking-title">{t("ranking.title")}</h2>
      <p className="muted">{t("ranking.intro")}</p>
      {ranking.overall.length === 0 ? (
        <p className="muted">{t("ranking.empty")}</p>
      ) : (
        <>
          <RankingTable id="ranking-overall" title={t("ranking.overall")} rows={ranking.overall} />
          {ranking.bySession.map((group) => (
            <RankingTable
              key={group.sessionId ?? "plenary"}
              id={`ranking-${group.sessionId ?? "plenary"}`}
              title={group.sessionTitle ?? t("plenary")}
              rows={group.ranked}
            />
          ))}
        </>
      )}
    </section>
  );
}

function RankingTable({ id, title, rows }: { id: string; title: string; rows: LoaderData["ranking"]["overall"] }) {
  const { t } = useTranslation("recommendations");
  const { workshop } = useLoaderData<typeof loader>();
  const agreementText = useAgreementText();
  return (
    <div className="stack">
      <h3 id={id} dir="auto">
        {title}
      </h3>
      <DataTable
        labelledBy={id}
        className="ranking-table"
        columns={[t("ranking.rank"), t("list.columns.title"), t("list.columns.status"), t("list.columns.supports"), t("list.columns.agreement")]}
      >
        {rows.map((row) => (
          <tr key={row.id}>
            <td>{row.rank}</td>
            <td>
              <Link to={`/workshops/${workshop.id}/recommendations/${row.id}`} dir="auto">
                {row.title}
              </Link>
            </td>
            <td>
              <StatusBadge status={row.status} />
            </td>
            <td>{row.tally.supports}</td>
            <td>
              {agreementText(row.tally.agreement)}
              {row.tally.agreements > 0 ? <span className="muted"> ({t("ranking.agreementCount", { count: row.tally.agreements })})</span> : null}
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
