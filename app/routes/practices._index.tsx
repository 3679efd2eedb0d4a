import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getUser } from "~/auth/session.server";
import { Field, SelectField } from "~/components/field";
import { PracticeResultItem } from "~/components/practices/practice-result";
import { INTL_LOCALE, LANGUAGES } from "~/i18n/config";
import { translatorFor } from "~/i18n/i18n";
import { resolveLanguage } from "~/i18n/locale.server";
import { libraryFacets, searchPractices } from "~/models/practice-search.server";
import { countPendingPractices } from "~/models/practices.server";
import { mayWritePractices } from "~/practices/access";
import { countryName } from "~/practices/countries";
import { libraryQuery, readLibraryFilters } from "~/practices/filters";
import { QUERY_MAX } from "~/practices/search";
import { PRACTICE_THEMES } from "~/practices/themes";
import { practiceViewerOf } from "~/practices/viewer";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} · Majlis` : "Majlis" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const viewer = practiceViewerOf(user);
  const filters = readLibraryFilters(new URL(request.url).searchParams);
  const { language } = await resolveLanguage(request, user?.locale);
  const [found, facets, pending] = await Promise.all([
    searchPractices({ viewer, filters }),
    libraryFacets({ viewer }),
    countPendingPractices({ viewer }),
  ]);
  const collator = new Intl.Collator(INTL_LOCALE[language]);
  const countryCodes = new Set([...facets.countries, ...(filters.country ? [filters.country] : [])]);
  return json({
    title: translatorFor(language)("practices:library.title"),
    filters,
    signedIn: user !== null,
    member: viewer.organisationId !== null,
    mayWrite: mayWritePractices(viewer),
    moderation: viewer.platformModerator ? { pending } : null,
    mine: facets.mine,
    institutions: facets.institutions,
    countries: [...countryCodes].map((code) => ({ code, name: countryName(code, language) })).sort((a, b) => collator.compare(a.name, b.name)),
    ...found,
    results: found.results.map((result) => ({ ...result, countryName: countryName(result.country, language) })),
  });
}

export default function PracticeLibraryPage() {
  const { t } = useTranslation("practices");
  const { filters, signedIn, member, mayWrite, moderation, total, results } = useLoaderData<typeof loader>();
  return (
    <div className="stack practice-library">
      <header className="page-header">
        <div className="stack">
          <h1 id="library-title">{t("library.title")}</h1>
          <p className="muted">{t("library.intro")}</p>
        </div>
        <div className="row">
          {moderation ? (
            <Link to="/practices/moderation" className="button">
              {t("library.moderation", { count: moderation.pending })}
            </Link>
          ) : null}
          {mayWrite ? (
            <Link to="/practices/new" className="button button--primary">
              {t("library.share")}
            </Link>
          ) : null}
        </div>
      </header>
      {!signedIn ? <p className="alert alert--info">{t("library.signedOutNote")}</p> : null}
      {signedIn && !member ? <p className="alert alert--info">{t("library.noInstitutionNote")}</p> : null}
      {member ? <ScopeTabs /> : null}
      <SearchForm />
      <section aria-labelledby="results-title" className="stack">
        <div className="row practice-library__count">
          <h2 id="results-title" className="visually-hidden">
            {t("library.results")}
          </h2>
          <p className="muted" role="status">
            {t("library.count", { count: total })}
          </p>
          <a href={`/practices.csv${libraryQuery(filters, { page: undefined })}`} download>
            {t("library.export")}
          </a>
        </div>
        {results.length === 0 ? (
          <p className="muted">{filters.scope === "mine" && !filters.q ? t("library.emptyMine") : t("library.empty")}</p>
        ) : (
          <ol className="practice-results">
            {results.map((result) => (
              <PracticeResultItem key={result.id} result={result} showStatus={filters.scope === "mine"} />
            ))}
          </ol>
        )}
        <Pagination />
      </section>
    </div>
  );
}

function ScopeTabs() {
  const { t } = useTranslation("practices");
  const { filters, mine } = useLoaderData<typeof loader>();
  const scopes = [
    { scope: undefined, label: t("library.scopeAll") },
    { scope: "mine", label: t("library.scopeMine", { count: mine }) },
  ];
  return (
    <nav aria-label={t("library.scopes")} className="tabs">
      {scopes.map(({ scope, label }) => (
        <Link key={label} to={`/practices${libraryQuery(filters, { scope, page: undefined })}`} aria-current={filters.scope === scope ? "page" : undefined}>
          {label}
        </Link>
      ))}
    </nav>
  );
}

/** A GET form: the search stays in the address, so it can be shared and works without JavaScript. */
function SearchForm() {
  const { t } = useTranslation(["practices", "common"]);
  const { filters, institutions, countries } = useLoaderData<typeof loader>();
  return (
    <Form method="get" className="card stack practice-search" role="search" aria-label={t("library.filters")}>
      <Field id="practice-search-q" name="q" type="search" label={t("library.search")} hint={t("library.searchHint")} maxLength={QUERY_MAX} defaultValue={filters.q} />
      <div className="form-row">
        <SelectField id="practice-filter-theme" name="theme" label={t("library.theme")} defaultValue={filters.theme ?? ""}>
          <option value="">{t("library.allThemes")}</option>
          {PRACTICE_THEMES.map((theme) => (
            <option key={theme} value={theme}>
              {t(`themes.${theme}`)}
            </option>
          ))}
        </SelectField>
        <SelectField id="practice-filter-country" name="country" label={t("library.country")} defaultValue={filters.country ?? ""}>
          <option value="">{t("library.allCountries")}</option>
          {countries.map((country) => (
            <option key={country.code} value={country.code}>
              {country.name}
            </option>
          ))}
        </SelectField>
        <SelectField id="practice-filter-institution" name="institution" label={t("library.institution")} defaultValue={filters.institution ?? ""}>
          <option value="">{t("library.allInstitutions")}</option>
          {institutions.map((institution) => (
            <option key={institution.id} value={institution.id}>
              {institution.name}
            </option>
          ))}
        </SelectField>
        <SelectField id="practice-filter-language" name="language" label={t("library.language")} defaultValue={filters.language ?? ""}>
          <option value="">{t("library.allLanguages")}</option>
          {LANGUAGES.map((language) => (
            <option key={language} value={language} lang={language}>
              {t(`common:language.${language}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="row">
        <button type="submit" className="button button--primary">
          {t("library.apply")}
        </button>
        <Link to={filters.scope ? `/practices?scope=${filters.scope}` : "/practices"}>{t("library.reset")}</Link>
      </div>
      {filters.scope ? <input type="hidden" name="scope" value={filters.scope} /> : null}
    </Form>
  );
}

function Pagination() {
  const { t } = useTranslation("practices");
  const { filters, page, pageCount } = useLoaderData<typeof loader>();
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={t("library.pagination")} className="row practice-pagination">
      {page > 1 ? (
        <Link to={`/practices${libraryQuery(filters, { page: page - 1 })}`} rel="prev">
          {t("library.previous")}
        </Link>
      ) : null}
      <span aria-current="page">{t("library.page", { page, pages: pageCount })}</span>
      {page < pageCount ? (
        <Link to={`/practices${libraryQuery(filters, { page: page + 1 })}`} rel="next">
          {t("library.next")}
        </Link>
      ) : null}
    </nav>
  );
}
