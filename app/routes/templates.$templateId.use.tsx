import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { Field, FormErrorSummary, SelectField, valueOf } from "~/components/field";
import { SubmitButton } from "~/components/submit-button";
import { TIMEZONE_CHOICES } from "~/components/workshop-form";
import { LANGUAGES } from "~/i18n/config";
import { createWorkshopFromTemplate, getTemplatePerson, getViewableTemplate } from "~/models/workshop-templates.server";
import { mayUseTemplate } from "~/templates/access";
import { TEMPLATE_TITLE_MAX, useTemplateFormSchema } from "~/templates/forms";
import { parseForm } from "~/utils/forms";
import { forbidden, notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.template.title} · Majlis` : "Majlis" }];

/** A template this person may read (404 otherwise, as on its page) and run again (403 for who may not organise). */
async function requireUsableTemplate(request: Request, templateId: string | undefined) {
  const user = await requireUser(request);
  const person = await getTemplatePerson({ userId: user.id });
  const template = (templateId ? await getViewableTemplate({ templateId, person }) : null) ?? notFound();
  if (!person || !mayUseTemplate(person, template)) forbidden();
  return { user, template };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { template } = await requireUsableTemplate(request, params.templateId);
  return json({
    template: { id: template.id, title: template.title },
    defaults: {
      title: template.title,
      date: "",
      time: template.content.startTime,
      timezone: template.timezone,
      venue: "",
      languages: template.languages,
    },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, template } = await requireUsableTemplate(request, params.templateId);
  const form = parseForm(useTemplateFormSchema, await request.formData());
  if (!form.ok) return json({ errors: form.errors, values: form.values }, { status: 400 });
  const workshop = await createWorkshopFromTemplate({ template, actorId: user.id, fields: form.data });
  return redirect(`/workshops/${workshop.id}`);
}

export default function UseTemplatePage() {
  const { t } = useTranslation(["templates", "common"]);
  const { template, defaults } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const sent = data?.values;
  const errors = data?.errors;
  const value = (name: "title" | "date" | "time" | "timezone" | "venue") => (sent ? valueOf(sent, name) ?? "" : defaults[name]);
  const languages = sent ? [sent.languages ?? []].flat() : defaults.languages;
  const zones: string[] = [...TIMEZONE_CHOICES];
  if (!zones.includes(value("timezone"))) zones.push(value("timezone"));
  return (
    <section className="narrow card stack" aria-labelledby="use-template-title">
      <h1 id="use-template-title">{t("use.title")}</h1>
      <p>{t("use.intro", { template: template.title })}</p>
      <Form method="post" noValidate>
        <FormErrorSummary errors={errors} />
        <Field name="title" label={t("use.workshopTitle")} required maxLength={TEMPLATE_TITLE_MAX} defaultValue={value("title")} error={errors?.title} />
        <div className="row template-use__when">
          <Field name="date" type="date" label={t("use.date")} required defaultValue={value("date")} error={errors?.date} dir="ltr" />
          <Field name="time" type="time" label={t("use.time")} required defaultValue={value("time")} error={errors?.time} hint={t("use.timeHint")} dir="ltr" />
        </div>
        <SelectField name="timezone" label={t("use.timezone")} required defaultValue={value("timezone")} error={errors?.timezone} dir="ltr">
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll("_", " ")}
            </option>
          ))}
        </SelectField>
        <Field name="venue" label={t("use.venue")} hint={t("use.venueHint")} maxLength={200} defaultValue={value("venue")} error={errors?.venue} />
        <fieldset className={errors?.languages ? "field--invalid" : undefined} aria-describedby={errors?.languages ? "field-languages-error" : undefined}>
          <legend>
            {t("use.languages")}
            <span aria-hidden="true"> *</span>
          </legend>
          {errors?.languages ? (
            <p className="field__error" id="field-languages-error">
              {t(errors.languages.key, errors.languages.values)}
            </p>
          ) : null}
          {LANGUAGES.map((language) => (
            <label key={language} className="choice">
              <input type="checkbox" name="languages" value={language} defaultChecked={languages.includes(language)} />
              <span lang={language}>{t(`common:language.${language}`)}</span>
            </label>
          ))}
        </fieldset>
        <div className="row">
          <SubmitButton className="button button--primary">{t("use.submit")}</SubmitButton>
          <Link to={`/templates/${template.id}`}>{t("common:actions.back")}</Link>
        </div>
      </Form>
    </section>
  );
}
