import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { startLoginSession } from "~/auth/session.server";
import { FormErrorSummary } from "~/components/field";
import { NewPasswordFields } from "~/components/new-password-fields";
import { SubmitButton } from "~/components/submit-button";
import { completePasswordReset, isResetTokenValid } from "~/models/password-reset.server";
import { parseForm } from "~/utils/forms";
import { z } from "zod";
import { confirmPassword, newPasswordFields } from "~/utils/password-fields";

export const meta: MetaFunction = () => [{ title: "Majlis" }, { name: "referrer", content: "no-referrer" }];

const resetSchema = confirmPassword(z.object(newPasswordFields));

// 410 Gone: the link existed (or might have) but can no longer be used; the page says so in plain words.
const invalidLink = () => json({ valid: false as const, errors: null }, { status: 410 });

export async function loader({ params }: LoaderFunctionArgs) {
  const valid = await isResetTokenValid({ token: params.token ?? "" });
  return valid ? json({ valid: true as const }) : invalidLink();
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  if (!(await isResetTokenValid({ token }))) return invalidLink();
  const form = parseForm(resetSchema, await request.formData());
  if (!form.ok) return json({ valid: true as const, errors: form.errors }, { status: 400 });
  const userId = await completePasswordReset({ token, password: form.data.password });
  if (!userId) return invalidLink();
  // setPassword signed every device out; this one gets a fresh session since it just proved who it is.
  return redirect("/account?notice=passwordReset", {
    headers: { "Set-Cookie": await startLoginSession(request, userId) },
  });
}

export default function ResetPasswordPage() {
  const { t } = useTranslation("auth");
  const loaded = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const valid = data ? data.valid : loaded.valid;
  const errors = data?.errors ?? undefined;
  return (
    <section className="narrow card" aria-labelledby="reset-title">
      <h1 id="reset-title">{t("reset.title")}</h1>
      {valid ? (
        <Form method="post" noValidate>
          <FormErrorSummary errors={errors} />
          <NewPasswordFields
            labels={{ password: t("reset.password"), hint: t("reset.hint"), confirm: t("reset.confirm") }}
            errors={errors}
          />
          <SubmitButton className="button button--primary">{t("reset.submit")}</SubmitButton>
        </Form>
      ) : (
        <>
          <p className="alert alert--error" role="alert">
            {t("reset.invalidLink")}
          </p>
          <p>
            <Link to="/forgot-password">{t("forgot.title")}</Link>
          </p>
        </>
      )}
    </section>
  );
}
