import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Field, FormErrorSummary, valueOf } from "~/components/field";
import { SubmitButton } from "~/components/submit-button";
import { isLanguage } from "~/i18n/config";
import { resolveLanguage } from "~/i18n/locale.server";
import { isMailConfigured, sendMail } from "~/mail/mailer.server";
import { passwordResetMail } from "~/mail/messages";
import { requestPasswordReset } from "~/models/password-reset.server";
import { email, parseForm } from "~/utils/forms";
import { absoluteUrl } from "~/utils/public-url.server";

export const meta: MetaFunction = () => [{ title: "Majlis" }];

const forgotSchema = z.object({ email: email() });

export async function action({ request }: ActionFunctionArgs) {
  const form = parseForm(forgotSchema, await request.formData());
  if (!form.ok) return json({ errors: form.errors, values: form.values, answer: null }, { status: 400 });

  const withToken = isMailConfigured();
  const outcome = await requestPasswordReset({ email: form.data.email, withToken });
  if (outcome.kind === "link") {
    const { user, token } = outcome;
    // Their saved language if they chose one, otherwise the one they are reading this page in.
    const language = isLanguage(user.locale) ? user.locale : (await resolveLanguage(request)).language;
    const mail = passwordResetMail({ language, name: user.name, link: absoluteUrl(request, `/reset-password/${token}`) });
    try {
      await sendMail({ to: user.email, ...mail });
    } catch (error) {
      // The answer must stay the same whether or not the account exists, so a mail failure is only logged.
      console.error("password reset e-mail could not be sent", error);
    }
  }
  // The same answer for a known address, an unknown one and a rate-limited one: nothing to learn from it.
  return json({ errors: null, values: null, answer: withToken ? "auth:forgot.sentByEmail" : "auth:forgot.askOrganiser" });
}

export default function ForgotPasswordPage() {
  const { t } = useTranslation("auth");
  const data = useActionData<typeof action>();
  const errors = data?.errors ?? undefined;
  return (
    <section className="narrow card" aria-labelledby="forgot-title">
      <h1 id="forgot-title">{t("forgot.title")}</h1>
      {data?.answer ? (
        <p className="alert alert--ok" role="status">
          {t(data.answer)}
        </p>
      ) : (
        <>
          <p>{t("forgot.intro")}</p>
          <Form method="post" noValidate>
            <FormErrorSummary errors={errors} />
            <Field
              name="email"
              type="email"
              label={t("forgot.email")}
              autoComplete="email"
              required
              defaultValue={valueOf(data?.values ?? undefined, "email")}
              error={errors?.email}
              dir="ltr"
            />
            <SubmitButton className="button button--primary">{t("forgot.submit")}</SubmitButton>
          </Form>
        </>
      )}
      <p>
        <Link to="/login">{t("login.title")}</Link>
      </p>
    </section>
  );
}
