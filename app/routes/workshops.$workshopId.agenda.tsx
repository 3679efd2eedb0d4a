import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { Field, FormErrorSummary, SelectField, valueOf } from "~/components/field";
import { IntentForm } from "~/components/intent-form";
import { SubmitButton } from "~/components/submit-button";
import { TimeRangeFields } from "~/components/time-range-fields";
import { WorkshopHeader } from "~/components/workshop-header";
import { DEFAULT_LANGUAGE } from "~/i18n/config";
import { requireCapability } from "~/models/access.server";
import { createAgendaItem, deleteAgendaItem, listAgendaItems, updateAgendaItem, type AgendaChange } from "~/models/agenda.server";
import { listSessions } from "~/models/session.server";
import { getWorkshop } from "~/models/workshop.server";
import { useRootData } from "~/root";
import { formatDateTime, formatTime, toLocalInputValue } from "~/utils/dates";
import { formValues, parseForm, type FieldErrors } from "~/utils/forms";
import { badRequest, notFound } from "~/utils/http.server";
import { agendaItemFormSchema, workshopDays } from "~/utils/schedule-forms.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.workshop.title} · Majlis` : "Majlis" }];

const HOUR_MS = 3600 * 1000;

async function loadWorkshop(workshopId: string) {
  return (await getWorkshop({ workshopId })) ?? notFound();
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const workshopId = params.workshopId ?? notFound();
  await requireCapability({ workshopId, userId: user.id, capability: "workshop.edit" });
  const [workshop, items, sessions] = await Promise.all([loadWorkshop(workshopId), listAgendaItems({ workshopId }), listSessions({ workshopId })]);
  const timeZone = workshop.timezone;
  const days = workshopDays({ startsAt: workshop.startsAt, endsAt: workshop.endsAt, timeZone });
  // A new slot most often follows the last one: offer that time, an hour long, rather than an empty field.
  const nextStart = items.length > 0 ? items[items.length - 1].endsAt : workshop.startsAt;
  const nextEnd = new Date(Math.min(nextStart.getTime() + HOUR_MS, days.latest.getTime()));
  return json({
    workshop: { id: workshop.id, title: workshop.title, status: workshop.status, timezone: timeZone },
    items: items.map((item) => ({
      ...item,
      startsAtLocal: toLocalInputValue(item.startsAt, timeZone),
      endsAtLocal: toLocalInputValue(item.endsAt, timeZone),
    })),
    sessions: sessions.map((session) => ({ id: session.id, title: session.title })),
    limits: { min: toLocalInputValue(days.earliest, timeZone), max: toLocalInputValue(days.latest, timeZone) },
    next: { startsAt: toLocalInputValue(nextStart, timeZone), endsAt: toLocalInputValue(nextEnd, timeZone) },
  });
}

function refusal(intent: string, itemId: string | null, errors: FieldErrors, values: Record<string, string | string[]>) {
  return json({ intent, itemId, errors, values }, { status: 400 });
}

function refusalOf(change: Exclude<AgendaChange, { ok: true }>, intent: string, itemId: string | null, values: Record<string, string | string[]>) {
  if (change.reason === "notFound") notFound();
  return refusal(intent, itemId, { sessionId: { key: "workshop:agenda.unknownSession" } }, values);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const workshopId = params.workshopId ?? notFound();
  await requireCapability({ workshopId, userId: user.id, capability: "workshop.edit" });
  const workshop = await loadWorkshop(workshopId);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const itemId = String(formData.get("itemId") ?? "");
  const here = `/workshops/${workshopId}/agenda`;
  const actorId = user.id;

  if (intent === "delete") {
    if (!itemId) badRequest();
    const change = await deleteAgendaItem({ workshopId, itemId, actorId });
    if (!change.ok) notFound();
    return redirect(here);
  }
  if (intent !== "create" && intent !== "update") badRequest();
  if (intent === "update" && !itemId) badRequest();

  const form = parseForm(agendaItemFormSchema(workshop), formData);
  if (!form.ok) return refusal(intent, intent === "update" ? itemId : null, form.errors, form.values);
  const change =
    intent === "create"
      ? await createAgendaItem({ workshopId, actorId, fields: form.data })
      : await updateAgendaItem({ workshopId, itemId, actorId, fields: form.data });
  if (!change.ok) return refusalOf(change, intent, intent === "update" ? itemId : null, formValues(formData));
  return redirect(here);
}

type LoaderData = SerializeFrom<typeof loader>;

