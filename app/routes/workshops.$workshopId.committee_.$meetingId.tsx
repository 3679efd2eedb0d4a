import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireUser } from "~/auth/session.server";
import { decisionSchema, meetingSchema, OUTCOMES, RATIONALE_MAX } from "~/committee/forms";
import { evidencePath, recommendationPath } from "~/committee/links";
import { CommitteeHeader } from "~/components/committee/committee-nav";
import { MeetingFields } from "~/components/committee/meeting-fields";
import { Field, FormErrorSummary, SelectField, valueOf } from "~/components/field";
import { IntentForm } from "~/components/intent-form";
import { SubmitButton } from "~/components/submit-button";
import { DEFAULT_LANGUAGE, isLanguage, type Language } from "~/i18n/config";
import { can, requireCapability } from "~/models/access.server";
import { addToAgenda, getMeetingDossier, listAgendaCandidates, moveAgendaItem, removeFromAgenda, updateMeeting, type MeetingRefusal } from "~/models/committee.server";
import { recordDecision } from "~/models/decisions.server";
import { getWorkshop } from "~/models/workshop.server";
import { useRootData } from "~/root";
import { formatDateTime, toLocalInputValue } from "~/utils/dates";
import { formValues, parseForm, type FieldErrors } from "~/utils/forms";
import { badRequest, forbidden, notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.meeting.title} · ${data.workshop.title} · Majlis` : "Majlis" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const workshopId = params.workshopId ?? "";
  const meetingId = params.meetingId ?? "";
  const user = await requireUser(request);
  const access = await requireCapability({ workshopId, userId: user.id, capability: "committee.view" });
  const isOrganiser = can(access, "committee.manage");
  const [workshop, meeting, candidates] = await Promise.all([
    getWorkshop({ workshopId }),
    getMeetingDossier({ workshopId, meetingId }),
    isOrganiser ? listAgendaCandidates({ workshopId, meetingId }) : Promise.resolve([]),
  ]);
  if (!workshop || !meeting) notFound();
  const { workshop: _, ...rest } = meeting;
  return json({
    workshop: { id: workshop.id, title: workshop.title, status: workshop.status, timezone: workshop.timezone },
    isOrganiser,
    mayDecide: can(access, "committee.decide"),
    meeting: rest,
    candidates,
  });
}

type Refusal = { intent: string; subject: string | null; errors: FieldErrors; values?: Record<string, string | string[]> };

function refuse(status: number, refusal: Refusal) {
  return json(refusal, { status });
}

/** Refusals of the models, answered with the status a client expects and a sentence the page shows. */
function refusalStatus(reason: MeetingRefusal): number {
  if (reason === "notFound") return 404;
  if (reason === "forbidden") return 403;
  if (reason === "conflict" || reason === "decided" || reason === "alreadyOnAgenda") return 409;
  return 400;
}

const moveSchema = z.object({ itemId: z.string().min(1), direction: z.enum(["up", "down"]) });
const addSchema = z.object({ recommendationId: z.string().min(1, "committee:errors.chooseRecommendation") });

export async function action({ request, params }: ActionFunctionArgs) {
  const workshopId = params.workshopId ?? "";
  const meetingId = params.meetingId ?? "";
  const user = await requireUser(request);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const here = `/workshops/${workshopId}/committee/${meetingId}`;

  if (intent === "decide") {
    const access = await requireCapability({ workshopId, userId: user.id, capability: "committee.decide" });
    const subject = String(formData.get("recommendationId") ?? "") || null;
    const form = parseForm(decisionSchema, formData);
    if (!form.ok) return refuse(400, { intent, subject, errors: form.errors, values: form.values });
    const decided = await recordDecision({ workshopId, meetingId, access, actorId: user.id, decision: form.data });
    if (decided.ok) return redirect(`${here}#item-${form.data.recommendationId}`);
    if (decided.reason === "notFound") notFound();
    if (decided.reason === "forbidden") forbidden();
    // A decision is always a step of the workflow; "notAStep" would mean the outcome list and the workflow disagree.
    const key = decided.reason === "notAStep" ? "forbidden" : decided.reason;
    return refuse(refusalStatus(decided.reason), { intent, subject, errors: { form: { key: `committee:errors.${key}` } }, values: formValues(formData) });
  }

  const access = await requireCapability({ workshopId, userId: user.id, capability: "committee.manage" });
  if (intent === "update") {
    const workshop = await getWorkshop({ workshopId });
    if (!workshop) notFound();
    const form = parseForm(meetingSchema(workshop.timezone), formData);
    if (!form.ok) return refuse(400, { intent, subject: null, errors: form.errors, values: form.values });
    const updated = await updateMeeting({ workshopId, meetingId, actorId: user.id, fields: form.data });
    if (!updated.ok) notFound();
    return redirect(here);
  }
  if (intent === "add") {
    const form = parseForm(addSchema, formData);
    if (!form.ok) return refuse(400, { intent, subject: null, errors: form.errors, values: form.values });
    const added = await addToAgenda({ workshopId, meetingId, recommendationId: form.data.recommendationId, access, actorId: user.id });
    if (added.ok) return redirect(`${here}#item-${form.data.recommendationId}`);
    if (added.reason === "notFound") notFound();
    return refuse(refusalStatus(added.reason), { intent, subject: null, errors: { recommendationId: { key: `committee:errors.${added.reason === "notAStep" ? "notReady" : added.reason}` } } });
  }
  if (intent === "remove" || intent === "move") {
    const form = parseForm(moveSchema.partial({ direction: true }), formData);
    if (!form.ok || (intent === "move" && !form.data.direction)) badRequest();
    const { itemId, direction } = form.data;
    const changed = direction && intent === "move" ? await moveAgendaItem({ workshopId, meetingId, itemId, direction }) : await removeFromAgenda({ workshopId, meetingId, itemId });
    if (changed.ok) return redirect(`${here}#agenda-title`);
    if (changed.reason === "notFound") notFound();
    return refuse(refusalStatus(changed.reason), { intent, subject: itemId, errors: { form: { key: `committee:errors.${changed.reason}` } } });
  }
  badRequest();
}

