import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { Field, FormErrorSummary, SelectField, valueOf } from "~/components/field";
import { IntentForm } from "~/components/intent-form";
import { SubmitButton } from "~/components/submit-button";
import { WorkshopHeader } from "~/components/workshop-header";
import { DEFAULT_LANGUAGE, type Language } from "~/i18n/config";
import { POLL_KINDS, POLL_LIMITS } from "~/live/polls";
import { PLENARY } from "~/live/protocol";
import { requireCapability } from "~/models/access.server";
import { listAgendaItems } from "~/models/agenda.server";
import { createPreparedPoll, deletePreparedPoll, inScope, listPreparedPolls, roomsRunBy, updatePreparedPoll, type PreparationChange } from "~/models/live/polls.server";
import { listRooms } from "~/models/live/room-access.server";
import { getWorkshop } from "~/models/workshop.server";
import { useRootData } from "~/root";
import { formatDateTime } from "~/utils/dates";
import { formValues, parseForm, type FieldErrors } from "~/utils/forms";
import { badRequest, forbidden, notFound } from "~/utils/http.server";
import { preparedPollFormSchema } from "~/utils/poll-form";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.workshop.title} · Majlis` : "Majlis" }];

async function requirePreparer(request: Request, workshopId: string) {
  const user = await requireUser(request);
  const access = await requireCapability({ workshopId, userId: user.id, capability: "polls.prepare" });
  return { user, access, scope: roomsRunBy(access) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const workshopId = params.workshopId ?? notFound();
  const { access, scope } = await requirePreparer(request, workshopId);
  const [workshop, items, rooms, polls] = await Promise.all([
    getWorkshop({ workshopId }),
    listAgendaItems({ workshopId }),
    listRooms({ workshopId }),
    listPreparedPolls({ workshopId, scope }),
  ]);
  if (!workshop) notFound();
  const roomTitles = Object.fromEntries(rooms.map((room) => [room.key, room.title]));
  return json({
    workshop: { id: workshop.id, title: workshop.title, status: workshop.status, timezone: workshop.timezone },
    isOrganiser: access.role === "ORGANISER",
    items: items
      .map((item) => ({ id: item.id, title: item.title, startsAt: item.startsAt.toISOString(), room: item.sessionId ?? PLENARY }))
      .filter((item) => inScope(scope, item.room)),
    rooms: rooms.filter((room) => inScope(scope, room.key)).map((room) => ({ key: room.key, title: room.title })),
    roomTitles,
    polls: polls.map(({ _count, ...poll }) => ({ ...poll, answers: _count.votes })),
  });
}

function refusal(intent: string, pollId: string | null, errors: FieldErrors, values: Record<string, string | string[]> = {}) {
  return json({ intent, pollId, errors, values }, { status: 400 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const workshopId = params.workshopId ?? notFound();
  const { user, scope } = await requirePreparer(request, workshopId);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const pollId = String(formData.get("pollId") ?? "");
  const actorId = user.id;

  const refused = (change: Exclude<PreparationChange, { ok: true }>, values: Record<string, string | string[]> = {}) => {
    if (change.reason === "notFound") notFound();
    if (change.reason === "forbidden") forbidden();
    const errors: FieldErrors =
      change.reason === "notDraft" ? { form: { key: "polls:errors.notDraft" } } : { agendaItemId: { key: "polls:errors.agendaItem" } };
    return refusal(intent, pollId || null, errors, values);
  };

  if (intent === "delete") {
    if (!pollId) badRequest();
    const change = await deletePreparedPoll({ workshopId, pollId, actorId, scope });
    return change.ok ? redirect(`/workshops/${workshopId}/polls`) : refused(change);
  }
  if (intent !== "create" && intent !== "update") badRequest();
  if (intent === "update" && !pollId) badRequest();

  const form = parseForm(preparedPollFormSchema, formData);
  if (!form.ok) return refusal(intent, intent === "update" ? pollId : null, form.errors, form.values);
  const { agendaItemId, fields } = form.data;
  const change =
    intent === "create"
      ? await createPreparedPoll({ workshopId, actorId, agendaItemId, fields, scope })
      : await updatePreparedPoll({ workshopId, pollId, actorId, agendaItemId, fields, scope });
  if (!change.ok) return refused(change, formValues(formData));
  return redirect(`/workshops/${workshopId}/polls#poll-${change.pollId}`);
}

type LoaderData = SerializeFrom<typeof loader>;
type PreparedPoll = LoaderData["polls"][number];

