import { Form, Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormErrorSummary } from "~/components/field";
import { IntentForm } from "~/components/intent-form";
import { SubmitButton } from "~/components/submit-button";
import { DEFAULT_LANGUAGE } from "~/i18n/config";
import type { CitedPractice } from "~/models/practice-citations.server";
import { countryName } from "~/practices/countries";
import { PRACTICE_QUERY_MAX } from "~/practices/exchange-forms";
import type { Refused } from "~/recommendations/refusals.server";
import { useRootData } from "~/root";

interface RecommendationPracticesProps {
  /** The cited practices the reader may read. */
  practices: CitedPractice[];
  /** For those who may edit the recommendation: the search for practices to cite, and what it found. */
  search: { query: string; results: CitedPractice[] } | null;
  refusal?: Refused;
}

/** "Inspired by practices" on a recommendation's page; its editors cite practices found by a search and remove them. */
export function RecommendationPractices({ practices, search, refusal }: RecommendationPracticesProps) {
  const { t } = useTranslation("exchange");
  const location = useLocation();
  return (
    <section id="practices" aria-labelledby="practices-title" className="stack">
      <h3 id="practices-title">{t("citations.recommendationTitle")}</h3>
      <FormErrorSummary errors={refusal?.errors} />
      {practices.length === 0 ? <p className="muted">{t("citations.recommendationNone")}</p> : null}
      <ul className="exchange-list">
        {practices.map((practice) => (
          <li key={practice.id} className="card practice-citation">
            <PracticeSummary practice={practice} />
            {search ? (
              <IntentForm intent="uncitePractice" subject={{ practiceId: practice.id }}>
                <SubmitButton className="button button--quiet" aria-label={t("citations.removeLabel", { title: practice.title })}>
                  {t("citations.remove")}
                </SubmitButton>
              </IntentForm>
            ) : null}
          </li>
        ))}
      </ul>
      {search ? (
        <div className="card stack">
          <Form method="get" action={`${location.pathname}#practices`} className="inline-form" role="search">
            <Field
              id="practice-query"
              name="practiceQuery"
              type="search"
              label={t("citations.search")}
              hint={t("citations.searchHint")}
              maxLength={PRACTICE_QUERY_MAX}
              defaultValue={search.query}
            />
            <button type="submit" className="button">
              {t("citations.searchSubmit")}
            </button>
          </Form>
          {search.query && search.results.length === 0 ? <p className="muted">{t("citations.noResults")}</p> : null}
          {search.results.length > 0 ? (
            <ul className="exchange-list" aria-label={t("citations.results")}>
              {search.results.map((practice) => (
                <li key={practice.id} className="practice-citation">
                  <PracticeSummary practice={practice} />
                  <IntentForm intent="citePractice" subject={{ practiceId: practice.id }}>
                    <SubmitButton className="button" aria-label={t("citations.citeLabel", { title: practice.title })}>
                      {t("citations.cite")}
                    </SubmitButton>
                  </IntentForm>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function PracticeSummary({ practice }: { practice: CitedPractice }) {
  const language = useRootData()?.language ?? DEFAULT_LANGUAGE;
  return (
    <div className="stack practice-citation__summary">
      <Link to={`/practices/${practice.id}`} dir="auto">
        <strong>{practice.title}</strong>
      </Link>
      <span className="muted">
        <Link to={`/institutions/${practice.organisation.id}`} dir="auto">
          {practice.organisation.name}
        </Link>
        {" · "}
        {countryName(practice.country, language)}
      </span>
    </div>
  );
}
