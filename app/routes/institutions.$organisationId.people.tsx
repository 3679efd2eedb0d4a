import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser, type SessionUser } from "~/auth/session.server";
import { CopyLink } from "~/components/copy-link";
import { DataTable } from "~/components/data-table";
import { Field, FormErrorSummary, valueOf } from "~/components/field";
import { IntentForm } from "~/components/intent-form";
import { SubmitButton } from "~/components/submit-button";
import { resolveLanguage } from "~/i18n/locale.server";
import { addColleagueSchema, NAME_MAX, personSchema } from "~/institutions/forms";
import { welcomeMail } from "~/institutions/mail";
import { mayManageInstitution } from "~/institutions/permissions";
import { isMailConfigured, sendMail } from "~/mail/mailer.server";
import {
  addColleague,
  getInstitution,
  listInstitutionPeople,
  removeFromInstitution,
  setInstitutionAdmin,
  type PersonChange,
} from "~/models/institutions.server";
import { isolate } from "~/utils/bidi-isolate";
import { formValues, parseForm, type FieldError, type FieldErrors } from "~/utils/forms";
import { badRequest, forbidden, notFound } from "~/utils/http.server";
import { absoluteUrl } from "~/utils/public-url.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.institution.name} · Majlis` : "Majlis" }];

/** The institution, once the person is known to speak for it: every action below is checked here first. */
async function managedInstitution(user: SessionUser, organisationId: string | undefined) {
  const institution = organisationId ? await getInstitution({ organisationId }) : null;
  if (!institution) notFound();
  if (!mayManageInstitution(user, institution.id)) forbidden();
  return institution;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const institution = await managedInstitution(user, params.organisationId);
  return json({
    institution: { id: institution.id, name: institution.name },
    people: await listInstitutionPeople({ organisationId: institution.id }),
    currentUserId: user.id,
    mayMove: user.platformModerator,
  });
}

const schemas = {
  addColleague: addColleagueSchema,
  grantAdmin: personSchema,
  revokeAdmin: personSchema,
  remove: personSchema,
};
type Intent = keyof typeof schemas;

interface ActionResult {
  intent: Intent;
  errors?: FieldErrors;
  values?: Record<string, string | string[]>;
  notice?: FieldError;
  refusal?: FieldError;
  /** A set-password link, shown once: only its hash is stored, so a reload cannot show it again. */
  link?: { title: FieldError; explain: FieldError; url: string };
}

const result = (body: ActionResult, status = 200) => json(body, { status });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const institution = await managedInstitution(user, params.organisationId);
  const organisationId = institution.id;
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (typeof intent !== "string" || !(intent in schemas)) badRequest();

  if (intent === "addColleague") {
    const form = parseForm(addColleagueSchema, formData);
    if (!form.ok) return result({ intent, errors: form.errors, values: form.values }, 400);
    const { email, name, move } = form.data;
    const values = formValues(formData);
    const outcome = await addColleague({ organisationId, actorId: user.id, email, name, move: move === "on" });
    switch (outcome.kind) {
      case "nameRequired":
        return result({ intent, errors: { name: { key: "institutions:people.nameRequired" } }, values }, 400);
      case "otherInstitution":
        return result({ intent, refusal: { key: "institutions:people.otherInstitution" }, values }, 409);
      case "created":
        return result({ intent, link: await handOverWelcomeLink({ request, user, institution, ...outcome }) });
      default:
        return result({ intent, notice: { key: `institutions:people.${outcome.kind}`, values: { name: outcome.name } } });
    }
  }

  const form = parseForm(personSchema, formData);
  if (!form.ok) badRequest();
  const { userId } = form.data;
  const change: PersonChange =
    intent === "remove"
      ? await removeFromInstitution({ organisationId, userId, actorId: user.id })
      : await setInstitutionAdmin({ organisationId, userId, admin: intent === "grantAdmin", actorId: user.id });
  // Only this institution's people can be changed from its page: any other id is unknown here.
  if (!change.ok && change.reason === "notMember") notFound();
  if (!change.ok) return result({ intent: intent as Intent, refusal: { key: "institutions:people.lastAdmin" } }, 409);
  // An admin who just gave up the right (or left) may no longer see this page.
  if (userId === user.id && intent !== "grantAdmin" && !user.platformModerator) return redirect(`/institutions/${organisationId}`);
  const notices = { remove: "removed", grantAdmin: "granted", revokeAdmin: "revoked" } as const;
  return result({ intent: intent as Intent, notice: { key: `institutions:people.${notices[intent as keyof typeof notices]}`, values: { name: change.name } } });
}

