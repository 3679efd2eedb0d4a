import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getUser } from "~/auth/session.server";
import { SelectField } from "~/components/field";
import { listTemplates, type TemplateFilter } from "~/models/workshop-templates.server";
import { viewerOf } from "~/peers/visibility";
import { durationLabel } from "~/templates/schedule";

export const meta: MetaFunction = () => [{ title: "Majlis" }];

const FILTERS: TemplateFilter[] = ["all", "mine", "shared"];

export async function loader({ request }: LoaderFunctionArgs) {
  // Public templates are for everyone, signed in or not.
  const user = await getUser(request);
  const asked = new URL(request.url).searchParams.get("show");
  const filter = FILTERS.find((candidate) => candidate === asked) ?? "all";
  const templates = await listTemplates({ viewer: viewerOf(user), filter });
  const deleted = new URL(request.url).searchParams.get("done") === "deleted";
  return json({ templates, filter, deleted, hasInstitution: Boolean(user?.organisationId) });
}

export default function TemplatesLibrary() {
  const { t } = useTranslation(["templates", "workshop", "common"]);
  const { templates, filter, deleted, hasInstitution } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <header className="page-header">
        <div>
          <h1>{t("library.title")}</h1>
          <p className="muted">{t("library.intro")}</p>
        </div>
      </header>
      {deleted ? (
        <p className="alert alert--ok" role="status">
          {t("page.deleted")}
        </p>
      ) : null}
      {hasInstitution ? (
        <Form method="get" className="row template-filter">
          <SelectField name="show" id="template-filter" label={t("library.filter.label")} defaultValue={filter}>
            {FILTERS.map((value) => (
              <option key={value} value={value}>
                {t(`library.filter.${value}`)}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="button">
            {t("library.filter.apply")}
          </button>
        </Form>
      ) : null}
      {templates.length === 0 ? (
        <p className="muted">{t("library.empty")}</p>
      ) : (
        <ul className="grid template-list">
          {templates.map((template) => {
            const duration = durationLabel(template.durationMinutes);
            return (
              <li key={template.id} className="card">
                <h2 className="template-list__title">
                  <Link to={`/templates/${template.id}`} dir="auto">
                    {template.title}
                  </Link>
                </h2>
                <p className="row">
                  <span className="badge">{t(`workshop:format.${template.format}`)}</span>
                  <span className="badge badge--muted">{t(`visibility.${template.visibility}`)}</span>
                  {template.ours ? <span className="badge badge--muted">{t("library.ours")}</span> : null}
                </p>
                {template.description ? (
                  <p className="template-list__description" dir="auto">
                    {template.description}
                  </p>
                ) : null}
                <dl className="facts">
                  <div>
                    <dt>{t("library.institution")}</dt>
                    <dd dir="auto">{template.organisationName ?? t("library.noInstitution")}</dd>
                  </div>
                  <div>
                    <dt>{t("library.sessions")}</dt>
                    <dd>{template.sessionCount}</dd>
                  </div>
                  <div>
                    <dt>{t("library.duration")}</dt>
                    <dd>{t(duration.key, duration.values)}</dd>
                  </div>
                  <div>
                    <dt>{t("library.languages")}</dt>
                    <dd>{template.languages.map((language) => t(`common:language.${language}`)).join(", ")}</dd>
                  </div>
                </dl>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
