import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { Field, FormErrorSummary, SelectField } from "~/components/field";
import { IntentForm } from "~/components/intent-form";
import { RecommendationFields } from "~/components/recommendations/recommendation-fields";
import { RecommendationHistory } from "~/components/recommendations/recommendation-history";
import { RecommendationPractices } from "~/components/recommendations/recommendation-practices";
import { StatusBadge, useAgreementText } from "~/components/recommendations/status-badge";
import { SubmitButton } from "~/components/submit-button";
import { WorkshopHeader } from "~/components/workshop-header";
import { DEFAULT_LANGUAGE } from "~/i18n/config";
import { can, getWorkshopAccess, requireCapability } from "~/models/access.server";
import { citePractice, listCitedPractices, searchCitablePractices, uncitePractice } from "~/models/practice-citations.server";
import { mergeRecommendation } from "~/models/recommendation-merge.server";
import { changeRecommendationStatus } from "~/models/recommendation-status.server";
import { setAgreement, setSupport, supportBudget } from "~/models/recommendation-support.server";
import { addComment, getRecommendation, listMergeTargets, listRecommendationSessions, updateRecommendation } from "~/models/recommendations.server";
import { getWorkshop } from "~/models/workshop.server";
import { citePracticeSchema, practiceQuerySchema } from "~/practices/exchange-forms";
import { practiceViewerOf } from "~/practices/viewer";
import { useRootData } from "~/root";
import { agreementSchema, COMMENT_MAX, commentSchema, editSchema, mergeSchema, REASON_MAX, statusSchema, supportSchema } from "~/recommendations/forms";
import { AGREEMENT_LEVELS, mayComment, mayEdit, maySetVisibility, maySupport, recommendableSessions, SUPPORT_STATUSES } from "~/recommendations/permissions";
import { tallyOf } from "~/recommendations/ranking";
import { invalid, refused, type Refused } from "~/recommendations/refusals.server";
import { actorRoles, allowedTransitions, mayTransition } from "~/recommendations/workflow";
import { formatDateTime } from "~/utils/dates";
import { formValues, parseForm } from "~/utils/forms";
import { badRequest, notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.recommendation.title} · Majlis` : "Majlis" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const workshopId = params.workshopId ?? notFound();
  const viewer = practiceViewerOf(user);
  const access = (await getWorkshopAccess({ workshopId, userId: user.id })) ?? notFound();
  const [workshop, recommendation] = await Promise.all([
    getWorkshop({ workshopId }),
    getRecommendation({ workshopId, recommendationId: params.recommendationId ?? "", access, viewer }),
  ]);
  // Outside the workshop, only what it shares beyond itself is read (a practice's page links here), read-only;
  // for anything else outsiders get the workshop's usual answer.
  const member = can(access, "recommendations.view");
  if (!member && !recommendation) await requireCapability({ workshopId, userId: user.id, capability: "recommendations.view" });
  if (!workshop || !recommendation) notFound();
  const { supports, events, decisions, authorId, ...rest } = recommendation;
  const actor = actorRoles({ access, userId: user.id, recommendation });
  const canEdit = mayEdit(actor, recommendation.status);
  const canMerge = mayTransition({ from: recommendation.status, to: "MERGED", via: "merge", actor });
  const prioritises = SUPPORT_STATUSES.some((status) => maySupport(access, status));
  const sessions = canEdit ? await listRecommendationSessions({ workshopId }) : [];
  const writable = recommendableSessions(access, sessions);
  const mine = supports.find((support) => support.userId === user.id);
  const practiceQuery = practiceQuerySchema.parse(new URL(request.url).searchParams.get("practiceQuery") ?? "");
  return json({
    workshop: { id: workshop.id, title: workshop.title, status: workshop.status, timezone: workshop.timezone },
    isOrganiser: access.role === "ORGANISER",
    member,
    recommendation: { ...rest, isAuthor: authorId === user.id },
    decision: decisions[0] ?? null,
    events,
    tally: tallyOf(supports),
    transitions: allowedTransitions(recommendation.status, actor),
    edit: canEdit
      ? {
          // The current session stays a choice even for someone who could not pick it now.
          sessions: sessions.filter((session) => session.id === recommendation.sessionId || writable.sessions.includes(session)).map(({ id, title }) => ({ id, title })),
          plenary: writable.plenary || recommendation.sessionId === null,
          showVisibility: maySetVisibility(access),
        }
      : null,
    mergeTargets: canMerge ? await listMergeTargets({ workshopId, recommendationId: recommendation.id, access, userId: user.id }) : null,
    canComment: mayComment(access, recommendation.status),
    practices: await listCitedPractices({ recommendationId: recommendation.id, viewer }),
    practiceSearch: canEdit
      ? { query: practiceQuery, results: await searchCitablePractices({ recommendationId: recommendation.id, viewer, query: practiceQuery }) }
      : null,
    support: prioritises
      ? {
          open: maySupport(access, recommendation.status),
          supported: mine?.supported ?? false,
          agreement: mine?.agreement ?? null,
          budget: await supportBudget({ workshopId, userId: user.id }),
        }
      : null,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const workshopId = params.workshopId ?? notFound();
  const recommendationId = params.recommendationId ?? notFound();
  const access = await requireCapability({ workshopId, userId: user.id, capability: "recommendations.view" });
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const here = `/workshops/${workshopId}/recommendations/${recommendationId}`;
  const target = { workshopId, recommendationId, access, actorId: user.id };

  switch (intent) {
    case "edit": {
      const form = parseForm(editSchema, formData);
      if (!form.ok) return invalid(intent, form.errors, form.values);
      const { seenAt, ...fields } = form.data;
      const saved = await updateRecommendation({ ...target, fields, seenAt });
      return saved.ok ? redirect(`${here}#content`) : refused(intent, saved.reason, formValues(formData));
    }
    case "status": {
      const form = parseForm(statusSchema, formData);
      if (!form.ok) return invalid(intent, form.errors, form.values);
      const changed = await changeRecommendationStatus({ ...target, ...form.data });
      return changed.ok ? redirect(here) : refused(intent, changed.reason, formValues(formData));
    }
    case "merge": {
      const form = parseForm(mergeSchema, formData);
      if (!form.ok) return invalid(intent, form.errors, form.values);
      const merged = await mergeRecommendation({ ...target, ...form.data });
      return merged.ok ? redirect(`/workshops/${workshopId}/recommendations/${form.data.targetId}`) : refused(intent, merged.reason, formValues(formData));
    }
    case "comment": {
      const form = parseForm(commentSchema, formData);
      if (!form.ok) return invalid(intent, form.errors, form.values);
      const commented = await addComment({ ...target, body: form.data.body });
      return commented.ok ? redirect(`${here}#comments`) : refused(intent, commented.reason, formValues(formData));
    }
    case "support": {
      const form = parseForm(supportSchema, formData);
      if (!form.ok) return invalid(intent, form.errors, form.values);
      const changed = await setSupport({ ...target, userId: user.id, supported: form.data.supported });
      return changed.ok ? redirect(`${here}#support`) : refused(intent, changed.reason, {}, { limit: changed.limit });
    }
    case "agreement": {
      const form = parseForm(agreementSchema, formData);
      if (!form.ok) return invalid(intent, form.errors, form.values);
      const changed = await setAgreement({ ...target, userId: user.id, agreement: form.data.agreement });
      return changed.ok ? redirect(`${here}#support`) : refused(intent, changed.reason, formValues(formData));
    }
    case "citePractice":
    case "uncitePractice": {
      const form = parseForm(citePracticeSchema, formData);
      if (!form.ok) return invalid(intent, form.errors, form.values);
      const change = intent === "citePractice" ? citePractice : uncitePractice;
      const changed = await change({ ...target, practiceId: form.data.practiceId, viewer: practiceViewerOf(user) });
      return changed.ok ? redirect(`${here}#practices`) : refused(intent, changed.reason, formValues(formData));
    }
    default:
      badRequest();
  }
}


