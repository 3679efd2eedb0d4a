import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser, type SessionUser } from "~/auth/session.server";
import { FormErrorSummary } from "~/components/field";
import { InstitutionFields, institutionValuesFromSubmission } from "~/components/institutions/institution-form";
import { SubmitButton } from "~/components/submit-button";
import { resolveLanguage } from "~/i18n/locale.server";
import { institutionSchema } from "~/institutions/forms";
import { mayManageInstitution } from "~/institutions/permissions";
import { getInstitution, updateInstitution } from "~/models/institutions.server";
import { countryOptions } from "~/practices/countries";
import { isolate } from "~/utils/bidi-isolate";
import { parseForm } from "~/utils/forms";
import { forbidden, notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.institution.name} · Majlis` : "Majlis" }];

/** The institution, once the person is known to speak for it (its admin, or a platform moderator). */
async function editableInstitution(user: SessionUser, organisationId: string | undefined) {
  const institution = organisationId ? await getInstitution({ organisationId }) : null;
  if (!institution) notFound();
  if (!mayManageInstitution(user, institution.id)) forbidden();
  return institution;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const institution = await editableInstitution(user, params.organisationId);
  const { language } = await resolveLanguage(request, user.locale);
  return json({ institution, countries: countryOptions(language) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const institution = await editableInstitution(user, params.organisationId);
  const form = parseForm(institutionSchema, await request.formData());
  if (!form.ok) return json({ errors: form.errors, values: form.values }, { status: 400 });
  if (!(await updateInstitution({ organisationId: institution.id, actorId: user.id, fields: form.data }))) notFound();
  return redirect(`/institutions/${institution.id}?notice=saved`);
}

export default function EditInstitutionPage() {
  const { t } = useTranslation("institutions");
  const { institution, countries } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <section className="narrow card" aria-labelledby="edit-institution-title">
      <h1 id="edit-institution-title" dir="auto">
        {t("edit.title", { name: isolate(institution.name) })}
      </h1>
      <Form method="post" noValidate className="stack">
        <FormErrorSummary errors={data?.errors} />
        <InstitutionFields values={data?.values ? institutionValuesFromSubmission(data.values) : institution} errors={data?.errors} countries={countries} />
        <div className="row">
          <SubmitButton className="button button--primary">{t("form.save")}</SubmitButton>
          <Link to={`/institutions/${institution.id}`}>{t("form.cancel")}</Link>
        </div>
      </Form>
    </section>
  );
}