export default function AgendaPage() {
  const { t } = useTranslation("workshop");
  const { workshop, items, sessions, limits, next } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const language = useRootData()?.language ?? DEFAULT_LANGUAGE;
  const creating = data?.intent === "create" ? data : undefined;
  const sessionTitle = new Map(sessions.map((session) => [session.id, session.title]));
  return (
    <div className="stack">
      <WorkshopHeader workshop={workshop} isOrganiser />
      <section aria-labelledby="agenda-title" className="stack">
        <h2 id="agenda-title">{t("agenda.title")}</h2>
        <p className="muted">{t("agenda.intro")}</p>
        {items.length === 0 ? <p className="muted">{t("agenda.empty")}</p> : null}
        <ol className="agenda-editor">
          {items.map((item) => {
            const editing = data?.intent === "update" && data.itemId === item.id ? data : undefined;
            const prefix = `item-${item.id}`;
            return (
              <li key={item.id} id={prefix} className="card">
                <p className="agenda-editor__when">
                  <time dateTime={item.startsAt}>{formatDateTime(item.startsAt, workshop.timezone, language, { dateStyle: "medium", timeStyle: "short" })}</time>
                  {" – "}
                  <time dateTime={item.endsAt}>{formatTime(item.endsAt, workshop.timezone, language)}</time>
                </p>
                <h3 dir="auto">{item.title}</h3>
                <p>
                  <span className={item.sessionId ? "badge" : "badge badge--muted"}>
                    {item.sessionId ? sessionTitle.get(item.sessionId) : t("page.plenary")}
                  </span>
                </p>
                <details className="editor-details" open={editing ? true : undefined}>
                  <summary>{t("agenda.edit")}</summary>
                  <IntentForm intent="update" subject={{ itemId: item.id }} noValidate>
                    <FormErrorSummary errors={editing?.errors} />
                    <AgendaItemFields
                      idPrefix={prefix}
                      values={editing?.values ?? { title: item.title, startsAt: item.startsAtLocal, endsAt: item.endsAtLocal, sessionId: item.sessionId ?? "" }}
                      errors={editing?.errors}
                      sessions={sessions}
                      limits={limits}
                      timeZone={workshop.timezone}
                    />
                    <SubmitButton className="button button--primary">{t("agenda.save")}</SubmitButton>
                  </IntentForm>
                </details>
                <IntentForm intent="delete" subject={{ itemId: item.id }}>
                  <SubmitButton className="button button--danger">{t("agenda.delete")}</SubmitButton>
                </IntentForm>
              </li>
            );
          })}
        </ol>
      </section>
      <section aria-labelledby="add-item-title" className="card">
        <h2 id="add-item-title">{t("agenda.addTitle")}</h2>
        <IntentForm intent="create" noValidate>
          <FormErrorSummary errors={creating?.errors} />
          <AgendaItemFields
            idPrefix="new-item"
            values={creating?.values ?? { title: "", startsAt: next.startsAt, endsAt: next.endsAt, sessionId: "" }}
            errors={creating?.errors}
            sessions={sessions}
            limits={limits}
            timeZone={workshop.timezone}
          />
          <SubmitButton className="button button--primary">{t("agenda.add")}</SubmitButton>
        </IntentForm>
      </section>
    </div>
  );
}

interface AgendaItemFieldsProps {
  idPrefix: string;
  values: Record<string, string | string[]>;
  errors?: FieldErrors;
  sessions: LoaderData["sessions"];
  limits: LoaderData["limits"];
  timeZone: string;
}

function AgendaItemFields({ idPrefix, values, errors, sessions, limits, timeZone }: AgendaItemFieldsProps) {
  const { t } = useTranslation("workshop");
  return (
    <>
      <Field id={`${idPrefix}-title`} name="title" label={t("agenda.fieldTitle")} required maxLength={200} defaultValue={valueOf(values, "title")} error={errors?.title} />
      <TimeRangeFields
        idPrefix={idPrefix}
        labels={{ startsAt: t("agenda.startsAt"), endsAt: t("agenda.endsAt") }}
        hint={t("agenda.timesHint", { timeZone: timeZone.replaceAll("_", " ") })}
        limits={limits}
        values={{ startsAt: valueOf(values, "startsAt"), endsAt: valueOf(values, "endsAt") }}
        errors={errors}
      />
      <SelectField
        id={`${idPrefix}-sessionId`}
        name="sessionId"
        label={t("agenda.track")}
        defaultValue={valueOf(values, "sessionId") ?? ""}
        error={errors?.sessionId}
      >
        <option value="">{t("agenda.plenary")}</option>
        {sessions.map((session) => (
          <option key={session.id} value={session.id}>
            {session.title}
          </option>
        ))}
      </SelectField>
    </>
  );
}
