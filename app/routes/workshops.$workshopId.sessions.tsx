import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireUser } from "~/auth/session.server";
import { Field, FormErrorSummary, SelectField, valueOf } from "~/components/field";
import { IntentForm } from "~/components/intent-form";
import { SubmitButton } from "~/components/submit-button";
import { WorkshopHeader } from "~/components/workshop-header";
import { requireCapability } from "~/models/access.server";
import {
  assignFacilitator,
  createSession,
  deleteSession,
  listFacilitatorCandidates,
  listSessions,
  unassignFacilitator,
  updateSession,
  type SessionChange,
} from "~/models/session.server";
import { getWorkshop } from "~/models/workshop.server";
import { formValues, parseForm, type FieldErrors } from "~/utils/forms";
import { badRequest, notFound } from "~/utils/http.server";
import { sessionFormSchema } from "~/utils/schedule-forms.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.workshop.title} · Majlis` : "Majlis" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const workshopId = params.workshopId ?? notFound();
  await requireCapability({ workshopId, userId: user.id, capability: "workshop.edit" });
  const [workshop, sessions, members] = await Promise.all([
    getWorkshop({ workshopId }),
    listSessions({ workshopId }),
    listFacilitatorCandidates({ workshopId }),
  ]);
  if (!workshop) notFound();
  return json({ workshop: { id: workshop.id, title: workshop.title, status: workshop.status }, sessions, members });
}

const idField = z.string().trim().min(1).max(100);
const facilitatorSchema = z.object({ sessionId: idField, userId: idField });

/** A refused change, shown on the form it came from. */
function refusal(intent: string, sessionId: string | null, errors: FieldErrors, values: Record<string, string | string[]> = {}) {
  return json({ intent, sessionId, errors, values }, { status: 400 });
}