export default function PollsPreparationPage() {
  const { t } = useTranslation("polls");
  const { workshop, isOrganiser, items, rooms, roomTitles, polls } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const language = useRootData()?.language ?? DEFAULT_LANGUAGE;
  const itemIds = new Set(items.map((item) => item.id));
  const groups = [
    ...items.map((item) => ({ key: item.id, item, polls: polls.filter((poll) => poll.agendaItemId === item.id) })),
    { key: "other", item: null, polls: polls.filter((poll) => !poll.agendaItemId || !itemIds.has(poll.agendaItemId)) },
  ].filter((group) => group.polls.length > 0);
  const roomLabel = (room: string) => (room === PLENARY ? t("prepare.plenary") : (roomTitles[room] ?? ""));
  const creating = data?.intent === "create" ? data : undefined;
  const formProps = { items, rooms, timeZone: workshop.timezone, language, roomLabel };

  return (
    <div className="stack">
      <WorkshopHeader workshop={workshop} isOrganiser={isOrganiser} />
      <section aria-labelledby="polls-title" className="stack">
        <h2 id="polls-title">{t("prepare.title")}</h2>
        <p className="muted">{t("prepare.intro")}</p>
        {groups.length === 0 ? <p className="muted">{t("prepare.empty")}</p> : null}
        {groups.map((group) => (
          <section key={group.key} aria-labelledby={`group-${group.key}`} className="stack">
            <h3 id={`group-${group.key}`} dir="auto">
              {group.item ? (
                <>
                  <span className="muted">{formatDateTime(group.item.startsAt, workshop.timezone, language, { weekday: "short", hour: "2-digit", minute: "2-digit" })}</span>{" "}
                  {group.item.title}
                </>
              ) : (
                t("prepare.otherPolls")
              )}
            </h3>
            <ul className="poll-cards">
              {group.polls.map((poll) => (
                <PreparedPollCard key={poll.id} poll={poll} workshopId={workshop.id} action={data?.pollId === poll.id ? data : undefined} {...formProps} />
              ))}
            </ul>
          </section>
        ))}
      </section>
      <section aria-labelledby="add-poll-title" className="card">
        <h2 id="add-poll-title">{t("prepare.addTitle")}</h2>
        {items.length === 0 ? (
          <p className="muted">{t("prepare.noItems")}</p>
        ) : (
          <IntentForm intent="create" noValidate>
            <FormErrorSummary errors={creating?.errors} />
            <PollFormFields idPrefix="new-poll" values={creating?.values ?? { kind: "SINGLE", scaleMax: String(POLL_LIMITS.defaultScale) }} errors={creating?.errors} {...formProps} />
            <SubmitButton className="button button--primary">{t("prepare.add")}</SubmitButton>
          </IntentForm>
        )}
      </section>
    </div>
  );
}

interface FormContext {
  items: LoaderData["items"];
  rooms: LoaderData["rooms"];
  timeZone: string;
  language: Language;
  roomLabel(room: string): string;
}

interface PreparedPollCardProps extends FormContext {
  poll: PreparedPoll;
  workshopId: string;
  /** The answer of the last action on this poll, when it was refused. */
  action?: { intent: string; errors: FieldErrors; values: Record<string, string | string[]> };
}