type LoaderData = SerializeFrom<typeof loader>;
type AgendaItem = LoaderData["meeting"]["items"][number];

export default function MeetingPage() {
  const { t } = useTranslation(["committee", "recommendations", "common"]);
  const { workshop, isOrganiser, mayDecide, meeting, candidates } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const language = useRootData()?.language ?? DEFAULT_LANGUAGE;
  const base = `/workshops/${workshop.id}/committee/${meeting.id}`;
  const dossierLanguages = meeting.languages.filter(isLanguage);
  const editing = data?.intent === "update" ? data : undefined;
  const adding = data?.intent === "add" ? data : undefined;
  return (
    <div className="stack">
      <CommitteeHeader workshop={workshop} isOrganiser={isOrganiser} />
      <p>
        <Link to={`/workshops/${workshop.id}/committee`}>{t("meeting.back")}</Link>
      </p>
      <section className="stack" aria-labelledby="meeting-heading">
        <h2 id="meeting-heading" dir="auto">
          {meeting.title}
        </h2>
        <p className="row">
          <span>{formatDateTime(meeting.scheduledAt, workshop.timezone, language)}</span>
          {meeting.location ? <span dir="auto">{meeting.location}</span> : null}
          <span className={meeting.status === "PLANNED" ? "badge badge--warn" : "badge"}>{t(`meetingStatus.${meeting.status}`)}</span>
        </p>
        <section className="card stack" aria-labelledby="dossier-title">
          <h3 id="dossier-title">{t("meeting.dossier")}</h3>
          <p className="muted">{t("meeting.dossierIntro")}</p>
          <ul className="dossier-links">
            <li>
              <a href={`${base}/dossier.pdf`} download>
                {t("meeting.pdf", { languages: dossierLanguages.map((code) => t(`common:language.${code}`)).join(", ") })}
              </a>
            </li>
            <li>
              <a href={`${base}/dossier.xlsx`} download>
                {t("meeting.xlsx")}
              </a>
            </li>
            {dossierLanguages.map((code) => (
              <li key={code}>
                <a href={`${base}/dossier.csv?language=${code}`} download>
                  {t("meeting.csv", { language: t(`common:language.${code}`) })}
                </a>
              </li>
            ))}
          </ul>
        </section>
        {isOrganiser ? (
          <details className="editor-details" open={editing ? true : undefined}>
            <summary>{t("meeting.edit")}</summary>
            <IntentForm intent="update" noValidate className="stack">
              <FormErrorSummary errors={editing?.errors} />
              <MeetingFields
                idPrefix="meeting"
                withStatus
                timeZone={workshop.timezone}
                errors={editing?.errors}
                values={
                  editing?.values ?? {
                    title: meeting.title,
                    scheduledAt: toLocalInputValue(meeting.scheduledAt, workshop.timezone),
                    location: meeting.location,
                    languages: meeting.languages,
                    status: meeting.status,
                  }
                }
              />
              <div>
                <SubmitButton className="button button--primary">{t("meeting.save")}</SubmitButton>
              </div>
            </IntentForm>
          </details>
        ) : null}
      </section>

      <section className="stack" aria-labelledby="agenda-title">
        <h2 id="agenda-title" tabIndex={-1}>
          {t("meeting.agenda")}
        </h2>
        {meeting.items.length === 0 ? <p className="muted">{t("meeting.agendaEmpty")}</p> : null}
        <ol className="agenda-items">
          {meeting.items.map((item, index) => (
            <AgendaItemCard
              key={item.id}
              item={item}
              position={index + 1}
              last={index === meeting.items.length - 1}
              workshopId={workshop.id}
              timeZone={workshop.timezone}
              language={language}
              isOrganiser={isOrganiser}
              mayDecide={mayDecide}
              refusal={data && data.subject !== null && (data.subject === item.id || data.subject === item.recommendation.id) ? data : undefined}
            />
          ))}
        </ol>
        {isOrganiser ? (
          <section className="card stack" aria-labelledby="add-item-title">
            <h3 id="add-item-title">{t("meeting.add")}</h3>
            {candidates.length === 0 ? (
              <p className="muted">{t("meeting.addNone")}</p>
            ) : (
              <IntentForm intent="add" noValidate className="stack">
                <FormErrorSummary errors={adding?.errors} />
                <SelectField name="recommendationId" label={t("meeting.addLabel")} hint={t("meeting.addHint")} required defaultValue={valueOf(adding?.values, "recommendationId") ?? ""} error={adding?.errors.recommendationId}>
                  <option value="">{t("meeting.choose")}</option>
                  {candidates.map((candidate) => (
                    <option key={candidate.id} value={candidate.id}>
                      {candidate.title} ({t(`recommendations:statuses.${candidate.status}`)})
                    </option>
                  ))}
                </SelectField>
                <div>
                  <SubmitButton className="button button--primary">{t("meeting.add")}</SubmitButton>
                </div>
              </IntentForm>
            )}
          </section>
        ) : null}
      </section>
    </div>
  );
}

