import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireUser, startLoginSession } from "~/auth/session.server";
import { clearAttempts, recordAttempt, secondsUntilAllowed } from "~/auth/throttle.server";
import { Field, FormErrorSummary, SelectField, valueOf } from "~/components/field";
import { IntentForm } from "~/components/intent-form";
import { NewPasswordFields } from "~/components/new-password-fields";
import { SubmitButton } from "~/components/submit-button";
import { LANGUAGES, isLanguage } from "~/i18n/config";
import { addEmail, getAccount, isCurrentPassword, updateProfile } from "~/models/account.server";
import { setPassword } from "~/models/user.server";
import { useRootData } from "~/root";
import { email, parseForm, text, type FieldErrors } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";
import { confirmPassword, newPasswordFields } from "~/utils/password-fields";

export const meta: MetaFunction = () => [{ title: "Majlis" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ account: await getAccount({ userId: user.id }) });
}

const schemas = {
  profile: z.object({ name: text(120), locale: z.enum(LANGUAGES) }),
  password: confirmPassword(z.object({ currentPassword: z.string().max(1000).optional(), ...newPasswordFields })),
  addSignIn: confirmPassword(z.object({ email: email(), ...newPasswordFields })),
};
type Intent = keyof typeof schemas;

/** What the page says after a redirect: carried in the URL so that it works without JavaScript. */
const NOTICES = {
  profileSaved: "account:profile.saved",
  passwordChanged: "account:password.changed",
  signInAdded: "account:signIn.saved",
  passwordReset: "auth:reset.done",
} as const;

const failed = (intent: Intent, errors: FieldErrors, values: Record<string, string | string[]>, status = 400) => {
  const { currentPassword: _current, password: _password, passwordConfirm: _confirm, ...kept } = values;
  return json({ intent, errors, values: kept }, { status });
};

/** A new password signs every device out (setPassword); this one, which just proved who it is, stays signed in. */
async function passwordChanged(request: Request, userId: string, notice: keyof typeof NOTICES) {
  return redirect(`/account?notice=${notice}`, { headers: { "Set-Cookie": await startLoginSession(request, userId) } });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "profile") {
    const form = parseForm(schemas.profile, formData);
    if (!form.ok) return failed(intent, form.errors, form.values);
    await updateProfile({ userId: user.id, ...form.data });
    return redirect("/account?notice=profileSaved");
  }

  if (intent === "password") {
    const form = parseForm(schemas.password, formData);
    if (!form.ok) return failed(intent, form.errors, form.values);
    // Someone at an unlocked computer must not be able to guess the current password at full speed.
    const keys = [`account:${user.id}`];
    const wait = await secondsUntilAllowed(keys);
    if (wait > 0) return failed(intent, { form: { key: "account:password.throttled", values: { seconds: wait } } }, {}, 429);
    const { hasPassword } = await getAccount({ userId: user.id });
    if (hasPassword && !form.data.currentPassword) return failed(intent, { currentPassword: { key: "errors:required" } }, {});
    if (!(await isCurrentPassword({ userId: user.id, password: form.data.currentPassword ?? "" }))) {
      await recordAttempt(keys);
      return failed(intent, { currentPassword: { key: "account:password.wrongCurrent" } }, {});
    }
    await clearAttempts(keys);
    await setPassword({ userId: user.id, password: form.data.password });
    return passwordChanged(request, user.id, "passwordChanged");
  }

  if (intent === "addSignIn") {
    const form = parseForm(schemas.addSignIn, formData);
    if (!form.ok) return failed(intent, form.errors, form.values);
    if (!(await addEmail({ userId: user.id, email: form.data.email }))) {
      return failed(intent, { email: { key: "account:signIn.emailTaken" } }, { email: form.data.email }, 409);
    }
    await setPassword({ userId: user.id, password: form.data.password });
    return passwordChanged(request, user.id, "signInAdded");
  }

  badRequest();
}

export default function AccountPage() {
  const { t } = useTranslation(["account", "common", "auth"]);
  const { account } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const language = useRootData()?.language ?? "fr";
  const notice = searchParams.get("notice");
  const noticeKey = !data && notice && notice in NOTICES ? NOTICES[notice as keyof typeof NOTICES] : null;
  const errorsFor = (intent: Intent) => (data?.intent === intent ? (data.errors as FieldErrors) : undefined);
  const valuesFor = (intent: Intent) => (data?.intent === intent ? data.values : undefined);
  const profileErrors = errorsFor("profile");
  const passwordErrors = errorsFor("password");
  const signInErrors = errorsFor("addSignIn");
  const savedLocale = valueOf(valuesFor("profile"), "locale") ?? (isLanguage(account.locale) ? account.locale : language);
  const newPasswordLabels = { password: t("password.new"), hint: t("password.hint"), confirm: t("password.confirm") };

  return (
    <div className="narrow stack">
      <h1>{t("title")}</h1>
      {noticeKey ? (
        <p className="alert alert--ok" role="status">
          {t(noticeKey, { email: account.email })}
        </p>
      ) : null}

      <section className="card" aria-labelledby="profile-title">
        <h2 id="profile-title">{t("profile.title")}</h2>
        <IntentForm intent="profile" noValidate>
          <FormErrorSummary errors={profileErrors} />
          <Field
            name="name"
            label={t("profile.name")}
            autoComplete="name"
            required
            maxLength={120}
            defaultValue={valueOf(valuesFor("profile"), "name") ?? account.name}
            error={profileErrors?.name}
          />
          <SelectField
            name="locale"
            label={t("profile.language")}
            hint={t("profile.languageHint")}
            defaultValue={savedLocale}
            error={profileErrors?.locale}
          >
            {LANGUAGES.map((lng) => (
              <option key={lng} value={lng} lang={lng}>
                {t(`common:language.${lng}`)}
              </option>
            ))}
          </SelectField>
          <SubmitButton className="button button--primary">{t("profile.submit")}</SubmitButton>
        </IntentForm>
      </section>

      {account.email ? (
        <section className="card" aria-labelledby="password-title">
          <h2 id="password-title">{t("password.title")}</h2>
          <p className="muted">{t("password.email", { email: account.email })}</p>
          {account.hasPassword ? null : <p>{t("password.setIntro")}</p>}
          <IntentForm intent="password" noValidate>
            <FormErrorSummary errors={passwordErrors} />
            {account.hasPassword ? (
              <Field
                name="currentPassword"
                type="password"
                label={t("password.current")}
                autoComplete="current-password"
                required
                error={passwordErrors?.currentPassword}
                dir="ltr"
              />
            ) : null}
            <NewPasswordFields labels={newPasswordLabels} errors={passwordErrors} />
            <SubmitButton className="button button--primary">{t("password.submit")}</SubmitButton>
          </IntentForm>
        </section>
      ) : (
        <section className="card" aria-labelledby="sign-in-title">
          <h2 id="sign-in-title">{t("signIn.title")}</h2>
          <p>{t("signIn.intro")}</p>
          <IntentForm intent="addSignIn" noValidate>
            <FormErrorSummary errors={signInErrors} />
            <Field
              name="email"
              type="email"
              label={t("signIn.email")}
              autoComplete="email"
              required
              defaultValue={valueOf(valuesFor("addSignIn"), "email")}
              error={signInErrors?.email}
              dir="ltr"
            />
            <NewPasswordFields labels={newPasswordLabels} errors={signInErrors} />
            <SubmitButton className="button button--primary">{t("signIn.submit")}</SubmitButton>
          </IntentForm>
        </section>
      )}
    </div>
  );
}
