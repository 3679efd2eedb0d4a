import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { FormErrorSummary, valueOf } from "~/components/field";
import { WorkshopHeader } from "~/components/workshop-header";
import { ModeChoice, SessionChoice } from "~/components/registration-fields";
import { SubmitButton } from "~/components/submit-button";
import { requireCapability } from "~/models/access.server";
import { getOwnRegistration, getRegistrationOptions, registerForWorkshop } from "~/models/registration.server";
import { parseForm } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { registrationChoiceSchema, refusalErrors } from "~/utils/registration-form";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.workshop.title} · Majlis` : "Majlis" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const workshopId = params.workshopId ?? "";
  const user = await requireUser(request);
  const access = await requireCapability({ workshopId, userId: user.id, capability: "workshop.register" });
  const [workshop, registration] = await Promise.all([
    getRegistrationOptions({ workshopId }),
    getOwnRegistration({ workshopId, userId: user.id }),
  ]);
  if (!workshop) notFound();
  return json({ workshop, alreadyRegistered: registration !== null, isOrganiser: access.role === "ORGANISER" });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const workshopId = params.workshopId ?? "";
  const user = await requireUser(request);
  await requireCapability({ workshopId, userId: user.id, capability: "workshop.register" });
  const form = parseForm(registrationChoiceSchema, await request.formData());
  if (!form.ok) return json({ errors: form.errors, values: form.values }, { status: 400 });
  const outcome = await registerForWorkshop({ workshopId, userId: user.id, ...form.data });
  if (!outcome.ok) {
    const values = { mode: form.data.mode, sessionId: form.data.sessionId ?? "" };
    return json({ errors: refusalErrors(outcome.reason), values }, { status: 400 });
  }
  return redirect(`/workshops/${workshopId}/registration?registered=1`);
}

export default function RegisterPage() {
  const { t } = useTranslation("registration");
  const { workshop, alreadyRegistered, isOrganiser } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const registrationPath = `/workshops/${workshop.id}/registration`;
  return (
    <div className="stack">
      <WorkshopHeader workshop={workshop} isOrganiser={isOrganiser} />
      <section className="narrow stack" aria-labelledby="register-title">
        <h2 id="register-title">{t("register.title")}</h2>
        {alreadyRegistered && !data ? (
          <div className="alert alert--info">
            <p>{t("register.already")}</p>
            <Link to={registrationPath}>{t("register.seeRegistration")}</Link>
          </div>
        ) : (
          <Form method="post" noValidate className="card">
            <FormErrorSummary errors={data?.errors} />
            {data?.errors.form?.key === "registration:errors.alreadyRegistered" ? (
              <p>
                <Link to={registrationPath}>{t("register.seeRegistration")}</Link>
              </p>
            ) : null}
            <ModeChoice modes={workshop.modes} defaultValue={valueOf(data?.values, "mode")} error={data?.errors.mode} />
            <SessionChoice
              sessions={workshop.sessions}
              defaultValue={valueOf(data?.values, "sessionId")}
              error={data?.errors.sessionId}
            />
            <SubmitButton className="button button--primary button--large">{t("register.submit")}</SubmitButton>
          </Form>
        )}
      </section>
    </div>
  );
}
