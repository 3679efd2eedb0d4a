import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getUser } from "~/auth/session.server";
import { resolveLanguage } from "~/i18n/locale.server";
import { excerpt, mayCreateInstitution } from "~/institutions/permissions";
import { listInstitutions } from "~/models/institutions.server";
import { viewerOf } from "~/peers/visibility";
import { countryName } from "~/practices/countries";

export const meta: MetaFunction = () => [{ title: "Majlis" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const { language } = await resolveLanguage(request, user?.locale);
  const institutions = await listInstitutions({ viewer: viewerOf(user) });
  return json({
    institutions: institutions.map((institution) => ({
      id: institution.id,
      name: institution.name,
      country: countryName(institution.country, language),
      mission: excerpt(institution.mission),
      publishedPractices: institution.publishedPractices,
    })),
    mayCreate: mayCreateInstitution(user),
  });
}

export default function InstitutionsPage() {
  const { t } = useTranslation("institutions");
  const { institutions, mayCreate } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <header className="page-header">
        <div>
          <h1>{t("directory.title")}</h1>
          <p className="muted">{t("directory.intro")}</p>
        </div>
        {mayCreate ? (
          <Link to="/institutions/new" className="button button--primary">
            {t("directory.create")}
          </Link>
        ) : null}
      </header>
      {institutions.length === 0 ? <p className="muted">{t("directory.none")}</p> : null}
      <ul className="grid institution-cards">
        {institutions.map((institution) => (
          <li key={institution.id} className="card institution-card">
            <h2 dir="auto">
              <Link to={`/institutions/${institution.id}`}>{institution.name}</Link>
            </h2>
            <p className="muted">{institution.country}</p>
            {institution.mission ? <p dir="auto">{institution.mission}</p> : null}
            <p className="institution-card__practices">{t("directory.practices", { count: institution.publishedPractices })}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
