import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { FormErrorSummary } from "~/components/field";
import { WorkshopFormFields, workshopFormValuesFromSubmission, type WorkshopFormValues } from "~/components/workshop-form";
import { SubmitButton } from "~/components/submit-button";
import { canCreateWorkshops, createWorkshop } from "~/models/workshop.server";
import { listTemplateSuggestions } from "~/models/workshop-templates.server";
import { viewerOf } from "~/peers/visibility";
import { parseForm } from "~/utils/forms";
import { forbidden } from "~/utils/http.server";
import { workshopFormSchema } from "~/utils/schedule-forms.server";

export const meta: MetaFunction = () => [{ title: "Majlis" }];

const EMPTY_WORKSHOP: WorkshopFormValues = {
  title: "",
  description: "",
  startsAt: "",
  endsAt: "",
  timezone: "Africa/Casablanca",
  venue: "",
  format: "HYBRID",
  languages: ["fr"],
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!(await canCreateWorkshops({ userId: user.id }))) forbidden();
  return json({ templates: await listTemplateSuggestions({ viewer: viewerOf(user) }) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  if (!(await canCreateWorkshops({ userId: user.id }))) forbidden();
  const form = parseForm(workshopFormSchema, await request.formData());
  if (!form.ok) return json({ errors: form.errors, values: form.values }, { status: 400 });
  const workshop = await createWorkshop({ userId: user.id, fields: form.data });
  return redirect(`/workshops/${workshop.id}`);
}

export default function NewWorkshopPage() {
  const { t } = useTranslation("workshop");
  const data = useActionData<typeof action>();
  const { templates } = useLoaderData<typeof loader>();
  const values = data?.values ? workshopFormValuesFromSubmission(data.values) : EMPTY_WORKSHOP;
  return (
    <div className="stack">
      <section className="narrow card" aria-labelledby="new-workshop-title">
        <h1 id="new-workshop-title">{t("new.title")}</h1>
        <p className="muted">{t("new.intro")}</p>
        {templates.length > 0 ? (
          <p>
            <a href="#from-template">{t("templates:start.title")}</a>
          </p>
        ) : null}
        <Form method="post" noValidate>
          <FormErrorSummary errors={data?.errors} />
          <WorkshopFormFields values={values} errors={data?.errors} />
          <SubmitButton className="button button--primary">{t("new.submit")}</SubmitButton>
        </Form>
      </section>
      <section className="narrow card" id="from-template" aria-labelledby="from-template-title">
        <h2 id="from-template-title">{t("templates:start.title")}</h2>
        <p className="muted">{t("templates:start.intro")}</p>
        {templates.length === 0 ? (
          <p className="muted">{t("templates:start.none")}</p>
        ) : (
          <ul className="template-suggestions">
            {templates.map((template) => (
              <li key={template.id}>
                <Link to={`/templates/${template.id}/use`} dir="auto">
                  {template.title}
                </Link>{" "}
                <span className="muted" dir="auto">
                  · {template.organisationName ?? t("templates:library.noInstitution")}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to="/templates">{t("templates:start.browse")}</Link>
        </p>
      </section>
    </div>
  );
}
