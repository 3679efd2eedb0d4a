import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { getUser, startLoginSession } from "~/auth/session.server";
import { Field, FormErrorSummary, valueOf } from "~/components/field";
import { IntentForm } from "~/components/intent-form";
import { NewPasswordFields } from "~/components/new-password-fields";
import { SubmitButton } from "~/components/submit-button";
import { acceptInvitation, createAccountFromInvitation, findInvitationByToken, type InvitationLookup } from "~/models/invitation.server";
import { email, parseForm, text, type FieldErrors } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";
import { confirmPassword, newPasswordFields } from "~/utils/password-fields";

export const meta: MetaFunction = () => [{ title: "Majlis" }, { name: "referrer", content: "no-referrer" }];

type Unusable = Exclude<InvitationLookup["state"], "PENDING">;

const UNUSABLE_MESSAGE: Record<Unusable, string> = {
  unknown: "auth:invite.unknown",
  EXPIRED: "auth:invite.expired",
  ACCEPTED: "auth:invite.used",
};

/** 404 for a link that never existed (or was withdrawn), 410 for one that did but is spent or expired. */
function unusable(state: Unusable) {
  return json(
    { usable: false as const, message: UNUSABLE_MESSAGE[state], errors: null, values: null },
    { status: state === "unknown" ? 404 : 410 },
  );
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lookup = await findInvitationByToken({ token: params.token ?? "" });
  if (lookup.state !== "PENDING") return unusable(lookup.state);
  const user = await getUser(request);
  const { email, role, workshopTitle } = lookup.invitation;
  return json({ usable: true as const, invitation: { email, role, workshopTitle }, user: user ? { name: user.name } : null });
}

const accountSchema = (invitedEmail: string | null) =>
  confirmPassword(
    z.object({
      name: text(120),
      // An invitation sent to an address fixes it: what the form sends is ignored.
      email: invitedEmail ? z.string().optional().transform(() => invitedEmail) : email(),
      ...newPasswordFields,
    }),
  );

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const lookup = await findInvitationByToken({ token });
  if (lookup.state !== "PENDING") return unusable(lookup.state);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const user = await getUser(request);

  if (intent === "accept") {
    if (!user) return redirect(`/login?${new URLSearchParams({ redirectTo: `/invite/${token}` })}`);
    const joined = await acceptInvitation({ token, userId: user.id });
    if (!joined) return unusable("ACCEPTED");
    return redirect(`/workshops/${joined.workshopId}`);
  }

  if (intent === "createAccount") {
    if (user) badRequest();
    const form = parseForm(accountSchema(lookup.invitation.email), formData);
    if (!form.ok) return json({ usable: true as const, message: null, errors: form.errors, values: form.values }, { status: 400 });
    const { password, passwordConfirm: _confirm, ...values } = form.data;
    const created = await createAccountFromInvitation({ token, name: values.name, email: values.email, password });
    if (!created.ok && created.reason === "emailTaken") {
      return json(
        { usable: true as const, message: null, errors: { email: { key: "auth:invite.emailTaken" } } as FieldErrors, values },
        { status: 409 },
      );
    }
    if (!created.ok) return unusable("ACCEPTED");
    return redirect(`/workshops/${created.workshopId}`, {
      headers: { "Set-Cookie": await startLoginSession(request, created.userId) },
    });
  }

  badRequest();
}

export default function InvitePage() {
  const { t } = useTranslation(["auth", "common"]);
  const loaded = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { token } = useParams();

  if (!loaded.usable || (data && !data.usable)) {
    const message = data && !data.usable ? data.message : !loaded.usable ? loaded.message : "";
    return (
      <section className="narrow card" aria-labelledby="invite-title">
        <h1 id="invite-title">{t("invite.invalidTitle")}</h1>
        <p className="alert alert--error" role="alert">
          {t(message)}
        </p>
        <p>
          <Link to="/">{t("common:errorPage.goHome")}</Link>
        </p>
      </section>
    );
  }

  const { invitation, user } = loaded;
  const errors = data?.errors ?? undefined;
  const values = data?.values ?? undefined;
  const signInLink = `/login?${new URLSearchParams({ redirectTo: `/invite/${token ?? ""}` })}`;
  return (
    <section className="narrow stack" aria-labelledby="invite-title">
      <div className="card">
        <h1 id="invite-title">{t("invite.title")}</h1>
        <p>{t("invite.intro", { workshop: invitation.workshopTitle, role: t(`common:roles.${invitation.role}`) })}</p>
        {user ? (
          <IntentForm intent="accept">
            <p>{t("invite.signedInAs", { name: user.name })}</p>
            <SubmitButton className="button button--primary">{t("invite.accept")}</SubmitButton>
          </IntentForm>
        ) : null}
      </div>
      {user ? null : (
        <>
          <section className="card" aria-labelledby="create-account-title">
            <h2 id="create-account-title">{t("invite.createAccountTitle")}</h2>
            <IntentForm intent="createAccount" noValidate>
              <FormErrorSummary errors={errors} />
              <Field
                name="name"
                label={t("invite.name")}
                autoComplete="name"
                required
                maxLength={120}
                defaultValue={valueOf(values, "name")}
                error={errors?.name}
              />
              {invitation.email ? (
                <Field
                  name="email"
                  type="email"
                  label={t("invite.email")}
                  hint={t("invite.emailFixed")}
                  value={invitation.email}
                  readOnly
                  error={errors?.email}
                  dir="ltr"
                />
              ) : (
                <Field
                  name="email"
                  type="email"
                  label={t("invite.email")}
                  autoComplete="email"
                  required
                  defaultValue={valueOf(values, "email")}
                  error={errors?.email}
                  dir="ltr"
                />
              )}
              <NewPasswordFields
                labels={{ password: t("invite.password"), hint: t("invite.passwordHint"), confirm: t("invite.confirm") }}
                errors={errors}
              />
              <SubmitButton className="button button--primary">{t("invite.createAccount")}</SubmitButton>
            </IntentForm>
          </section>
          <section className="card" aria-labelledby="have-account-title">
            <h2 id="have-account-title">{t("invite.haveAccountTitle")}</h2>
            <p>
              <Link to={signInLink} className="button">
                {t("invite.signIn")}
              </Link>
            </p>
          </section>
        </>
      )}
    </section>
  );
}
