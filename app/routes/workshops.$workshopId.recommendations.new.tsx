import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { FormErrorSummary, SelectField } from "~/components/field";
import { IntentForm } from "~/components/intent-form";
import { RecommendationFields } from "~/components/recommendations/recommendation-fields";
import { SubmitButton } from "~/components/submit-button";
import { WorkshopHeader } from "~/components/workshop-header";
import { translatorFor } from "~/i18n/i18n";
import { resolveLanguage } from "~/i18n/locale.server";
import { requireCapability } from "~/models/access.server";
import { findCitableElement } from "~/models/recommendation-sources.server";
import { addSource, createRecommendation, listEditableRecommendations, listRecommendationSessions } from "~/models/recommendations.server";
import { getWorkshop } from "~/models/workshop.server";
import { recommendationFieldsSchema, sourceSchema } from "~/recommendations/forms";
import { maySetVisibility, mayRecommend, recommendableSessions } from "~/recommendations/permissions";
import { prefillFromElement } from "~/recommendations/prefill";
import { invalid, refused } from "~/recommendations/refusals.server";
import { parseForm } from "~/utils/forms";
import { badRequest, forbidden, notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.workshop.title} · Majlis` : "Majlis" }];

/** The element a recommendation is made from, from the query (?boardId=&elementId=) or the form's hidden fields. */
function sourceFrom(values: URLSearchParams | FormData) {
  const parsed = sourceSchema.safeParse({ boardId: values.get("boardId"), elementId: values.get("elementId") });
  return parsed.success ? parsed.data : null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const workshopId = params.workshopId ?? notFound();
  const access = await requireCapability({ workshopId, userId: user.id, capability: "recommendations.view" });
  const [workshop, sessions] = await Promise.all([getWorkshop({ workshopId }), listRecommendationSessions({ workshopId })]);
  if (!workshop) notFound();
  const recommendable = recommendableSessions(access, sessions);
  const source = sourceFrom(new URL(request.url).searchParams);
  const { language } = await resolveLanguage(request, user.locale);

  let element = null;
  let prefill: Record<string, string> = { language, sessionId: recommendable.plenary ? "" : (recommendable.sessions[0]?.id ?? "") };
  if (source) {
    const citable = await findCitableElement({ workshopId, userId: user.id, ...source });
    if (!citable.ok) {
      if (citable.reason === "boardForbidden") forbidden();
      if (citable.reason === "otherWorkshop") badRequest();
      notFound();
    }
    const { board, element: found, notes } = citable.found;
    element = { ...source, type: found.type, text: found.text, notes, boardTitle: board.title, sessionId: board.sessionId };
    prefill = prefillFromElement({ text: found.text, notes, sessionId: board.sessionId, fallbackLanguage: language });
  }
  const elementSession = element ? (sessions.find((session) => session.id === element.sessionId) ?? null) : null;
  const allowed = element ? mayRecommend(access, elementSession) : recommendable.sessions.length > 0 || recommendable.plenary;
  return json(
    {
      workshop: { id: workshop.id, title: workshop.title, status: workshop.status },
      isOrganiser: access.role === "ORGANISER",
      allowed,
      element,
      prefill,
      sessions: (element && elementSession ? [elementSession] : recommendable.sessions).map(({ id, title }) => ({ id, title })),
      plenary: !element && recommendable.plenary,
      showVisibility: maySetVisibility(access),
      citeTargets: element ? await listEditableRecommendations({ workshopId, access, userId: user.id }) : [],
    },
    { status: allowed ? 200 : 403 },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const workshopId = params.workshopId ?? notFound();
  const access = await requireCapability({ workshopId, userId: user.id, capability: "recommendations.view" });
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "create");
  const source = sourceFrom(formData);
  const { language } = await resolveLanguage(request, user.locale);
  const t = translatorFor(language);
  const here = `/workshops/${workshopId}/recommendations`;

  if (intent === "cite") {
    if (!source) badRequest();
    const recommendationId = String(formData.get("recommendationId") ?? "");
    const versionName = (title: string) => t("recommendations:sources.versionName", { title });
    const cited = await addSource({ workshopId, recommendationId, access, actorId: user.id, versionName, ...source });
    if (!cited.ok) return refused(intent, cited.reason, { recommendationId });
    return redirect(`${here}/${recommendationId}#sources`);
  }
  if (intent !== "create") badRequest();

  const form = parseForm(recommendationFieldsSchema, formData);
  if (!form.ok) return invalid(intent, form.errors, form.values);
  const created = await createRecommendation({
    workshopId,
    access,
    actorId: user.id,
    fields: form.data,
    source: source ? { ...source, versionName: t("recommendations:sources.versionName", { title: form.data.title }) } : null,
  });
  if (!created.ok) {
    const values = Object.fromEntries([...formData].map(([key, value]) => [key, String(value)]));
    return refused(intent, created.reason === "forbidden" ? "notRecommendable" : created.reason, values);
  }
  return redirect(`${here}/${created.id}`);
}

