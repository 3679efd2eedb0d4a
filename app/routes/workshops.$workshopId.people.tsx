import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireUser, type SessionUser } from "~/auth/session.server";
import { CopyLink } from "~/components/copy-link";
import { DataTable } from "~/components/data-table";
import { FormErrorSummary, SelectField, valueOf } from "~/components/field";
import { IntentForm } from "~/components/intent-form";
import { SubmitButton } from "~/components/submit-button";
import { WorkshopHeader } from "~/components/workshop-header";
import type { WorkshopRole } from "~/generated/prisma/enums";
import { isLanguage } from "~/i18n/config";
import { resolveLanguage } from "~/i18n/locale.server";
import { isMailConfigured, sendMail } from "~/mail/mailer.server";
import { invitationMail } from "~/mail/messages";
import { requireCapability } from "~/models/access.server";
import { createInvitation, listInvitations, revokeInvitation } from "~/models/invitation.server";
import { changeMembership, listMembers } from "~/models/membership.server";
import { createResetLinkForMember, listPendingResetRequests } from "~/models/password-reset.server";
import { findUserByEmail } from "~/models/user.server";
import { getWorkshop } from "~/models/workshop.server";
import { useRootData } from "~/root";
import { formatDateTime } from "~/utils/dates";
import { email, parseForm, type FieldError, type FieldErrors } from "~/utils/forms";
import { badRequest, forbidden, notFound } from "~/utils/http.server";
import { absoluteUrl } from "~/utils/public-url.server";
import { WORKSHOP_ROLES } from "~/utils/roles";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.workshop.title} · Majlis` : "Majlis" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const workshopId = params.workshopId ?? notFound();
  await requireCapability({ workshopId, userId: user.id, capability: "people.manage" });
  const workshop = (await getWorkshop({ workshopId })) ?? notFound();
  const [members, invitations, resetRequests] = await Promise.all([
    listMembers({ workshopId }),
    listInvitations({ workshopId }),
    listPendingResetRequests({ workshopId }),
  ]);
  return json({
    workshop: { id: workshop.id, title: workshop.title, status: workshop.status, timezone: workshop.timezone },
    members: members.map((member) => ({ ...member, resetRequestedAt: resetRequests.get(member.id) ?? null })),
    invitations,
    currentUserId: user.id,
  });
}

const role = z.enum(WORKSHOP_ROLES as [WorkshopRole, ...WorkshopRole[]]);
const schemas = {
  inviteByEmail: z.object({ email: email(), role }),
  createInviteLink: z.object({ role }),
  revokeInvitation: z.object({ invitationId: z.string().min(1) }),
  changeRole: z.object({ userId: z.string().min(1), role }),
  removeMember: z.object({ userId: z.string().min(1) }),
  createResetLink: z.object({ userId: z.string().min(1) }),
};
type Intent = keyof typeof schemas;

/** A link to hand over, shown once: only its hash is stored, so a reload cannot show it again. */
interface CreatedLink {
  title: FieldError;
  explain: FieldError;
  label: string;
  url: string;
}

interface ActionResult {
  intent: Intent;
  errors?: FieldErrors;
  values?: Record<string, string | string[]>;
  notice?: FieldError;
  refusal?: FieldError;
  link?: CreatedLink;
}

const result = (body: ActionResult, status = 200) => json(body, { status });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const workshopId = params.workshopId ?? notFound();
  await requireCapability({ workshopId, userId: user.id, capability: "people.manage" });
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (typeof intent !== "string" || !(intent in schemas)) badRequest();

  switch (intent as Intent) {
    case "inviteByEmail": {
      const form = parseForm(schemas.inviteByEmail, formData);
      if (!form.ok) return result({ intent: "inviteByEmail", errors: form.errors, values: form.values }, 400);
      return result({ intent: "inviteByEmail", link: await inviteByEmail({ request, workshopId, user, ...form.data }) });
    }
    case "createInviteLink": {
      const form = parseForm(schemas.createInviteLink, formData);
      if (!form.ok) return result({ intent: "createInviteLink", errors: form.errors, values: form.values }, 400);
      const { token } = await createInvitation({ workshopId, invitedById: user.id, role: form.data.role, email: null });
      return result({
        intent: "createInviteLink",
        link: {
          title: { key: "people:invitations.createdTitle" },
          explain: { key: "people:invitations.linkCreated", values: { role: form.data.role } },
          label: "people:invitations.linkLabel",
          url: absoluteUrl(request, `/invite/${token}`),
        },
      });
    }
    case "revokeInvitation": {
      const form = parseForm(schemas.revokeInvitation, formData);
      if (!form.ok) badRequest();
      const revoked = await revokeInvitation({ workshopId, invitationId: form.data.invitationId, actorId: user.id });
      if (!revoked) notFound();
      return result({ intent: "revokeInvitation", notice: { key: "people:invitations.revoked" } });
    }
    case "changeRole": {
      const form = parseForm(schemas.changeRole, formData);
      if (!form.ok) badRequest();
      return membershipChange({ intent: "changeRole", workshopId, actorId: user.id, ...form.data });
    }
    case "removeMember": {
      const form = parseForm(schemas.removeMember, formData);
      if (!form.ok) badRequest();
      // Removing someone is a change to "no role", under the same last-organiser rule.
      return membershipChange({ intent: "removeMember", workshopId, actorId: user.id, userId: form.data.userId, role: null });
    }
    case "createResetLink": {
      const form = parseForm(schemas.createResetLink, formData);
      if (!form.ok) badRequest();
      const created = await createResetLinkForMember({ workshopId, userId: form.data.userId, actorId: user.id });
      // Organisers may only hand out links to their own workshop's people.
      if (!created) forbidden();
      return result({
        intent: "createResetLink",
        link: {
          title: { key: "people:resetLink.title", values: { name: created.name } },
          explain: { key: "people:resetLink.explain", values: { name: created.name } },
          label: "people:resetLink.label",
          url: absoluteUrl(request, `/reset-password/${created.token}`),
        },
      });
    }
  }
}

async function membershipChange(input: { intent: Intent; workshopId: string; userId: string; role: WorkshopRole | null; actorId: string }) {
  const change = await changeMembership(input);
  if (!change.ok && change.reason === "notMember") notFound();
  if (!change.ok) return result({ intent: input.intent, refusal: { key: "people:members.lastOrganiser" } }, 409);
  // An organiser who just gave up the role may no longer see this page.
  if (input.userId === input.actorId && input.role !== "ORGANISER") return redirect("/");
  return result({
    intent: input.intent,
    notice: input.role
      ? { key: "people:members.roleChanged", values: { name: change.name, role: input.role } }
      : { key: "people:members.removed", values: { name: change.name } },
  });
}

/** Creates the invitation, mails it when mail is configured, and always returns the link to show. */
async function inviteByEmail(input: { request: Request; workshopId: string; user: SessionUser; email: string; role: WorkshopRole }): Promise<CreatedLink> {
  const { request, workshopId, user, role } = input;
  const { invitation, token } = await createInvitation({ workshopId, invitedById: user.id, role, email: input.email });
  const url = absoluteUrl(request, `/invite/${token}`);
  const values = { email: input.email, role };
  let explain: FieldError = { key: "people:invitations.emailNotConfigured", values };
  if (isMailConfigured()) {
    // Someone who already has an account reads it in their language; otherwise in the organiser's.
    const invitee = await findUserByEmail({ email: input.email });
    const language = isLanguage(invitee?.locale) ? invitee.locale : (await resolveLanguage(request, user.locale)).language;
    const mail = invitationMail({ language, workshopTitle: invitation.workshop.title, role, inviterName: user.name, link: url });
    try {
      await sendMail({ to: input.email, ...mail });
      explain = { key: "people:invitations.emailSent", values };
    } catch (error) {
      console.error("invitation e-mail could not be sent", error);
      explain = { key: "people:invitations.emailFailed", values };
    }
  }
  return { title: { key: "people:invitations.createdTitle" }, explain, label: "people:invitations.linkLabel", url };
}

interface RoleSelectProps {
  id: string;
  label: string;
  /** In the members table the column header already says "Role": the full label is for screen readers. */
  hideLabel?: boolean;
  defaultValue?: string;
  error?: FieldError;
}

function RoleSelect({ defaultValue, ...field }: RoleSelectProps) {
  const { t } = useTranslation();
  return (
    <SelectField name="role" defaultValue={defaultValue ?? "PARTICIPANT"} {...field}>
      {WORKSHOP_ROLES.map((value) => (
        <option key={value} value={value}>
          {t(`roles.${value}`)}
        </option>
      ))}
    </SelectField>
  );
}

/** Translates values that are role names (`{ role: "RAPPORTEUR" }`) before they go into a sentence. */
function useMessage() {
  const { t } = useTranslation(["people", "common"]);
  return (message: FieldError) => {
    const values = { ...message.values };
    if (typeof values.role === "string") values.role = t(`common:roles.${values.role}`);
    return t(message.key, values);
  };
}

export default function PeoplePage() {
  const { t } = useTranslation(["people", "common"]);
  const message = useMessage();
  const { workshop, members, invitations, currentUserId } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionResult | undefined;
  const language = useRootData()?.language ?? "fr";
  const when = (date: string) => formatDateTime(date, workshop.timezone, language, { dateStyle: "medium", timeStyle: "short" });
  const errorsFor = (intent: Intent) => (data?.intent === intent ? data.errors : undefined);
  const valuesFor = (intent: Intent) => (data?.intent === intent ? data.values : undefined);

  return (
    <div className="stack">
      <WorkshopHeader workshop={workshop} isOrganiser />
      <p className="muted">{t("intro")}</p>

      {data?.notice ? (
        <p className="alert alert--ok" role="status">
          {message(data.notice)}
        </p>
      ) : null}
      {data?.refusal ? (
        <p className="alert alert--error" role="alert">
          {message(data.refusal)}
        </p>
      ) : null}
      {data?.link ? (
        <section className="card created-link" aria-labelledby="created-link-title">
          <h2 id="created-link-title">{message(data.link.title)}</h2>
          <p>{message(data.link.explain)}</p>
          <CopyLink id="created-link" label={t(data.link.label)} url={data.link.url} />
        </section>
      ) : null}

      <section aria-labelledby="members-title">
        <h2 id="members-title">{t("members.title")}</h2>
        <DataTable labelledBy="members-title" className="people-table" columns={[t("members.name"), t("members.role"), t("members.actions")]}>
          {members.map((member) => (
            <tr key={member.id}>
              <td>
                <strong>{member.name}</strong>
                {member.id === currentUserId ? <span className="muted"> ({t("members.you")})</span> : null}
                <br />
                <span className="muted" dir={member.email ? "ltr" : undefined}>
                  {member.email ?? t("members.noEmail")}
                </span>
                {member.resetRequestedAt ? (
                  <p className="badge badge--warn">{t("members.resetRequested", { date: when(member.resetRequestedAt) })}</p>
                ) : null}
              </td>
              <td>
                <IntentForm intent="changeRole" subject={{ userId: member.id }} className="member-role-form">
                  <RoleSelect key={member.role} id={`role-${member.id}`} label={t("members.roleOf", { name: member.name })} hideLabel defaultValue={member.role} />
                  <SubmitButton className="button">{t("members.changeRole")}</SubmitButton>
                </IntentForm>
              </td>
              <td>
                <div className="row">
                  <IntentForm intent="createResetLink" subject={{ userId: member.id }}>
                    <SubmitButton className="button">
                      {t("members.createResetLink")}
                      <span className="visually-hidden"> · {member.name}</span>
                    </SubmitButton>
                  </IntentForm>
                  <IntentForm intent="removeMember" subject={{ userId: member.id }}>
                    <SubmitButton className="button button--danger">
                      {t("members.remove")}
                      <span className="visually-hidden"> · {member.name}</span>
                    </SubmitButton>
                  </IntentForm>
                </div>
              </td>
            </tr>
          ))}
        </DataTable>
      </section>

      <section aria-labelledby="invitations-title" className="stack">
        <h2 id="invitations-title">{t("invitations.title")}</h2>
        <div className="grid">
          <section className="card" aria-labelledby="invite-email-title">
            <h3 id="invite-email-title">{t("invitations.byEmailTitle")}</h3>
            <p className="muted">{t("invitations.byEmailIntro")}</p>
            <IntentForm intent="inviteByEmail" noValidate>
              <FormErrorSummary errors={errorsFor("inviteByEmail")} />
              <div className={`field${errorsFor("inviteByEmail")?.email ? " field--invalid" : ""}`}>
                <label htmlFor="invite-email">{t("invitations.email")}</label>
                <input
                  id="invite-email"
                  name="email"
                  type="email"
                  autoComplete="off"
                  required
                  dir="ltr"
                  defaultValue={valueOf(valuesFor("inviteByEmail"), "email")}
                  aria-invalid={errorsFor("inviteByEmail")?.email ? true : undefined}
                  aria-describedby={errorsFor("inviteByEmail")?.email ? "invite-email-error" : undefined}
                />
                {errorsFor("inviteByEmail")?.email ? (
                  <p className="field__error" id="invite-email-error">
                    {message(errorsFor("inviteByEmail")!.email)}
                  </p>
                ) : null}
              </div>
              <RoleSelect
                id="invite-email-role"
                label={t("invitations.role")}
                defaultValue={valueOf(valuesFor("inviteByEmail"), "role")}
                error={errorsFor("inviteByEmail")?.role}
              />
              <SubmitButton className="button button--primary">{t("invitations.send")}</SubmitButton>
            </IntentForm>
          </section>
          <section className="card" aria-labelledby="invite-link-title">
            <h3 id="invite-link-title">{t("invitations.linkTitle")}</h3>
            <p className="muted">{t("invitations.linkIntro")}</p>
            <IntentForm intent="createInviteLink" noValidate>
              <FormErrorSummary errors={errorsFor("createInviteLink")} />
              <RoleSelect
                id="invite-link-role"
                label={t("invitations.role")}
                defaultValue={valueOf(valuesFor("createInviteLink"), "role")}
                error={errorsFor("createInviteLink")?.role}
              />
              <SubmitButton className="button button--primary">{t("invitations.createLink")}</SubmitButton>
            </IntentForm>
          </section>
        </div>

        <h3 id="invitation-list-title">{t("invitations.listTitle")}</h3>
        {invitations.length === 0 ? (
          <p className="muted">{t("invitations.none")}</p>
        ) : (
          <DataTable
            labelledBy="invitation-list-title"
            className="people-table"
            columns={[t("invitations.invitee"), t("invitations.role"), t("invitations.status"), t("invitations.expires"), t("members.actions")]}
          >
            {invitations.map((invitation) => (
              <tr key={invitation.id}>
                <td dir={invitation.email ? "ltr" : undefined}>{invitation.email ?? t("invitations.personalLink")}</td>
                <td>{t(`common:roles.${invitation.role}`)}</td>
                <td>
                  <span className={invitation.status === "PENDING" ? "badge badge--warn" : invitation.status === "ACCEPTED" ? "badge" : "badge badge--muted"}>
                    {t(`invitations.statuses.${invitation.status}`)}
                  </span>
                </td>
                <td>{invitation.status === "ACCEPTED" ? "—" : when(invitation.expiresAt)}</td>
                <td>
                  {invitation.status === "PENDING" ? (
                    <IntentForm intent="revokeInvitation" subject={{ invitationId: invitation.id }}>
                      <SubmitButton className="button button--danger">{t("invitations.revoke")}</SubmitButton>
                    </IntentForm>
                  ) : null}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}
