import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireUser } from "~/auth/session.server";
import { FOLLOW_UP_STATUSES, followUpSchema, newFollowUpSchema, NOTES_MAX, readFollowUpFilters } from "~/committee/forms";
import { recommendationPath } from "~/committee/links";
import { dayOf, todayIn } from "~/committee/overdue";
import { CommitteeHeader } from "~/components/committee/committee-nav";
import { Field, FormErrorSummary, SelectField, valueOf } from "~/components/field";
import { IntentForm } from "~/components/intent-form";
import { SubmitButton } from "~/components/submit-button";
import { DEFAULT_LANGUAGE } from "~/i18n/config";
import { can, requireCapability } from "~/models/access.server";
import { createFollowUpAction, listFollowUpActions, listFollowUpCandidates, updateFollowUpAction } from "~/models/follow-up.server";
import { changeRecommendationStatus } from "~/models/recommendation-status.server";
import { getWorkshop } from "~/models/workshop.server";
import { useRootData } from "~/root";
import { formatDate, formatDateTime } from "~/utils/dates";
import { formValues, parseForm, type FieldErrors } from "~/utils/forms";
import { badRequest, forbidden, notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.workshop.title} · Majlis` : "Majlis" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const workshopId = params.workshopId ?? "";
  const user = await requireUser(request);
  const access = await requireCapability({ workshopId, userId: user.id, capability: "committee.view" });
  const isOrganiser = can(access, "committee.manage");
  const workshop = await getWorkshop({ workshopId });
  if (!workshop) notFound();
  const today = todayIn(workshop.timezone);
  const filters = readFollowUpFilters(new URL(request.url).searchParams);
  const [actions, candidates] = await Promise.all([
    listFollowUpActions({ workshopId, filters, today }),
    isOrganiser ? listFollowUpCandidates({ workshopId }) : Promise.resolve([]),
  ]);
  return json({
    workshop: { id: workshop.id, title: workshop.title, status: workshop.status, timezone: workshop.timezone },
    isOrganiser,
    actions,
    candidates,
    today,
  });
}

type Refusal = { intent: string; subject: string | null; errors: FieldErrors; values?: Record<string, string | string[]> };

const completeSchema = z.object({ recommendationId: z.string().min(1) });

export async function action({ request, params }: ActionFunctionArgs) {
  const workshopId = params.workshopId ?? "";
  const user = await requireUser(request);
  const access = await requireCapability({ workshopId, userId: user.id, capability: "committee.manage" });
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const here = `/workshops/${workshopId}/follow-up`;
  const refuse = (status: number, refusal: Refusal) => json(refusal, { status });

  if (intent === "create") {
    const form = parseForm(newFollowUpSchema, formData);
    if (!form.ok) return refuse(400, { intent, subject: null, errors: form.errors, values: form.values });
    const { recommendationId, ...fields } = form.data;
    const created = await createFollowUpAction({ workshopId, recommendationId, access, actorId: user.id, fields });
    if (created.ok) return redirect(`${here}#action-${created.actionId}`);
    if (created.reason === "notFound") notFound();
    return refuse(400, { intent, subject: null, errors: { recommendationId: { key: "committee:errors.notAccepted" } }, values: formValues(formData) });
  }
  if (intent === "update") {
    const actionId = String(formData.get("actionId") ?? "");
    if (!actionId) badRequest();
    const form = parseForm(followUpSchema, formData);
    if (!form.ok) return refuse(400, { intent, subject: actionId, errors: form.errors, values: form.values });
    const updated = await updateFollowUpAction({ workshopId, actionId, access, actorId: user.id, fields: form.data });
    if (!updated.ok) notFound();
    return redirect(`${here}#action-${actionId}`);
  }
  if (intent === "complete") {
    const form = parseForm(completeSchema, formData);
    if (!form.ok) badRequest();
    const { recommendationId } = form.data;
    const changed = await changeRecommendationStatus({ workshopId, recommendationId, access, actorId: user.id, from: "IN_IMPLEMENTATION", to: "DONE" });
    if (changed.ok) return redirect(here);
    if (changed.reason === "notFound") notFound();
    if (changed.reason === "forbidden") forbidden();
    return refuse(409, { intent, subject: recommendationId, errors: { form: { key: "recommendations:errors.conflict" } } });
  }
  badRequest();
}

type LoaderData = SerializeFrom<typeof loader>;
type Action = LoaderData["actions"][number];

