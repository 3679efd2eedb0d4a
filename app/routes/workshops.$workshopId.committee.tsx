import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { meetingSchema } from "~/committee/forms";
import { CommitteeHeader } from "~/components/committee/committee-nav";
import { MeetingFields } from "~/components/committee/meeting-fields";
import { DataTable } from "~/components/data-table";
import { FormErrorSummary } from "~/components/field";
import { IntentForm } from "~/components/intent-form";
import { SubmitButton } from "~/components/submit-button";
import { DEFAULT_LANGUAGE } from "~/i18n/config";
import { requireCapability } from "~/models/access.server";
import { createMeeting, listMeetings } from "~/models/committee.server";
import { getWorkshop } from "~/models/workshop.server";
import { useRootData } from "~/root";
import { formatDateTime } from "~/utils/dates";
import { parseForm } from "~/utils/forms";
import { badRequest, notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.workshop.title} · Majlis` : "Majlis" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const workshopId = params.workshopId ?? "";
  const user = await requireUser(request);
  const access = await requireCapability({ workshopId, userId: user.id, capability: "committee.view" });
  const [workshop, meetings] = await Promise.all([getWorkshop({ workshopId }), listMeetings({ workshopId })]);
  if (!workshop) notFound();
  return json({
    workshop: { id: workshop.id, title: workshop.title, status: workshop.status, timezone: workshop.timezone, languages: workshop.languages },
    isOrganiser: access.role === "ORGANISER",
    meetings,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const workshopId = params.workshopId ?? "";
  const user = await requireUser(request);
  await requireCapability({ workshopId, userId: user.id, capability: "committee.manage" });
  const workshop = await getWorkshop({ workshopId });
  if (!workshop) notFound();
  const formData = await request.formData();
  if (formData.get("intent") !== "create") badRequest();
  const form = parseForm(meetingSchema(workshop.timezone), formData);
  if (!form.ok) return json({ errors: form.errors, values: form.values }, { status: 400 });
  const created = await createMeeting({ workshopId, actorId: user.id, fields: form.data });
  if (!created.ok) notFound();
  return redirect(`/workshops/${workshopId}/committee/${created.meetingId}`);
}

export default function CommitteePage() {
  const { t } = useTranslation("committee");
  const { workshop, isOrganiser, meetings } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const language = useRootData()?.language ?? DEFAULT_LANGUAGE;
  return (
    <div className="stack">
      <CommitteeHeader workshop={workshop} isOrganiser={isOrganiser} />
      <section className="stack" aria-labelledby="meetings-title">
        <h2 id="meetings-title">{t("meetings.title")}</h2>
        <p className="muted">{t("meetings.intro")}</p>
        {meetings.length === 0 ? (
          <p className="muted">{t("meetings.empty")}</p>
        ) : (
          <DataTable labelledBy="meetings-title" columns={(["title", "scheduledAt", "location", "items", "decisions", "status"] as const).map((column) => t(`meetings.columns.${column}`))}>
            {meetings.map((meeting) => (
              <tr key={meeting.id}>
                <th scope="row">
                  <Link to={`/workshops/${workshop.id}/committee/${meeting.id}`} dir="auto">
                    {meeting.title}
                  </Link>
                </th>
                <td>{formatDateTime(meeting.scheduledAt, workshop.timezone, language, { dateStyle: "medium", timeStyle: "short" })}</td>
                <td dir="auto">{meeting.location}</td>
                <td className="numeric">{meeting._count.items}</td>
                <td className="numeric">{meeting._count.decisions}</td>
                <td>
                  <span className={meeting.status === "PLANNED" ? "badge badge--warn" : "badge"}>{t(`meetingStatus.${meeting.status}`)}</span>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      {isOrganiser ? (
        <section className="card stack" aria-labelledby="new-meeting-heading">
          <h2 id="new-meeting-heading">{t("meetings.create")}</h2>
          <IntentForm intent="create" noValidate className="stack">
            <FormErrorSummary errors={data?.errors} />
            <MeetingFields idPrefix="new-meeting" values={data?.values ?? { languages: workshop.languages }} errors={data?.errors} timeZone={workshop.timezone} />
            <div>
              <SubmitButton className="button button--primary">{t("meetings.createSubmit")}</SubmitButton>
            </div>
          </IntentForm>
        </section>
      ) : null}
    </div>
  );
}
