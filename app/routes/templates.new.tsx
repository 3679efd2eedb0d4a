import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { FormErrorSummary, valueOf } from "~/components/field";
import { SubmitButton } from "~/components/submit-button";
import { TemplateFormFields } from "~/components/template-form";
import { requireCapability } from "~/models/access.server";
import { getTemplateSource, saveWorkshopAsTemplate } from "~/models/workshop-templates.server";
import { templateFormSchema } from "~/templates/forms";
import { formValues, parseForm } from "~/utils/forms";
import { badRequest, notFound } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Majlis" }];

/** Saving a workshop as a template is for its organisers: they know what of it is worth running again. */
async function requireSource(request: Request, workshopId: string | null) {
  const user = await requireUser(request);
  if (!workshopId) badRequest();
  await requireCapability({ workshopId, userId: user.id, capability: "workshop.edit" });
  const workshop = (await getTemplateSource({ workshopId })) ?? notFound();
  return { user, workshop };
}

/** The form is sent to its own address, which names the workshop, so that a form sent back with errors shows again. */
const workshopIdOf = (request: Request) => new URL(request.url).searchParams.get("workshopId");

export async function loader({ request }: LoaderFunctionArgs) {
  const { workshop } = await requireSource(request, workshopIdOf(request));
  return json({ workshop: { id: workshop.id, title: workshop.title, description: workshop.description } });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, workshop } = await requireSource(request, workshopIdOf(request));
  const formData = await request.formData();
  const form = parseForm(templateFormSchema, formData);
  if (!form.ok) return json({ errors: form.errors, values: form.values }, { status: 400 });
  const saved = await saveWorkshopAsTemplate({ workshopId: workshop.id, actorId: user.id, fields: form.data });
  if (!saved.ok && saved.reason === "notFound") notFound();
  if (!saved.ok) {
    return json({ errors: { visibility: { key: "templates:errors.noInstitution" } }, values: formValues(formData) }, { status: 400 });
  }
  return redirect(`/templates/${saved.templateId}?done=created`);
}

export default function SaveAsTemplatePage() {
  const { t } = useTranslation("templates");
  const { workshop } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const values = data?.values;
  return (
    <section className="narrow card stack" aria-labelledby="save-template-title">
      <h1 id="save-template-title">{t("save.title")}</h1>
      <p>{t("save.intro", { workshop: workshop.title })}</p>
      <p className="muted">{t("save.keeps")}</p>
      <p className="muted">{t("save.never")}</p>
      <Form method="post" noValidate>
        <FormErrorSummary errors={data?.errors} />
        <TemplateFormFields
          values={{
            title: valueOf(values, "title") ?? workshop.title,
            description: valueOf(values, "description") ?? workshop.description,
            visibility: valueOf(values, "visibility") ?? "INSTITUTION",
          }}
          errors={data?.errors}
        />
        <div className="row">
          <SubmitButton className="button button--primary">{t("save.submit")}</SubmitButton>
          <Link to={`/workshops/${workshop.id}/edit`}>{t("common:actions.back")}</Link>
        </div>
      </Form>
    </section>
  );
}