export default function FollowUpPage() {
  const { t } = useTranslation(["committee", "recommendations"]);
  const { workshop, isOrganiser, actions, candidates } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const creating = data?.intent === "create" ? data : undefined;
  const overdue = actions.filter((action) => action.overdue).length;
  const preselected = searchParams.get("recommendationId") ?? "";
  // Each recommendation whose actions are all done is offered once, at its last action.
  const lastOfRecommendation = new Map(actions.map((action) => [action.recommendation.id, action.id]));
  return (
    <div className="stack">
      <CommitteeHeader workshop={workshop} isOrganiser={isOrganiser} />
      <section className="stack" aria-labelledby="follow-up-title">
        <h2 id="follow-up-title">{t("followUp.title")}</h2>
        <p className="muted">{t("followUp.intro")}</p>
        <Form method="get" className="card filters" aria-labelledby="filters-title">
          <h3 id="filters-title" className="visually-hidden">
            {t("followUp.filters")}
          </h3>
          <div className="form-row">
            <SelectField name="status" label={t("followUp.fields.status")} defaultValue={searchParams.get("status") ?? ""}>
              <option value="">{t("followUp.allStatuses")}</option>
              {FOLLOW_UP_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`recommendations:followUpStatuses.${status}`)}
                </option>
              ))}
            </SelectField>
            <Field name="owner" label={t("followUp.owner")} defaultValue={searchParams.get("owner") ?? ""} />
            <label className="choice">
              <input type="checkbox" name="overdue" value="1" defaultChecked={searchParams.get("overdue") === "1"} />
              <span>{t("followUp.overdueOnly")}</span>
            </label>
          </div>
          <div className="row">
            <button type="submit" className="button">
              {t("followUp.apply")}
            </button>
            <Link to={`/workshops/${workshop.id}/follow-up`}>{t("followUp.reset")}</Link>
          </div>
        </Form>
        <p className="row" role="status">
          <span>{t("followUp.count", { count: actions.length })}</span>
          {overdue > 0 ? <span className="badge badge--danger">{t("followUp.overdueCount", { count: overdue })}</span> : null}
        </p>
        {actions.length === 0 ? <p className="muted">{t("followUp.empty")}</p> : null}
        <ul className="follow-up-list">
          {actions.map((action) => (
            <ActionCard
              key={action.id}
              action={action}
              workshopId={workshop.id}
              timeZone={workshop.timezone}
              isOrganiser={isOrganiser}
              offerDone={isOrganiser && lastOfRecommendation.get(action.recommendation.id) === action.id}
              refusal={data?.subject === action.id || data?.subject === action.recommendation.id ? data : undefined}
            />
          ))}
        </ul>
      </section>
      {isOrganiser ? (
        <section className="card stack" aria-labelledby="new-action-heading">
          <h2 id="new-action-heading" tabIndex={-1}>
            {t("followUp.create")}
          </h2>
          {candidates.length === 0 ? (
            <p className="muted">{t("followUp.noCandidates")}</p>
          ) : (
            <IntentForm intent="create" noValidate className="stack">
              <FormErrorSummary errors={creating?.errors} />
              <SelectField
                id="new-action-recommendation"
                name="recommendationId"
                label={t("followUp.fields.recommendation")}
                required
                defaultValue={valueOf(creating?.values, "recommendationId") ?? preselected}
                error={creating?.errors.recommendationId}
              >
                <option value="">{t("meeting.choose")}</option>
                {candidates.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.title}
                  </option>
                ))}
              </SelectField>
              <ActionFields idPrefix="new-action" values={creating?.values ?? { status: "NOT_STARTED", progress: "0" }} errors={creating?.errors} />
              <div>
                <SubmitButton className="button button--primary">{t("followUp.createSubmit")}</SubmitButton>
              </div>
            </IntentForm>
          )}
        </section>
      ) : null}
    </div>
  );
}

interface ActionCardProps {
  action: Action;
  workshopId: string;
  timeZone: string;
  isOrganiser: boolean;
  offerDone: boolean;
  refusal?: Refusal;
}