export default function RecommendationPage() {
  const { t } = useTranslation("recommendations");
  const data = useLoaderData<typeof loader>();
  const sent = useActionData<typeof action>();
  const { workshop, isOrganiser, member, recommendation, events } = data;
  const language = useRootData()?.language ?? DEFAULT_LANGUAGE;
  const refusal = (intent: string) => (sent?.intent === intent ? sent : undefined);
  return (
    <div className="stack recommendation-page">
      <WorkshopHeader workshop={workshop} isOrganiser={isOrganiser} />
      {member ? (
        <p>
          <Link to={`/workshops/${workshop.id}/recommendations`}>{t("detail.back")}</Link>
        </p>
      ) : null}
      <article className="stack" aria-labelledby="recommendation-title">
        <header className="stack">
          <h2 id="recommendation-title" dir="auto" lang={recommendation.language}>
            {recommendation.title}
          </h2>
          <p className="row">
            <StatusBadge status={recommendation.status} />
            <span className="badge badge--muted">{t(`themes.${recommendation.theme}`)}</span>
            <span className="muted">
              {t("detail.author", {
                name: recommendation.author?.name ?? t("history.someone"),
                date: formatDateTime(recommendation.createdAt, workshop.timezone, language, { dateStyle: "medium", timeStyle: "short" }),
              })}
            </span>
          </p>
          {recommendation.mergedInto ? (
            <p className="alert alert--info">
              <Link to={`/workshops/${workshop.id}/recommendations/${recommendation.mergedInto.id}`}>
                {t("detail.mergedInto", { title: recommendation.mergedInto.title })}
              </Link>
            </p>
          ) : null}
        </header>
        <Content />
        <Decision />
        {member ? <StatusSteps refusal={refusal("status")} /> : null}
        <Support refusal={refusal("support") ?? refusal("agreement")} />
        <Sources />
        <RecommendationPractices practices={data.practices} search={data.practiceSearch} refusal={refusal("citePractice") ?? refusal("uncitePractice")} />
        <Edit refusal={refusal("edit")} />
        <Merge refusal={refusal("merge")} />
        <Comments refusal={refusal("comment")} />
        <section aria-labelledby="history-title" className="stack">
          <h3 id="history-title">{t("history.title")}</h3>
          <RecommendationHistory events={events} timeZone={workshop.timezone} language={language} />
        </section>
      </article>
    </div>
  );
}