function refusalOf(change: Exclude<SessionChange, { ok: true }>, intent: string, sessionId: string, values: Record<string, string | string[]>) {
  switch (change.reason) {
    case "notFound":
      return notFound();
    case "capacityBelowRegistered":
      return refusal(intent, sessionId, { capacity: { key: "workshop:sessions.capacityBelowRegistered", values: { count: change.registered } } }, values);
    case "hasRegistrations":
      return refusal(intent, sessionId, { form: { key: "workshop:sessions.hasRegistrations", values: { count: change.registered } } });
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const workshopId = params.workshopId ?? notFound();
  await requireCapability({ workshopId, userId: user.id, capability: "workshop.edit" });
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const sessionId = String(formData.get("sessionId") ?? "");
  const here = `/workshops/${workshopId}/sessions`;
  const actorId = user.id;

  switch (intent) {
    case "create": {
      const form = parseForm(sessionFormSchema, formData);
      if (!form.ok) return refusal(intent, null, form.errors, form.values);
      const session = await createSession({ workshopId, actorId, fields: toFields(form.data) });
      return redirect(`${here}#session-${session.id}`);
    }
    case "update": {
      if (!sessionId) badRequest();
      const form = parseForm(sessionFormSchema, formData);
      if (!form.ok) return refusal(intent, sessionId, form.errors, form.values);
      const change = await updateSession({ workshopId, sessionId, actorId, fields: toFields(form.data) });
      if (!change.ok) return refusalOf(change, intent, sessionId, formValues(formData));
      return redirect(`${here}#session-${sessionId}`);
    }
    case "delete": {
      if (!sessionId) badRequest();
      const change = await deleteSession({ workshopId, sessionId, actorId });
      if (!change.ok) return refusalOf(change, intent, sessionId, {});
      return redirect(here);
    }
    case "assign":
    case "unassign": {
      const form = parseForm(facilitatorSchema, formData);
      if (!form.ok) return refusal(intent, sessionId || null, form.errors, form.values);
      const input = { workshopId, actorId, ...form.data };
      const change = intent === "assign" ? await assignFacilitator(input) : await unassignFacilitator(input);
      if (!change.ok && change.reason === "notMember") {
        return refusal(intent, form.data.sessionId, { userId: { key: "workshop:sessions.notMember" } });
      }
      if (!change.ok) notFound();
      return redirect(`${here}#session-${form.data.sessionId}`);
    }
    default:
      badRequest();
  }
}

function toFields(data: z.output<typeof sessionFormSchema>) {
  return { title: data.title, description: data.description ?? "", room: data.room ?? "", capacity: data.capacity ?? null };
}

type LoaderData = SerializeFrom<typeof loader>;
type ActionData = SerializeFrom<typeof action>;

export default function SessionsPage() {
  const { t } = useTranslation("workshop");
  const { workshop, sessions, members } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const creating = data?.intent === "create" ? data : undefined;
  return (
    <div className="stack">
      <WorkshopHeader workshop={workshop} isOrganiser />
      <section aria-labelledby="sessions-title" className="stack">
        <h2 id="sessions-title">{t("sessions.title")}</h2>
        <p className="muted">{t("sessions.intro")}</p>
        {sessions.length === 0 ? <p className="muted">{t("sessions.empty")}</p> : null}
        {sessions.map((session) => (
          <SessionEditor key={session.id} session={session} members={members} data={data?.sessionId === session.id ? data : undefined} />
        ))}
      </section>
      <section aria-labelledby="add-session-title" className="card">
        <h2 id="add-session-title">{t("sessions.addTitle")}</h2>
        <IntentForm intent="create" noValidate>
          <FormErrorSummary errors={creating?.errors} />
          <SessionFields idPrefix="new-session" values={creating?.values} errors={creating?.errors} />
          <SubmitButton className="button button--primary">{t("sessions.add")}</SubmitButton>
        </IntentForm>
      </section>
    </div>
  );
}

interface SessionFieldsProps {
  idPrefix: string;
  values?: Record<string, string | string[]>;
  errors?: FieldErrors;
}

function SessionFields({ idPrefix, values, errors }: SessionFieldsProps) {
  const { t } = useTranslation("workshop");
  return (
    <>
      <Field id={`${idPrefix}-title`} name="title" label={t("sessions.fieldTitle")} required maxLength={200} defaultValue={valueOf(values, "title")} error={errors?.title} />
      <Field id={`${idPrefix}-description`} name="description" label={t("sessions.description")} multiline maxLength={2000} defaultValue={valueOf(values, "description")} error={errors?.description} />
      <div className="form-row">
        <Field id={`${idPrefix}-room`} name="room" label={t("sessions.room")} maxLength={120} defaultValue={valueOf(values, "room")} error={errors?.room} />
        <Field
          id={`${idPrefix}-capacity`}
          name="capacity"
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          label={t("sessions.capacity")}
          hint={t("sessions.capacityHint")}
          defaultValue={valueOf(values, "capacity")}
          error={errors?.capacity}
          dir="ltr"
        />
      </div>
    </>
  );
}

interface SessionEditorProps {
  session: LoaderData["sessions"][number];
  members: LoaderData["members"];
  /** What the last refused submission about this session sent back. */
  data?: ActionData;
}

function SessionEditor({ session, members, data }: SessionEditorProps) {
  const { t } = useTranslation(["workshop", "common"]);
  const prefix = `session-${session.id}`;
  const facilitatorIds = new Set(session.facilitators.map((person) => person.id));
  const candidates = members.filter((member) => !facilitatorIds.has(member.id));
  const editing = data?.intent === "update" ? data : undefined;
  const values = editing?.values ?? {
    title: session.title,
    description: session.description,
    room: session.room,
    capacity: session.capacity === null ? "" : String(session.capacity),
  };
  const formError = data?.intent === "delete" ? data.errors : undefined;
  const assignError = data?.intent === "assign" ? data.errors.userId : undefined;
  return (
    <article id={prefix} className="card session-editor" aria-labelledby={`${prefix}-heading`}>
      <h3 id={`${prefix}-heading`} dir="auto">
        {session.title}
      </h3>
      <FormErrorSummary errors={formError} />
      <p className="row muted">
        {session.room ? <span>{t("page.room", { room: session.room })}</span> : null}
        <span>{session.capacity === null ? t("page.noLimit") : t("page.capacity", { count: session.capacity })}</span>
        <span>{t("sessions.registered", { count: session.registered })}</span>
      </p>

      <h4>{t("sessions.facilitators")}</h4>
      {session.facilitators.length === 0 ? <p className="muted">{t("sessions.noFacilitators")}</p> : null}
      <ul className="facilitator-list">
        {session.facilitators.map((person) => (
          <li key={person.id}>
            <span dir="auto">{person.name}</span>
            <IntentForm intent="unassign" subject={{ sessionId: session.id, userId: person.id }}>
              <SubmitButton className="button button--quiet">{t("sessions.unassign", { name: person.name })}</SubmitButton>
            </IntentForm>
          </li>
        ))}
      </ul>
      {candidates.length === 0 ? (
        <p className="muted">{t("sessions.noCandidates")}</p>
      ) : (
        <IntentForm intent="assign" subject={{ sessionId: session.id }} className="inline-form">
          <SelectField id={`${prefix}-facilitator`} name="userId" label={t("sessions.facilitator")} error={assignError}>
            {candidates.map((member) => (
              <option key={member.id} value={member.id}>
                {`${member.name} (${t(`common:roles.${member.role}`)})`}
              </option>
            ))}
          </SelectField>
          <SubmitButton className="button">{t("sessions.assign")}</SubmitButton>
        </IntentForm>
      )}

      <details className="editor-details" open={editing ? true : undefined}>
        <summary>{t("sessions.edit")}</summary>
        <IntentForm intent="update" subject={{ sessionId: session.id }} noValidate>
          <FormErrorSummary errors={editing?.errors} />
          <SessionFields idPrefix={prefix} values={values} errors={editing?.errors} />
          <SubmitButton className="button button--primary">{t("sessions.save")}</SubmitButton>
        </IntentForm>
      </details>
      <IntentForm intent="delete" subject={{ sessionId: session.id }}>
        <SubmitButton className="button button--danger">{t("sessions.delete")}</SubmitButton>
      </IntentForm>
    </article>
  );
}