function ActionCard({ action, workshopId, timeZone, isOrganiser, offerDone, refusal }: ActionCardProps) {
  const { t } = useTranslation(["committee", "recommendations"]);
  const language = useRootData()?.language ?? DEFAULT_LANGUAGE;
  const editing = refusal?.intent === "update" ? refusal : undefined;
  const titleId = `action-${action.id}-heading`;
  const recommendation = action.recommendation;
  return (
    <li id={`action-${action.id}`} className={`card stack follow-up${action.overdue ? " follow-up--overdue" : ""}`} aria-labelledby={titleId}>
      <h3 id={titleId} dir="auto">
        {action.title}
      </h3>
      <p className="row">
        {action.overdue ? <span className="badge badge--danger">{t("followUp.overdue")}</span> : null}
        <span className="badge badge--muted">{t(`recommendations:followUpStatuses.${action.status}`)}</span>
        <span>{t("followUp.due", { date: formatDate(`${dayOf(action.dueDate)}T12:00:00Z`, "UTC", language) })}</span>
        <span dir="auto">{action.ownerName ? t("followUp.owners", { institution: action.ownerInstitution, name: action.ownerName }) : action.ownerInstitution}</span>
      </p>
      <p className="follow-up__progress">
        <progress max={100} value={action.progress} aria-label={t("followUp.progressLabel", { title: action.title })} />
        <span dir="ltr">{t("followUp.progress", { value: action.progress })}</span>
      </p>
      <p>
        <Link to={recommendationPath(workshopId, recommendation.id)}>{t("followUp.recommendation", { title: recommendation.title })}</Link>{" "}
        <span className="badge badge--muted">{t(`recommendations:statuses.${recommendation.status}`)}</span>
      </p>
      {action.notes ? (
        <p className="follow-up__notes" dir="auto">
          {action.notes}
        </p>
      ) : null}
      {action.updates.length > 0 ? (
        <details>
          <summary>{t("followUp.history")}</summary>
          <ul className="follow-up__history">
            {action.updates.map((update) => (
              <li key={update.id}>
                {t("followUp.historyEntry", {
                  status: t(`recommendations:followUpStatuses.${update.status}`),
                  progress: update.progress,
                  name: update.actor?.name ?? "—",
                  date: formatDateTime(update.createdAt, timeZone, language, { dateStyle: "medium", timeStyle: "short" }),
                })}
                {update.note ? (
                  <>
                    {" — "}
                    <span dir="auto">{update.note}</span>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {isOrganiser ? (
        <details className="editor-details" open={editing ? true : undefined}>
          <summary>
            {t("followUp.edit")}
            <span className="visually-hidden"> : {action.title}</span>
          </summary>
          <IntentForm intent="update" subject={{ actionId: action.id }} noValidate className="stack">
            <FormErrorSummary errors={editing?.errors} />
            <ActionFields
              idPrefix={`action-${action.id}`}
              errors={editing?.errors}
              values={
                editing?.values ?? {
                  title: action.title,
                  ownerInstitution: action.ownerInstitution,
                  ownerName: action.ownerName,
                  dueDate: dayOf(action.dueDate),
                  status: action.status,
                  progress: String(action.progress),
                  notes: action.notes,
                }
              }
            />
            <div>
              <SubmitButton className="button button--primary">{t("followUp.save")}</SubmitButton>
            </div>
          </IntentForm>
        </details>
      ) : null}
      {offerDone && recommendation.status === "IN_IMPLEMENTATION" && recommendation.allActionsDone ? (
        <div className="alert alert--ok stack">
          <p dir="auto">{t("followUp.allDone", { title: recommendation.title })}</p>
          <IntentForm intent="complete" subject={{ recommendationId: recommendation.id }}>
            <SubmitButton className="button button--primary">{t("followUp.markDone")}</SubmitButton>
          </IntentForm>
        </div>
      ) : null}
      {refusal && !editing ? <FormErrorSummary errors={refusal.errors} /> : null}
    </li>
  );
}

/** The fields of a follow-up action, for its creation and its updates. */
function ActionFields({ idPrefix, values, errors }: { idPrefix: string; values: Record<string, string | string[]>; errors?: FieldErrors }) {
  const { t } = useTranslation(["committee", "recommendations"]);
  return (
    <>
      <Field id={`${idPrefix}-title`} name="title" label={t("followUp.fields.title")} required maxLength={200} defaultValue={valueOf(values, "title")} error={errors?.title} />
      <div className="form-row">
        <Field id={`${idPrefix}-ownerInstitution`} name="ownerInstitution" label={t("followUp.fields.ownerInstitution")} required maxLength={200} defaultValue={valueOf(values, "ownerInstitution")} error={errors?.ownerInstitution} />
        <Field id={`${idPrefix}-ownerName`} name="ownerName" label={t("followUp.fields.ownerName")} maxLength={200} defaultValue={valueOf(values, "ownerName")} error={errors?.ownerName} />
      </div>
      <div className="form-row">
        <Field id={`${idPrefix}-dueDate`} name="dueDate" type="date" label={t("followUp.fields.dueDate")} required defaultValue={valueOf(values, "dueDate")} error={errors?.dueDate} />
        <SelectField id={`${idPrefix}-status`} name="status" label={t("followUp.fields.status")} required defaultValue={valueOf(values, "status")} error={errors?.status}>
          {FOLLOW_UP_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`recommendations:followUpStatuses.${status}`)}
            </option>
          ))}
        </SelectField>
        <Field id={`${idPrefix}-progress`} name="progress" type="number" min={0} max={100} step={1} label={t("followUp.fields.progress")} required defaultValue={valueOf(values, "progress")} error={errors?.progress} />
      </div>
      <Field id={`${idPrefix}-notes`} name="notes" label={t("followUp.fields.notes")} multiline maxLength={NOTES_MAX} defaultValue={valueOf(values, "notes")} error={errors?.notes} />
      <Field id={`${idPrefix}-note`} name="note" label={t("followUp.fields.note")} hint={t("followUp.fields.noteHint")} maxLength={1000} defaultValue={valueOf(values, "note")} error={errors?.note} />
    </>
  );
}