function Content() {
  const { t } = useTranslation(["recommendations", "common"]);
  const { recommendation } = useLoaderData<typeof loader>();
  const text = (value: string) => (
    <dd dir="auto" lang={recommendation.language} className="recommendation-text">
      {value}
    </dd>
  );
  return (
    <section id="content" aria-labelledby="content-title" className="card stack">
      <h3 id="content-title">{t("detail.content")}</h3>
      <dl className="recommendation-facts">
        <div>
          <dt>{t("fields.problem")}</dt>
          {text(recommendation.problem)}
        </div>
        <div>
          <dt>{t("fields.rationale")}</dt>
          {recommendation.rationale ? text(recommendation.rationale) : <dd className="muted">{t("detail.noRationale")}</dd>}
        </div>
        <div>
          <dt>{t("fields.proposedAction")}</dt>
          {text(recommendation.proposedAction)}
        </div>
      </dl>
      <dl className="facts">
        <div>
          <dt>{t("fields.session")}</dt>
          <dd dir="auto">{recommendation.session?.title ?? t("plenary")}</dd>
        </div>
        <div>
          <dt>{t("fields.ownerInstitution")}</dt>
          <dd dir="auto">{recommendation.ownerInstitution || t("detail.noOwner")}</dd>
        </div>
        <div>
          <dt>{t("fields.priority")}</dt>
          <dd>{t(`priorities.${recommendation.priority}`)}</dd>
        </div>
        <div>
          <dt>{t("fields.costBand")}</dt>
          <dd>{t(`costBands.${recommendation.costBand}`)}</dd>
        </div>
        <div>
          <dt>{t("fields.timeframe")}</dt>
          <dd>{t(`timeframes.${recommendation.timeframe}`)}</dd>
        </div>
        <div>
          <dt>{t("fields.language")}</dt>
          <dd>{t(`common:language.${recommendation.language}`, { defaultValue: recommendation.language })}</dd>
        </div>
        <div>
          <dt>{t("fields.visibility")}</dt>
          <dd>{t(`visibilities.${recommendation.visibility}`)}</dd>
        </div>
      </dl>
      {recommendation.mergedFrom.length > 0 ? (
        <div>
          <p>{t("detail.mergedFrom")}</p>
          <ul>
            {recommendation.mergedFrom.map((merged) => (
              <li key={merged.id}>
                <Link to={`/workshops/${recommendation.workshopId}/recommendations/${merged.id}`} dir="auto">
                  {merged.title}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function Decision() {
  const { t } = useTranslation("recommendations");
  const { decision, workshop } = useLoaderData<typeof loader>();
  const language = useRootData()?.language ?? DEFAULT_LANGUAGE;
  if (!decision) return null;
  return (
    <section aria-labelledby="decision-title" className="card stack">
      <h3 id="decision-title">{t("detail.decision")}</h3>
      <p>
        <strong>
          {t("detail.decidedOn", {
            outcome: t(`outcomes.${decision.outcome}`),
            date: formatDateTime(decision.decidedAt, workshop.timezone, language, { dateStyle: "medium" }),
          })}
        </strong>
      </p>
      <p dir="auto">{decision.rationale}</p>
      {decision.changes ? <p dir="auto">{t("detail.decisionChanges", { changes: decision.changes })}</p> : null}
    </section>
  );
}

/** One form, one button per step this person may take now; the server checks the step again. */
function StatusSteps({ refusal }: { refusal?: Refused }) {
  const { t } = useTranslation("recommendations");
  const { recommendation, transitions } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="status-title" className="stack">
      <h3 id="status-title">{t("status.title")}</h3>
      <FormErrorSummary errors={refusal?.errors} />
      {transitions.length === 0 ? (
        <p className="muted">{t("status.none")}</p>
      ) : (
        <IntentForm intent="status" subject={{ from: recommendation.status }} className="stack" noValidate>
          <Field id="status-reason" name="reason" label={t("status.reason")} multiline maxLength={REASON_MAX} defaultValue={refusal?.values.reason as string | undefined} />
          <div className="row">
            {transitions.map((to) => (
              <SubmitButton key={to} name="to" value={to} className={to === "DRAFT" ? "button" : "button button--primary"}>
                {t(`status.to.${to}`, { defaultValue: t(`statuses.${to}`) })}
              </SubmitButton>
            ))}
          </div>
        </IntentForm>
      )}
    </section>
  );
}

function Support({ refusal }: { refusal?: Refused }) {
  const { t } = useTranslation("recommendations");
  const { tally, support } = useLoaderData<typeof loader>();
  const agreementText = useAgreementText();
  return (
    <section id="support" aria-labelledby="support-title" className="stack">
      <h3 id="support-title">{t("support.title")}</h3>
      <p>{t("support.summary", { supports: tally.supports, agreement: agreementText(tally.agreement) })}</p>
      <FormErrorSummary errors={refusal?.errors} />
      {support && !support.open ? <p className="muted">{t("support.closed")}</p> : null}
      {support?.open ? (
        <div className="stack card">
          <p className="muted">{t("support.budget", { left: support.budget.left, limit: support.budget.limit })}</p>
          {support.supported ? <p className="alert alert--ok">{t("support.supported")}</p> : null}
          <IntentForm intent="support" subject={{ supported: support.supported ? "false" : "true" }}>
            <SubmitButton className={support.supported ? "button" : "button button--primary"}>{support.supported ? t("support.withdraw") : t("support.give")}</SubmitButton>
          </IntentForm>
          <IntentForm intent="agreement" className="stack">
            <fieldset className="agreement-scale">
              <legend>{t("support.agreement")}</legend>
              {AGREEMENT_LEVELS.map((level) => (
                <label key={level} className="agreement-scale__option">
                  <input type="radio" name="agreement" value={level} defaultChecked={support.agreement === level} />
                  {t(`support.levels.${level}`)}
                </label>
              ))}
              <label className="agreement-scale__option">
                <input type="radio" name="agreement" value="" defaultChecked={support.agreement === null} />
                {t("support.agreementNone")}
              </label>
            </fieldset>
            <SubmitButton className="button">{t("support.agreementSubmit")}</SubmitButton>
          </IntentForm>
        </div>
      ) : null}
    </section>
  );
}

function Sources() {
  const { t } = useTranslation("recommendations");
  const { recommendation, workshop, member } = useLoaderData<typeof loader>();
  const language = useRootData()?.language ?? DEFAULT_LANGUAGE;
  return (
    <section id="sources" aria-labelledby="sources-title" className="stack">
      <h3 id="sources-title">{t("sources.title")}</h3>
      {recommendation.sources.length === 0 ? <p className="muted">{t("sources.none")}</p> : null}
      <ul className="recommendation-sources">
        {recommendation.sources.map((source) => (
          <li key={source.id} className="card stack">
            <blockquote dir="auto">{source.excerpt || t(`sources.types.${source.elementType}`, { defaultValue: source.elementType })}</blockquote>
            <p className="muted">
              {t("sources.version", {
                board: source.board.title,
                version: source.boardVersion.name,
                date: formatDateTime(source.boardVersion.createdAt, workshop.timezone, language, { dateStyle: "medium", timeStyle: "short" }),
              })}
            </p>
            {member ? (
              <Link to={`/workshops/${workshop.id}/boards/${source.boardId}/versions/${source.boardVersionId}?${new URLSearchParams({ element: source.elementId })}`}>
                {t("sources.view")}
              </Link>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Edit({ refusal }: { refusal?: Refused }) {
  const { t } = useTranslation("recommendations");
  const { recommendation, edit } = useLoaderData<typeof loader>();
  if (!edit) return null;
  const saved: Record<string, string> = {
    title: recommendation.title,
    problem: recommendation.problem,
    rationale: recommendation.rationale,
    proposedAction: recommendation.proposedAction,
    theme: recommendation.theme,
    ownerInstitution: recommendation.ownerInstitution,
    priority: recommendation.priority,
    costBand: recommendation.costBand,
    timeframe: recommendation.timeframe,
    language: recommendation.language,
    visibility: recommendation.visibility,
    sessionId: recommendation.sessionId ?? "",
  };
  return (
    <details className="editor-details" open={refusal ? true : undefined}>
      <summary>{t("detail.edit")}</summary>
      <IntentForm intent="edit" subject={{ seenAt: recommendation.updatedAt }} noValidate className="stack recommendation-form">
        <FormErrorSummary errors={refusal?.errors} />
        <RecommendationFields
          idPrefix="edit"
          values={refusal?.values ?? saved}
          errors={refusal?.errors}
          sessions={edit.sessions}
          plenary={edit.plenary}
          showVisibility={edit.showVisibility}
        />
        <SubmitButton className="button button--primary">{t("detail.editSubmit")}</SubmitButton>
      </IntentForm>
    </details>
  );
}

function Merge({ refusal }: { refusal?: Refused }) {
  const { t } = useTranslation("recommendations");
  const { recommendation, mergeTargets } = useLoaderData<typeof loader>();
  if (!mergeTargets) return null;
  return (
    <details className="editor-details" open={refusal ? true : undefined}>
      <summary>{t("merge.title")}</summary>
      <IntentForm intent="merge" subject={{ from: recommendation.status }} noValidate className="stack">
        <p className="muted">{t("merge.hint")}</p>
        <FormErrorSummary errors={refusal?.errors} />
        <SelectField id="merge-target" name="targetId" label={t("merge.target")} defaultValue={(refusal?.values.targetId as string | undefined) ?? ""} error={refusal?.errors.targetId}>
          <option value="">{t("merge.choose")}</option>
          {mergeTargets.map((target) => (
            <option key={target.id} value={target.id}>
              {target.title} ({t(`statuses.${target.status}`)}
              {target.session ? ` · ${target.session.title}` : ""})
            </option>
          ))}
        </SelectField>
        <SubmitButton className="button button--danger">{t("merge.submit")}</SubmitButton>
      </IntentForm>
    </details>
  );
}

function Comments({ refusal }: { refusal?: Refused }) {
  const { t } = useTranslation("recommendations");
  const { recommendation, workshop, canComment } = useLoaderData<typeof loader>();
  const language = useRootData()?.language ?? DEFAULT_LANGUAGE;
  return (
    <section id="comments" aria-labelledby="comments-title" className="stack">
      <h3 id="comments-title">{t("comments.title")}</h3>
      {recommendation.comments.length === 0 ? <p className="muted">{t("comments.none")}</p> : null}
      <ol className="recommendation-comments">
        {recommendation.comments.map((comment) => (
          <li key={comment.id} className="card">
            <p className="muted">
              {t("comments.meta", {
                name: comment.author?.name ?? t("history.someone"),
                date: formatDateTime(comment.createdAt, workshop.timezone, language, { dateStyle: "medium", timeStyle: "short" }),
              })}
            </p>
            <p dir="auto" className="recommendation-text">
              {comment.body}
            </p>
          </li>
        ))}
      </ol>
      {canComment ? (
        <IntentForm intent="comment" noValidate className="stack">
          <FormErrorSummary errors={refusal?.errors} />
          <Field id="comment-body" name="body" label={t("comments.label")} multiline required maxLength={COMMENT_MAX} defaultValue={refusal?.values.body as string | undefined} error={refusal?.errors.body} />
          <SubmitButton className="button">{t("comments.submit")}</SubmitButton>
        </IntentForm>
      ) : null}
    </section>
  );
}