/** Mails the set-password link when mail is configured, and always returns it to show to the admin. */
async function handOverWelcomeLink(input: {
  request: Request;
  user: SessionUser;
  institution: { name: string };
  name: string;
  email: string;
  token: string;
}): Promise<NonNullable<ActionResult["link"]>> {
  const { request, user, name, email } = input;
  const url = absoluteUrl(request, `/reset-password/${input.token}`);
  const values = { name, email };
  let explain: FieldError = { key: "institutions:people.emailNotConfigured", values };
  if (isMailConfigured()) {
    // The new account has no language yet: the mail goes out in the admin's.
    const { language } = await resolveLanguage(request, user.locale);
    const mail = welcomeMail({ language, name, institution: input.institution.name, inviterName: user.name, link: url });
    try {
      await sendMail({ to: email, ...mail });
      explain = { key: "institutions:people.emailSent", values };
    } catch (error) {
      console.error("welcome e-mail could not be sent", error);
      explain = { key: "institutions:people.emailFailed", values };
    }
  }
  return { title: { key: "institutions:people.createdTitle", values: { name } }, explain, url };
}

export default function InstitutionPeoplePage() {
  const { t } = useTranslation("institutions");
  const { institution, people, currentUserId, mayMove } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionResult | undefined;
  const adding = data?.intent === "addColleague" ? data : undefined;
  return (
    <div className="stack">
      <p>
        <Link to={`/institutions/${institution.id}`}>{t("people.back")}</Link>
      </p>
      <header>
        <h1 dir="auto">{t("people.title", { name: isolate(institution.name) })}</h1>
        <p className="muted">{t("people.intro")}</p>
      </header>

      {data?.notice ? (
        <p className="alert alert--ok" role="status">
          {t(data.notice.key, data.notice.values)}
        </p>
      ) : null}
      {data?.refusal ? (
        <p className="alert alert--error" role="alert">
          {t(data.refusal.key, data.refusal.values)}
        </p>
      ) : null}
      {data?.link ? (
        <section className="card created-link" aria-labelledby="created-link-title">
          <h2 id="created-link-title">{t(data.link.title.key, data.link.title.values)}</h2>
          <p>{t(data.link.explain.key, data.link.explain.values)}</p>
          <CopyLink id="created-link" label={t("people.linkLabel")} url={data.link.url} />
        </section>
      ) : null}

      <section aria-labelledby="institution-people-title">
        <h2 id="institution-people-title">{t("people.membersTitle")}</h2>
        {people.length === 0 ? (
          <p className="muted">{t("people.none")}</p>
        ) : (
          <DataTable labelledBy="institution-people-title" className="people-table" columns={[t("people.name"), t("people.email"), t("people.role"), t("people.actions")]}>
            {people.map((person) => (
              <tr key={person.id}>
                <td>
                  <strong dir="auto">{person.name}</strong>
                  {person.id === currentUserId ? <span className="muted"> ({t("people.you")})</span> : null}
                </td>
                <td dir={person.email ? "ltr" : undefined}>{person.email ?? <span className="muted">{t("people.noEmail")}</span>}</td>
                <td>{person.organisationAdmin ? <span className="badge">{t("people.admin")}</span> : t("people.member")}</td>
                <td>
                  <div className="row">
                    <IntentForm intent={person.organisationAdmin ? "revokeAdmin" : "grantAdmin"} subject={{ userId: person.id }}>
                      <SubmitButton className="button">
                        {person.organisationAdmin ? t("people.revokeAdmin") : t("people.grantAdmin")}
                        <span className="visually-hidden"> · {person.name}</span>
                      </SubmitButton>
                    </IntentForm>
                    <IntentForm intent="remove" subject={{ userId: person.id }}>
                      <SubmitButton className="button button--danger">
                        {t("people.remove")}
                        <span className="visually-hidden"> · {person.name}</span>
                      </SubmitButton>
                    </IntentForm>
                  </div>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section className="card" aria-labelledby="add-colleague-title">
        <h2 id="add-colleague-title">{t("people.addTitle")}</h2>
        <p className="muted">{t("people.addIntro")}</p>
        <IntentForm intent="addColleague" noValidate className="stack">
          <FormErrorSummary errors={adding?.errors} />
          <Field
            id="colleague-email"
            name="email"
            type="email"
            label={t("people.addEmail")}
            required
            autoComplete="off"
            dir="ltr"
            defaultValue={valueOf(adding?.values, "email")}
            error={adding?.errors?.email}
          />
          <Field
            id="colleague-name"
            name="name"
            label={t("people.addName")}
            hint={t("people.addNameHint")}
            maxLength={NAME_MAX}
            autoComplete="off"
            defaultValue={valueOf(adding?.values, "name")}
            error={adding?.errors?.name}
          />
          {mayMove ? (
            <div>
              <label className="choice choice--card">
                <input type="checkbox" name="move" aria-describedby="colleague-move-hint" defaultChecked={valueOf(adding?.values, "move") === "on"} />
                <span>
                  {t("people.addMove")}
                  <span className="choice__detail" id="colleague-move-hint">
                    {t("people.addMoveHint")}
                  </span>
                </span>
              </label>
            </div>
          ) : null}
          <SubmitButton className="button button--primary">{t("people.addSubmit")}</SubmitButton>
        </IntentForm>
      </section>
    </div>
  );
}
