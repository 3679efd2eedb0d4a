import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { getUser, startLoginSession } from "~/auth/session.server";
import { joinThrottleKey, recordAttempt, secondsUntilAllowed } from "~/auth/throttle.server";
import { Field, FormErrorSummary, valueOf } from "~/components/field";
import { SessionChoice } from "~/components/registration-fields";
import { SubmitButton } from "~/components/submit-button";
import { resolveLanguage } from "~/i18n/locale.server";
import { findWorkshopByJoinCode, joinAsGuest } from "~/models/join.server";
import { getOwnRegistration, getRegistrationOptions, registerForWorkshop } from "~/models/registration.server";
import { modeForJoinCode } from "~/utils/attendance";
import { email, optionalText, parseForm, text, type FieldErrors } from "~/utils/forms";
import "~/utils/load-context";
import { refusalErrors } from "~/utils/registration-form";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.workshop ? `${data.workshop.title} · Majlis` : "Majlis" },
];

const sessionField = optionalText(100).transform((value) => value ?? null);

const guestSchema = z.object({
  name: text(120),
  email: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    email().optional()
  ),
  sessionId: sessionField,
});

const memberSchema = z.object({ sessionId: sessionField });

/** The workshop behind the code with what the join form needs, or null for a wrong code or a draft. */
async function joinableWorkshop(code: string) {
  const found = await findWorkshopByJoinCode({ code });
  return found ? getRegistrationOptions({ workshopId: found.id }) : null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const workshop = await joinableWorkshop(params.code ?? "");
  if (!workshop)
    return json({ workshop: null, user: null, alreadyRegistered: false, code: params.code ?? "" }, { status: 404 });
  const registration = user ? await getOwnRegistration({ workshopId: workshop.id, userId: user.id }) : null;
  return json({
    workshop,
    user: user ? { name: user.name } : null,
    alreadyRegistered: registration !== null,
    code: params.code ?? "",
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const workshop = await joinableWorkshop(params.code ?? "");
  if (!workshop) {
    const errors: FieldErrors = { form: { key: "registration:errors.unknownJoinCode" } };
    return json({ errors, values: {} }, { status: 404 });
  }
  const registrationPath = `/workshops/${workshop.id}/registration?registered=1`;
  const formData = await request.formData();
  const user = await getUser(request);

  if (user) {
    const form = parseForm(memberSchema, formData);
    if (!form.ok) return json({ errors: form.errors, values: form.values }, { status: 400 });
    const outcome = await registerForWorkshop({
      workshopId: workshop.id,
      userId: user.id,
      mode: modeForJoinCode(workshop.format),
      sessionId: form.data.sessionId,
    });
    if (!outcome.ok && outcome.reason !== "alreadyRegistered") {
      return json(
        { errors: refusalErrors(outcome.reason), values: { sessionId: form.data.sessionId ?? "" } },
        { status: 400 }
      );
    }
    return redirect(registrationPath);
  }

  const form = parseForm(guestSchema, formData);
  if (!form.ok) return json({ errors: form.errors, values: form.values }, { status: 400 });
  const throttleKey = joinThrottleKey(context.clientAddress);
  const wait = await secondsUntilAllowed([throttleKey]);
  if (wait > 0) {
    const errors: FieldErrors = { form: { key: "auth:login.throttled", values: { seconds: wait } } };
    return json({ errors, values: { name: form.data.name, email: form.data.email ?? "", sessionId: form.data.sessionId ?? "" } }, { status: 429 });
  }
  const { language } = await resolveLanguage(request);
  const outcome = await joinAsGuest({
    workshopId: workshop.id,
    name: form.data.name,
    email: form.data.email ?? null,
    sessionId: form.data.sessionId,
    locale: language,
  });
  if (!outcome.ok) {
    const values = { name: form.data.name, email: form.data.email ?? "", sessionId: form.data.sessionId ?? "" };
    return json(
      { errors: refusalErrors(outcome.reason), values },
      { status: outcome.reason === "emailTaken" ? 409 : 400 }
    );
  }
  await recordAttempt([throttleKey]);
  return redirect(registrationPath, { headers: { "Set-Cookie": await startLoginSession(request, outcome.userId) } });
}

export default function JoinWorkshopPage() {
  const { t } = useTranslation("registration");
  const { workshop, user, alreadyRegistered, code } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();

  if (!workshop) {
    return (
      <section className="narrow card join-page" aria-labelledby="join-title">
        <h1 id="join-title">{t("join.title")}</h1>
        <p className="alert alert--error" role="alert">
          {t("errors.unknownJoinCode")}
        </p>
        <p>
          <Link to="/join" className="button button--primary button--large">
            {t("join.tryAnotherCode")}
          </Link>
        </p>
      </section>
    );
  }

  const loginPath = `/login?${new URLSearchParams({ redirectTo: `/join/${code}` })}`;
  return (
    <section className="narrow card join-page" aria-labelledby="join-title">
      <h1 id="join-title">{t("join.welcome")}</h1>
      <p>
        {t("join.intoWorkshop")} <strong>{workshop.title}</strong>
      </p>
      {alreadyRegistered ? (
        <div className="stack">
          <p className="alert alert--info">{t("join.alreadyRegistered")}</p>
          <Link to={`/workshops/${workshop.id}/registration`} className="button button--primary button--large">
            {t("register.seeRegistration")}
          </Link>
        </div>
      ) : (
        <Form method="post" noValidate>
          <FormErrorSummary errors={data?.errors} />
          {data?.errors.email?.key === "registration:errors.emailTaken" ? (
            <p>
              <Link to={loginPath} className="button button--large">
                {t("join.signIn")}
              </Link>
            </p>
          ) : null}
          {user ? (
            <p>{t("join.signedInAs", { name: user.name })}</p>
          ) : (
            <>
              <Field
                name="name"
                label={t("join.name")}
                hint={t("join.nameHint")}
                required
                autoComplete="name"
                defaultValue={valueOf(data?.values, "name")}
                error={data?.errors.name}
              />
              <Field
                name="email"
                type="email"
                label={t("join.email")}
                hint={t("join.emailHint")}
                autoComplete="email"
                inputMode="email"
                dir="ltr"
                defaultValue={valueOf(data?.values, "email")}
                error={data?.errors.email}
              />
            </>
          )}
          <SessionChoice
            sessions={workshop.sessions}
            defaultValue={valueOf(data?.values, "sessionId")}
            error={data?.errors.sessionId}
          />
          <SubmitButton className="button button--primary button--large">
            {user ? t("join.submitSignedIn") : t("join.submitGuest")}
          </SubmitButton>
        </Form>
      )}
      {user ? null : (
        <p className="join-page__signin">
          {t("join.haveAccount")} <Link to={loginPath}>{t("join.signIn")}</Link>
        </p>
      )}
    </section>
  );
}