interface AgendaItemCardProps {
  item: AgendaItem;
  position: number;
  last: boolean;
  workshopId: string;
  timeZone: string;
  language: Language;
  isOrganiser: boolean;
  mayDecide: boolean;
  refusal?: Refusal;
}

function AgendaItemCard({ item, position, last, workshopId, timeZone, language, isOrganiser, mayDecide, refusal }: AgendaItemCardProps) {
  const { t } = useTranslation(["committee", "recommendations"]);
  const r = item.recommendation;
  const headingId = `item-${r.id}-title`;
  const deciding = refusal?.intent === "decide" ? refusal : undefined;
  const accepted = r.decision && (r.decision.outcome === "ACCEPTED" || r.decision.outcome === "ACCEPTED_WITH_CHANGES");
  return (
    <li id={`item-${r.id}`} className="card stack agenda-item" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span className="muted">{t("meeting.item", { position })}</span>{" "}
        <Link to={recommendationPath(workshopId, r.id)} dir="auto">
          {r.title}
        </Link>
      </h3>
      <p className="row">
        <span className="badge">{t(`recommendations:statuses.${r.status}`)}</span>
        <span className="badge badge--muted">{t(`recommendations:themes.${r.theme}`)}</span>
        <span className="badge badge--muted" dir="auto">
          {r.session?.title ?? t("recommendations:plenary")}
        </span>
        <span>{t("meeting.supports", { count: r.tally.supports })}</span>
        {r.tally.agreement !== null ? <span>{t("meeting.agreement", { value: r.tally.agreement.toFixed(1) })}</span> : null}
      </p>
      <dl className="agenda-facts">
        <dt>{t("meeting.problem")}</dt>
        <dd dir="auto">{r.problem}</dd>
        <dt>{t("meeting.proposedAction")}</dt>
        <dd dir="auto">{r.proposedAction}</dd>
        {r.rationale ? (
          <>
            <dt>{t("meeting.rationale")}</dt>
            <dd dir="auto">{r.rationale}</dd>
          </>
        ) : null}
      </dl>

      <section aria-labelledby={`${headingId}-evidence`}>
        <h4 id={`${headingId}-evidence`}>{t("meeting.evidence")}</h4>
        {r.sources.length === 0 ? (
          <p className="muted">{t("meeting.noEvidence")}</p>
        ) : (
          <ul className="evidence-list">
            {r.sources.map((source) => (
              <li key={source.id}>
                {source.excerpt ? (
                  <span dir="auto" className="evidence-list__excerpt">
                    {source.excerpt}
                  </span>
                ) : null}
                <Link to={evidencePath(workshopId, source)}>{t("meeting.evidenceLink", { board: source.board.title, version: source.boardVersion.name })}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby={`${headingId}-decision`} className="decision">
        <h4 id={`${headingId}-decision`}>{t("meeting.decision")}</h4>
        {r.decision ? (
          <>
            <p>
              <span className={`badge outcome outcome--${r.decision.outcome.toLowerCase()}`}>{t(`recommendations:outcomes.${r.decision.outcome}`)}</span>{" "}
              <span className="muted">
                {t("meeting.decidedBy", { name: r.decision.decidedBy?.name ?? "—", date: formatDateTime(r.decision.decidedAt, timeZone, language, { dateStyle: "medium", timeStyle: "short" }) })}
              </span>
            </p>
            <dl className="agenda-facts">
              <dt>{t("meeting.decisionRationale")}</dt>
              <dd dir="auto">{r.decision.rationale}</dd>
              {r.decision.changes ? (
                <>
                  <dt>{t("meeting.decisionChanges")}</dt>
                  <dd dir="auto">{r.decision.changes}</dd>
                </>
              ) : null}
            </dl>
          </>
        ) : (
          <p className="muted">{r.status === "UNDER_REVIEW" ? t("meeting.undecided") : t("meeting.notUnderReview")}</p>
        )}
        {mayDecide && !r.decision && r.status === "UNDER_REVIEW" ? <DecisionForm recommendationId={r.id} refusal={deciding} /> : null}
        {/* A refusal that is not about the form's fields: a conflict, an item already decided… */}
        {refusal && !deciding ? <FormErrorSummary errors={refusal.errors} /> : null}
        {deciding && r.status !== "UNDER_REVIEW" ? <FormErrorSummary errors={deciding.errors} /> : null}
      </section>

      {accepted || r.followUps.length > 0 ? (
        <p className="row">
          <span>{t("meeting.followUps", { count: r.followUps.length })}</span>
          {isOrganiser && accepted ? <Link to={`/workshops/${workshopId}/follow-up?recommendationId=${r.id}#new-action-heading`}>{t("meeting.addFollowUp")}</Link> : null}
        </p>
      ) : null}

      {isOrganiser ? (
        <div className="row agenda-item__controls">
          {position > 1 ? (
            <IntentForm intent="move" subject={{ itemId: item.id, direction: "up" }}>
              <SubmitButton className="button button--quiet">
                {t("meeting.moveUp")}
                <span className="visually-hidden"> : {r.title}</span>
              </SubmitButton>
            </IntentForm>
          ) : null}
          {!last ? (
            <IntentForm intent="move" subject={{ itemId: item.id, direction: "down" }}>
              <SubmitButton className="button button--quiet">
                {t("meeting.moveDown")}
                <span className="visually-hidden"> : {r.title}</span>
              </SubmitButton>
            </IntentForm>
          ) : null}
          {!r.decision ? (
            <IntentForm intent="remove" subject={{ itemId: item.id }}>
              <SubmitButton className="button button--danger">
                {t("meeting.remove")}
                <span className="visually-hidden"> : {r.title}</span>
              </SubmitButton>
            </IntentForm>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

/** The committee member's form: the outcome, its rationale (the reason, for a rejection or a deferral), the changes. */
function DecisionForm({ recommendationId, refusal }: { recommendationId: string; refusal?: Refusal }) {
  const { t } = useTranslation(["committee", "recommendations"]);
  const prefix = `decide-${recommendationId}`;
  return (
    <IntentForm intent="decide" subject={{ recommendationId }} noValidate className="stack decision-form">
      <FormErrorSummary errors={refusal?.errors} />
      <SelectField id={`${prefix}-outcome`} name="outcome" label={t("meeting.outcome")} required defaultValue={valueOf(refusal?.values, "outcome") ?? "ACCEPTED"} error={refusal?.errors.outcome}>
        {OUTCOMES.map((outcome) => (
          <option key={outcome} value={outcome}>
            {t(`recommendations:outcomes.${outcome}`)}
          </option>
        ))}
      </SelectField>
      <Field
        id={`${prefix}-rationale`}
        name="rationale"
        label={t("meeting.decisionRationale")}
        hint={t("meeting.decisionRationaleHint")}
        multiline
        required
        maxLength={RATIONALE_MAX}
        defaultValue={valueOf(refusal?.values, "rationale")}
        error={refusal?.errors.rationale}
      />
      <Field
        id={`${prefix}-changes`}
        name="changes"
        label={t("meeting.decisionChanges")}
        hint={t("meeting.decisionChangesHint")}
        multiline
        maxLength={RATIONALE_MAX}
        defaultValue={valueOf(refusal?.values, "changes")}
        error={refusal?.errors.changes}
      />
      <div>
        <SubmitButton className="button button--primary">{t("meeting.decideSubmit")}</SubmitButton>
      </div>
    </IntentForm>
  );
}
