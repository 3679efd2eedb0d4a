import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getUser } from "~/auth/session.server";
import { resolveLanguage } from "~/i18n/locale.server";
import { isWebAddress } from "~/institutions/forms";
import { mayManageInstitution } from "~/institutions/permissions";
import { getInstitutionProfile } from "~/models/institutions.server";
import { viewerOf } from "~/peers/visibility";
import { countryName } from "~/practices/countries";
import { isolate } from "~/utils/bidi-isolate";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.organisation.name} · Majlis` : "Majlis" }];

const NOTICES = { saved: "profile.saved", created: "profile.created" } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const organisationId = params.organisationId ?? notFound();
  const user = await getUser(request);
  const profile = (await getInstitutionProfile({ organisationId, viewer: viewerOf(user) })) ?? notFound();
  const { language } = await resolveLanguage(request, user?.locale);
  const notice = new URL(request.url).searchParams.get("notice");
  return json({
    ...profile,
    organisation: {
      ...profile.organisation,
      countryName: countryName(profile.organisation.country, language),
      // Checked again where it becomes a link: rows written before the form's check, or by hand, may hold anything.
      website: isWebAddress(profile.organisation.website) ? profile.organisation.website : "",
    },
    mayManage: mayManageInstitution(user, organisationId),
    notice: notice && notice in NOTICES ? NOTICES[notice as keyof typeof NOTICES] : null,
  });
}

export default function InstitutionPage() {
  const { t } = useTranslation("institutions");
  const { organisation, peopleCount, people, practices, adoptions, mayManage, notice } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <p>
        <Link to="/institutions">{t("profile.back")}</Link>
      </p>
      {notice ? (
        <p className="alert alert--ok" role="status">
          {t(notice)}
        </p>
      ) : null}
      <header className="page-header">
        <h1 dir="auto">{organisation.name}</h1>
        {mayManage ? (
          <div className="row">
            <Link to={`/institutions/${organisation.id}/edit`} className="button">
              {t("profile.edit")}
            </Link>
            <Link to={`/institutions/${organisation.id}/people`} className="button">
              {t("profile.managePeople")}
            </Link>
          </div>
        ) : null}
      </header>

      <dl className="facts card">
        <div>
          <dt>{t("profile.country")}</dt>
          <dd>{organisation.countryName}</dd>
        </div>
        {organisation.website ? (
          <div>
            <dt>{t("profile.website")}</dt>
            <dd dir="ltr">
              <a href={organisation.website} rel="noopener noreferrer">
                {organisation.website}
              </a>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t("profile.contact")}</dt>
          <dd>
            {organisation.contactName ? <span dir="auto">{organisation.contactName}</span> : null}
            {organisation.contactName && organisation.contactEmail ? <br /> : null}
            {organisation.contactEmail ? (
              <a href={`mailto:${organisation.contactEmail}`} dir="ltr">
                {organisation.contactEmail}
              </a>
            ) : null}
            {!organisation.contactName && !organisation.contactEmail ? <span className="muted">{t("profile.noContact")}</span> : null}
          </dd>
        </div>
        <div>
          <dt>{t("profile.people")}</dt>
          <dd>{peopleCount}</dd>
        </div>
      </dl>

      <section aria-labelledby="mission-title">
        <h2 id="mission-title">{t("profile.mission")}</h2>
        {organisation.mission ? (
          <p dir="auto" className="institution-mission">
            {organisation.mission}
          </p>
        ) : (
          <p className="muted">{t("profile.noMission")}</p>
        )}
      </section>

      {people ? (
        <section aria-labelledby="our-people-title">
          <h2 id="our-people-title">{t("profile.ourPeople")}</h2>
          <ul className="institution-people">
            {people.map((person) => (
              <li key={person.id} dir="auto">
                {person.name}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="practices-title">
        <h2 id="practices-title">{t("profile.practicesTitle")}</h2>
        {practices.length === 0 ? (
          <p className="muted">{t("profile.noPractices")}</p>
        ) : (
          <ul className="institution-practices">
            {practices.map((practice) => (
              <li key={practice.id}>
                <Link to={`/practices/${practice.id}`} dir="auto">
                  {practice.title}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="adoptions-title">
        <h2 id="adoptions-title">{t("profile.adoptionsTitle")}</h2>
        {adoptions.length === 0 ? (
          <p className="muted">{t("profile.noAdoptions")}</p>
        ) : (
          <ul className="institution-practices">
            {adoptions.map((adoption) => (
              <li key={adoption.id}>
                <Link to={`/practices/${adoption.practice.id}`} dir="auto">
                  {adoption.practice.title}
                </Link>{" "}
                <span className="muted">
                  {t("profile.adoptedFrom", { institution: isolate(adoption.practice.organisation.name) })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