export default function NewRecommendationPage() {
  const { t } = useTranslation("recommendations");
  const { workshop, isOrganiser, allowed, element, prefill, sessions, plenary, showVisibility, citeTargets } = useLoaderData<typeof loader>();
  const sent = useActionData<typeof action>();
  const creating = sent?.intent === "create" ? sent : undefined;
  const citing = sent?.intent === "cite" ? sent : undefined;
  const base = `/workshops/${workshop.id}/recommendations`;
  return (
    <div className="stack">
      <WorkshopHeader workshop={workshop} isOrganiser={isOrganiser} />
      <p>
        <Link to={base}>{t("detail.back")}</Link>
      </p>
      <section aria-labelledby="new-recommendation-title" className="stack">
        <h2 id="new-recommendation-title">{t("create.title")}</h2>
        {element ? (
          <div className="card recommendation-source-preview stack">
            <p>
              {t("create.fromElement", { text: element.text || t(`sources.types.${element.type}`), board: element.boardTitle })}
            </p>
            {element.notes.length > 0 ? (
              <>
                <p className="muted">{t("create.fromSection")}</p>
                <ul>
                  {element.notes.map((note, index) => (
                    <li key={index} dir="auto">
                      {note}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <p className="muted">{t("create.evidenceNote")}</p>
          </div>
        ) : null}
        <FormErrorSummary errors={creating?.errors} />
        {!allowed ? <p className="alert alert--info">{element ? t("create.notAllowed") : t("create.noSessionAllowed")}</p> : null}
        {/* A refused form comes back whole, so that what was typed is not lost even where it cannot be saved. */}
        {allowed || creating ? (
          <IntentForm intent="create" subject={element ? { boardId: element.boardId, elementId: element.elementId } : {}} noValidate className="stack recommendation-form">
            <RecommendationFields
              idPrefix="new"
              values={creating?.values ?? prefill}
              errors={creating?.errors}
              sessions={sessions}
              plenary={plenary}
              showVisibility={showVisibility}
            />
            <SubmitButton className="button button--primary">{t("create.submit")}</SubmitButton>
          </IntentForm>
        ) : null}
      </section>
      {element && citeTargets.length > 0 ? (
        <section aria-labelledby="cite-title" className="card stack">
          <h2 id="cite-title">{t("create.citeExisting")}</h2>
          <IntentForm intent="cite" subject={{ boardId: element.boardId, elementId: element.elementId }} noValidate className="stack">
            <FormErrorSummary errors={citing?.errors} />
            <SelectField id="cite-target" name="recommendationId" label={t("create.citeTarget")} defaultValue={citing?.values.recommendationId as string | undefined}>
              {citeTargets.map((target) => (
                <option key={target.id} value={target.id}>
                  {target.title}
                </option>
              ))}
            </SelectField>
            <SubmitButton className="button">{t("create.citeSubmit")}</SubmitButton>
          </IntentForm>
        </section>
      ) : null}
    </div>
  );
}