function PreparedPollCard({ poll, workshopId, action, ...formContext }: PreparedPollCardProps) {
  const { t } = useTranslation("polls");
  const editing = action?.intent === "update" ? action : undefined;
  const prefix = `poll-${poll.id}`;
  return (
    <li id={prefix} className="card poll-card">
      <h4 dir="auto">{poll.question}</h4>
      <p className="row">
        <span className={poll.status === "DRAFT" ? "badge badge--warn" : "badge"}>{t(`status.${poll.status}`)}</span>
        <span className="badge badge--muted">{t(`kind.${poll.kind}`)}</span>
        <span className="badge badge--muted">{formContext.roomLabel(poll.room)}</span>
        {poll.anonymous ? <span className="badge badge--muted">{t("panel.anonymous")}</span> : null}
      </p>
      {poll.kind === "RATING" ? <p>{t("prepare.scale", { max: poll.scaleMax })}</p> : null}
      {poll.options.length > 0 ? (
        <ol className="poll-card__options">
          {poll.options.map((option, index) => (
            <li key={index}>
              <span dir="auto">{option}</span>
            </li>
          ))}
        </ol>
      ) : null}
      {/* A refusal outside the edit form: a failed delete, or an edit of a poll opened meanwhile. */}
      {action && !(editing && poll.status === "DRAFT") ? <FormErrorSummary errors={action.errors} /> : null}
      {poll.status === "DRAFT" ? (
        <>
          <details className="editor-details" open={editing ? true : undefined}>
            <summary>{t("prepare.edit")}</summary>
            <IntentForm intent="update" subject={{ pollId: poll.id }} noValidate>
              <FormErrorSummary errors={editing?.errors} />
              <PollFormFields
                idPrefix={prefix}
                values={
                  editing?.values ?? {
                    agendaItemId: poll.agendaItemId ?? "",
                    question: poll.question,
                    kind: poll.kind,
                    options: poll.options.join("\n"),
                    scaleMax: String(poll.scaleMax ?? POLL_LIMITS.defaultScale),
                    anonymous: poll.anonymous ? "on" : "",
                  }
                }
                errors={editing?.errors}
                {...formContext}
              />
              <SubmitButton className="button button--primary">{t("prepare.save")}</SubmitButton>
            </IntentForm>
          </details>
          <IntentForm intent="delete" subject={{ pollId: poll.id }}>
            <SubmitButton className="button button--danger">
              {t("prepare.delete")}
              <span className="visually-hidden"> : {poll.question}</span>
            </SubmitButton>
          </IntentForm>
        </>
      ) : (
        <p className="row">
          <span>{t("prepare.answers", { count: poll.answers })}</span>
          <a href={`/workshops/${workshopId}/polls/${poll.id}.csv`} download>
            {t("panel.export")}
            <span className="visually-hidden"> : {poll.question}</span>
          </a>
        </p>
      )}
    </li>
  );
}

interface PollFormFieldsProps extends FormContext {
  idPrefix: string;
  values: Record<string, string | string[]>;
  errors?: FieldErrors;
}

/** The fields of a prepared poll; those a kind does not use are ignored on save (no JavaScript needed to hide them). */
function PollFormFields({ idPrefix, values, errors, items, rooms, timeZone, language, roomLabel }: PollFormFieldsProps) {
  const { t } = useTranslation("polls");
  const when = (date: string) => formatDateTime(date, timeZone, language, { weekday: "short", hour: "2-digit", minute: "2-digit" });
  return (
    <>
      <SelectField
        id={`${idPrefix}-agendaItemId`}
        name="agendaItemId"
        label={t("fields.agendaItem")}
        hint={t("fields.agendaItemHint")}
        required
        defaultValue={valueOf(values, "agendaItemId") ?? ""}
        error={errors?.agendaItemId}
      >
        <option value="">{t("fields.agendaItemNone")}</option>
        {rooms.map((room) => {
          const roomItems = items.filter((item) => item.room === room.key);
          return roomItems.length === 0 ? null : (
            <optgroup key={room.key} label={roomLabel(room.key)}>
              {roomItems.map((item) => (
                <option key={item.id} value={item.id}>
                  {when(item.startsAt)} · {item.title}
                </option>
              ))}
            </optgroup>
          );
        })}
      </SelectField>
      <Field
        id={`${idPrefix}-question`}
        name="question"
        label={t("fields.question")}
        required
        maxLength={POLL_LIMITS.questionMax}
        defaultValue={valueOf(values, "question")}
        error={errors?.question}
      />
      <SelectField id={`${idPrefix}-kind`} name="kind" label={t("fields.kind")} defaultValue={valueOf(values, "kind") ?? "SINGLE"} error={errors?.kind}>
        {POLL_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`kind.${kind}`)}
          </option>
        ))}
      </SelectField>
      <Field
        id={`${idPrefix}-options`}
        name="options"
        label={t("fields.options")}
        hint={t("fields.optionsHintPrepared")}
        multiline
        defaultValue={valueOf(values, "options")}
        error={errors?.options}
      />
      <SelectField
        id={`${idPrefix}-scaleMax`}
        name="scaleMax"
        label={t("fields.scaleMax")}
        hint={t("fields.scaleHint")}
        defaultValue={valueOf(values, "scaleMax") ?? String(POLL_LIMITS.defaultScale)}
        error={errors?.scaleMax}
      >
        {Array.from({ length: POLL_LIMITS.scaleMax - POLL_LIMITS.scaleMin + 1 }, (_, i) => POLL_LIMITS.scaleMin + i).map((value) => (
          <option key={value} value={value}>
            {value}
          </option>
        ))}
      </SelectField>
      <label className="choice">
        <input type="checkbox" name="anonymous" defaultChecked={valueOf(values, "anonymous") === "on"} />
        {t("fields.anonymous")}
      </label>
    </>
  );
}
