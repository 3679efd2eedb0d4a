import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { FormErrorSummary } from "~/components/field";
import { IntentForm } from "~/components/intent-form";
import { SubmitButton } from "~/components/submit-button";
import { WorkshopFormFields, workshopFormValuesFromSubmission } from "~/components/workshop-form";
import { WorkshopHeader } from "~/components/workshop-header";
import { requireCapability } from "~/models/access.server";
import { getWorkshop, setWorkshopStatus, updateWorkshop } from "~/models/workshop.server";
import { toLocalInputValue } from "~/utils/dates";
import { parseForm } from "~/utils/forms";
import { badRequest, notFound } from "~/utils/http.server";
import { workshopFormSchema } from "~/utils/schedule-forms.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.workshop.title} · Majlis` : "Majlis" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const workshopId = params.workshopId ?? notFound();
  await requireCapability({ workshopId, userId: user.id, capability: "workshop.edit" });
  const workshop = (await getWorkshop({ workshopId })) ?? notFound();
  return json({
    workshop: { id: workshop.id, title: workshop.title, status: workshop.status },
    values: {
      title: workshop.title,
      description: workshop.description,
      startsAt: toLocalInputValue(workshop.startsAt, workshop.timezone),
      endsAt: toLocalInputValue(workshop.endsAt, workshop.timezone),
      timezone: workshop.timezone,
      venue: workshop.venue,
      format: workshop.format,
      languages: workshop.languages,
    },
  });
}

/** What the page says after a redirect: the outcome travels in the URL so it also works without JavaScript. */
const OUTCOMES = { saved: "edit.saved", published: "edit.publishedNow", unpublished: "edit.unpublishedNow" } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const workshopId = params.workshopId ?? notFound();
  await requireCapability({ workshopId, userId: user.id, capability: "workshop.edit" });
  const formData = await request.formData();
  const intent = formData.get("intent");
  const here = `/workshops/${workshopId}/edit`;

  if (intent === "publish" || intent === "unpublish") {
    const status = intent === "publish" ? "PUBLISHED" : "DRAFT";
    await setWorkshopStatus({ workshopId, actorId: user.id, status });
    return redirect(`${here}?done=${intent === "publish" ? "published" : "unpublished"}`);
  }
  if (intent !== "save") badRequest();

  const form = parseForm(workshopFormSchema, formData);
  if (!form.ok) return json({ errors: form.errors, values: form.values }, { status: 400 });
  await updateWorkshop({ workshopId, actorId: user.id, fields: form.data });
  return redirect(`${here}?done=saved`);
}

export default function EditWorkshopPage() {
  const { t } = useTranslation("workshop");
  const { workshop, values } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const done = searchParams.get("done");
  const outcome = done && done in OUTCOMES ? OUTCOMES[done as keyof typeof OUTCOMES] : null;
  const isDraft = workshop.status === "DRAFT";
  return (
    <div className="stack">
      <WorkshopHeader workshop={workshop} isOrganiser />
      {outcome && !data ? (
        <p className="alert alert--ok" role="status">
          {t(outcome)}
        </p>
      ) : null}
      <div className="workshop-edit">
        <section className="card" aria-labelledby="details-title">
          <h2 id="details-title">{t("edit.title")}</h2>
          <IntentForm intent="save" noValidate>
            <FormErrorSummary errors={data?.errors} />
            <WorkshopFormFields values={data?.values ? workshopFormValuesFromSubmission(data.values) : values} errors={data?.errors} />
            <SubmitButton className="button button--primary">{t("edit.submit")}</SubmitButton>
          </IntentForm>
        </section>
        <div className="stack">
          <section className="card" aria-labelledby="publication-title">
            <h2 id="publication-title">{t("edit.publication")}</h2>
            <p>{isDraft ? t("edit.draftExplanation") : t("edit.publishedExplanation")}</p>
            <IntentForm intent={isDraft ? "publish" : "unpublish"}>
              <SubmitButton className={isDraft ? "button button--primary" : "button button--danger"}>
                {isDraft ? t("edit.publish") : t("edit.unpublish")}
              </SubmitButton>
            </IntentForm>
          </section>
          <section className="card" aria-labelledby="template-title">
            <h2 id="template-title">{t("templates:save.cardTitle")}</h2>
            <p>{t("templates:save.cardIntro")}</p>
            <Link to={`/templates/new?workshopId=${workshop.id}`} className="button">
              {t("templates:save.open")}
            </Link>
          </section>
        </div>
      </div>
    </div>
  );
}
