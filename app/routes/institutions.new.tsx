import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { FormErrorSummary } from "~/components/field";
import { EMPTY_INSTITUTION, InstitutionFields, institutionValuesFromSubmission } from "~/components/institutions/institution-form";
import { SubmitButton } from "~/components/submit-button";
import { resolveLanguage } from "~/i18n/locale.server";
import { institutionSchema } from "~/institutions/forms";
import { mayCreateInstitution } from "~/institutions/permissions";
import { createInstitution } from "~/models/institutions.server";
import { countryOptions } from "~/practices/countries";
import { parseForm } from "~/utils/forms";
import { forbidden } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Majlis" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!mayCreateInstitution(user)) forbidden();
  const { language } = await resolveLanguage(request, user.locale);
  return json({ countries: countryOptions(language) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  if (!mayCreateInstitution(user)) forbidden();
  const form = parseForm(institutionSchema, await request.formData());
  if (!form.ok) return json({ errors: form.errors, values: form.values }, { status: 400 });
  const institution = await createInstitution({ actorId: user.id, fields: form.data });
  return redirect(`/institutions/${institution.id}?notice=created`);
}

export default function NewInstitutionPage() {
  const { t } = useTranslation("institutions");
  const { countries } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <section className="narrow card" aria-labelledby="new-institution-title">
      <h1 id="new-institution-title">{t("create.title")}</h1>
      <p className="muted">{t("create.intro")}</p>
      <Form method="post" noValidate className="stack">
        <FormErrorSummary errors={data?.errors} />
        <InstitutionFields values={data?.values ? institutionValuesFromSubmission(data.values) : EMPTY_INSTITUTION} errors={data?.errors} countries={countries} />
        <div className="row">
          <SubmitButton className="button button--primary">{t("create.submit")}</SubmitButton>
          <Link to="/institutions">{t("form.cancel")}</Link>
        </div>
      </Form>
    </section>
  );
}
