import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { FormErrorSummary } from "~/components/field";
import { IntentForm } from "~/components/intent-form";
import { PracticeFields } from "~/components/practices/practice-fields";
import { SubmitButton } from "~/components/submit-button";
import { translatorFor } from "~/i18n/i18n";
import { resolveLanguage } from "~/i18n/locale.server";
import { createPractice, getWritingDefaults } from "~/models/practices.server";
import { mayWritePractices } from "~/practices/access";
import { countryOptions } from "~/practices/countries";
import { parsePracticeForm } from "~/practices/forms";
import { invalid, refused } from "~/practices/refusals.server";
import { practiceViewerOf } from "~/practices/viewer";
import { formValues } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} · Majlis` : "Majlis" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const viewer = practiceViewerOf(user);
  const { language } = await resolveLanguage(request, user.locale);
  const title = translatorFor(language)("practices:form.newTitle");
  const institution = mayWritePractices(viewer) && user.organisationId ? await getWritingDefaults({ organisationId: user.organisationId }) : null;
  if (!institution) return json({ title, institution: null, defaults: {}, countries: [] }, { status: 403 });
  return json({
    title,
    institution: { id: institution.id, name: institution.name },
    defaults: {
      country: institution.country,
      contactName: institution.contactName,
      contactEmail: institution.contactEmail,
      languages: [language],
      visibility: "INSTITUTION",
    } as Record<string, string | string[]>,
    countries: countryOptions(language),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const viewer = practiceViewerOf(user);
  const formData = await request.formData();
  if (formData.get("intent") !== "create") badRequest();
  const form = parsePracticeForm(formData);
  if (!form.ok) return invalid("create", form.errors, form.values);
  const created = await createPractice({ viewer, fields: form.data });
  if (!created.ok) return refused("create", created.reason, formValues(formData));
  return redirect(`/practices/${created.id}`);
}

export default function NewPracticePage() {
  const { t } = useTranslation("practices");
  const { title, institution, defaults, countries } = useLoaderData<typeof loader>();
  const sent = useActionData<typeof action>();
  return (
    <div className="stack practice-form-page">
      <p>
        <Link to="/practices">{t("detail.back")}</Link>
      </p>
      <section aria-labelledby="new-practice-title" className="stack">
        <h1 id="new-practice-title">{title}</h1>
        {institution ? (
          <>
            <p className="muted">{t("form.newIntro", { institution: institution.name })}</p>
            <FormErrorSummary errors={sent?.errors} />
            <IntentForm intent="create" noValidate className="stack practice-form">
              <PracticeFields values={sent?.values ?? defaults} errors={sent?.errors} countries={countries} />
              <div className="row">
                <SubmitButton className="button button--primary">{t("form.create")}</SubmitButton>
                <Link to="/practices">{t("form.cancel")}</Link>
              </div>
            </IntentForm>
          </>
        ) : (
          <p className="alert alert--info">{t("form.noInstitution")}</p>
        )}
      </section>
    </div>
  );
}
