import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { getUser, safeRedirectPath, startLoginSession } from "~/auth/session.server";
import { clearAttempts, recordAttempt, secondsUntilAllowed, throttleKeys } from "~/auth/throttle.server";
import { Field, FormErrorSummary, valueOf } from "~/components/field";
import { SubmitButton } from "~/components/submit-button";
import { verifyLogin } from "~/models/user.server";
import { email, parseForm } from "~/utils/forms";
import "~/utils/load-context";

export const meta: MetaFunction = () => [{ title: "Majlis" }];

const loginSchema = z.object({
  email: email(),
  password: z.string().min(1).max(1000),
  redirectTo: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user) return redirect(safeRedirectPath(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = parseForm(loginSchema, await request.formData());
  if (!form.ok) return json({ errors: form.errors, values: form.values }, { status: 400 });
  const { email, password, redirectTo } = form.data;
  const keys = throttleKeys(email, context.clientAddress);
  const values = { email, redirectTo: redirectTo ?? "" };

  const wait = await secondsUntilAllowed(keys);
  if (wait > 0) {
    return json({ errors: { form: { key: "auth:login.throttled", values: { seconds: wait } } }, values }, { status: 429 });
  }
  const user = await verifyLogin({ email, password });
  if (!user) {
    await recordAttempt(keys);
    return json({ errors: { form: { key: "auth:login.invalid" } }, values }, { status: 400 });
  }
  await clearAttempts(keys);
  return redirect(safeRedirectPath(redirectTo), {
    headers: { "Set-Cookie": await startLoginSession(request, user.id) },
  });
}

export default function LoginPage() {
  const { t } = useTranslation(["auth", "common"]);
  const data = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const errors = data?.errors as Record<string, { key: string; values?: Record<string, unknown> }> | undefined;
  return (
    <section className="narrow card" aria-labelledby="login-title">
      <h1 id="login-title">{t("login.title")}</h1>
      <Form method="post" noValidate>
        <FormErrorSummary errors={errors} />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? valueOf(data?.values, "redirectTo") ?? ""} />
        <Field
          name="email"
          type="email"
          label={t("login.email")}
          autoComplete="email"
          required
          defaultValue={valueOf(data?.values, "email")}
          error={errors?.email}
          dir="ltr"
        />
        <Field
          name="password"
          type="password"
          label={t("login.password")}
          autoComplete="current-password"
          required
          error={errors?.password}
          dir="ltr"
        />
        <SubmitButton className="button button--primary">{t("login.submit")}</SubmitButton>
      </Form>
      <p>
        <Link to="/forgot-password">{t("login.forgot")}</Link>
      </p>
      <p>
        <Link to="/join">{t("login.joinInstead")}</Link>
      </p>
    </section>
  );
}
