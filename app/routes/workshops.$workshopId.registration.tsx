import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireUser } from "~/auth/session.server";
import { FormErrorSummary, valueOf } from "~/components/field";
import { IntentForm } from "~/components/intent-form";
import { WorkshopHeader } from "~/components/workshop-header";
import { QrCode } from "~/components/qr-code";
import { ModeChoice, SessionChoice } from "~/components/registration-fields";
import { SubmitButton } from "~/components/submit-button";
import { DEFAULT_LANGUAGE } from "~/i18n/config";
import { requireCapability } from "~/models/access.server";
import {
  cancelRegistration,
  changeRegistration,
  getOwnRegistration,
  getRegistrationOptions,
} from "~/models/registration.server";
import { useRootData } from "~/root";
import { formatTime } from "~/utils/dates";
import { parseForm } from "~/utils/forms";
import { badRequest, notFound } from "~/utils/http.server";
import { absoluteUrl } from "~/utils/public-url.server";
import { qrCodeSvg } from "~/utils/qr-code.server";
import { refusalErrors, registrationChoiceSchema } from "~/utils/registration-form";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.workshop.title} · Majlis` : "Majlis" },
];

const intentSchema = z.object({ intent: z.enum(["change", "cancel"]) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const workshopId = params.workshopId ?? "";
  const user = await requireUser(request);
  const access = await requireCapability({ workshopId, userId: user.id, capability: "workshop.view" });
  const [workshop, registration] = await Promise.all([
    getRegistrationOptions({ workshopId }),
    getOwnRegistration({ workshopId, userId: user.id }),
  ]);
  if (!workshop) notFound();
  if (!registration) throw redirect(`/workshops/${workshopId}/register`);
  const checkInUrl = absoluteUrl(request, `/workshops/${workshopId}/checkin/${registration.checkInCode}`);
  return json({
    workshop,
    registration: { ...registration, userName: registration.user.name },
    qrSvg: await qrCodeSvg(checkInUrl),
    isOrganiser: access.role === "ORGANISER",
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const workshopId = params.workshopId ?? "";
  const user = await requireUser(request);
  await requireCapability({ workshopId, userId: user.id, capability: "workshop.view" });
  const formData = await request.formData();
  const intent = parseForm(intentSchema, formData);
  if (!intent.ok) badRequest();
  if (intent.data.intent === "cancel") {
    await cancelRegistration({ workshopId, userId: user.id });
    return redirect(`/workshops/${workshopId}`);
  }
  const form = parseForm(registrationChoiceSchema, formData);
  if (!form.ok) return json({ errors: form.errors, values: form.values }, { status: 400 });
  const outcome = await changeRegistration({ workshopId, userId: user.id, ...form.data });
  if (!outcome) return redirect(`/workshops/${workshopId}/register`);
  if (!outcome.ok) {
    const values = { mode: form.data.mode, sessionId: form.data.sessionId ?? "" };
    return json({ errors: refusalErrors(outcome.reason), values }, { status: 400 });
  }
  return redirect(`/workshops/${workshopId}/registration?updated=1`);
}

export default function OwnRegistrationPage() {
  const { t } = useTranslation("registration");
  const { workshop, registration, qrSvg, isOrganiser } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const language = useRootData()?.language ?? DEFAULT_LANGUAGE;
  const notice = searchParams.has("registered")
    ? t("mine.registered")
    : searchParams.has("updated")
    ? t("mine.updated")
    : null;
  return (
    <div className="stack">
      <WorkshopHeader workshop={workshop} isOrganiser={isOrganiser} />
      <section className="stack registration-page" aria-labelledby="registration-title">
        <h2 id="registration-title">{t("mine.title")}</h2>
        {notice && !data ? (
          <p className="alert alert--ok" role="status">
            {notice}
          </p>
        ) : null}
        <div className="registration-page__grid">
          <div className="card stack">
            <dl className="facts">
              <div>
                <dt>{t("mode.label")}</dt>
                <dd>{t(`mode.${registration.mode}`)}</dd>
              </div>
              {registration.session ? (
                <div>
                  <dt>{t("session.label")}</dt>
                  <dd>
                    {registration.session.title}
                    {registration.session.room ? (
                      <span className="facts__detail">{t("session.room", { room: registration.session.room })}</span>
                    ) : null}
                  </dd>
                </div>
              ) : null}
              <div>
                <dt>{t("mine.status")}</dt>
                <dd>
                  {registration.checkedInAt ? (
                    <span className="badge">
                      {t("mine.checkedInAt", {
                        time: formatTime(registration.checkedInAt, workshop.timezone, language),
                      })}
                    </span>
                  ) : (
                    <span className="badge badge--muted">{t("mine.notCheckedIn")}</span>
                  )}
                </dd>
              </div>
            </dl>
          </div>
          <section className="card stack checkin-pass" aria-labelledby="pass-title">
            <h3 id="pass-title">{t("mine.qrTitle")}</h3>
            <p>{t("mine.qrHelp")}</p>
            <QrCode svg={qrSvg} label={t("mine.qrLabel", { name: registration.userName })} />
            <p>
              {t("mine.code")}{" "}
              <code className="checkin-pass__code" dir="ltr">
                {registration.checkInCode}
              </code>
            </p>
          </section>
        </div>
        <details className="card" open={Boolean(data)}>
          <summary>{t("mine.change")}</summary>
          <IntentForm intent="change" noValidate>
            <FormErrorSummary errors={data?.errors} />
            <ModeChoice
              modes={workshop.modes}
              defaultValue={valueOf(data?.values, "mode") ?? registration.mode}
              error={data?.errors.mode}
            />
            <SessionChoice
              sessions={workshop.sessions}
              currentSessionId={registration.sessionId}
              defaultValue={valueOf(data?.values, "sessionId") ?? registration.sessionId ?? undefined}
              error={data?.errors.sessionId}
            />
            <SubmitButton className="button button--primary">{t("mine.changeSubmit")}</SubmitButton>
          </IntentForm>
        </details>
        <section className="card stack" aria-labelledby="cancel-title">
          <h3 id="cancel-title">{t("mine.cancelTitle")}</h3>
          <p className="muted">{t("mine.cancelHelp")}</p>
          <IntentForm intent="cancel">
            <button type="submit" className="button button--danger">
              {t("mine.cancelSubmit")}
            </button>
          </IntentForm>
        </section>
      </section>
    </div>
  );
}
