import { Link } from "@remix-run/react";
import type { SerializeFrom } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import type { PracticeResult } from "~/models/practice-search.server";
import { PracticeStatusBadge, VisibilityBadge } from "./practice-badges";

type Result = SerializeFrom<PracticeResult> & { countryName: string };

/** One practice in the library's results: title, who and where, themes, and where the query appears. */
export function PracticeResultItem({ result, showStatus }: { result: Result; showStatus: boolean }) {
  const { t } = useTranslation("practices");
  const { snippet } = result;
  return (
    <li className="card stack practice-result">
      <h3 className="practice-result__title">
        <Link to={`/practices/${result.id}`} dir="auto">
          {result.title}
        </Link>
      </h3>
      <p className="row practice-result__meta">
        {showStatus ? (
          <>
            <PracticeStatusBadge status={result.status} />
            <VisibilityBadge visibility={result.visibility} />
          </>
        ) : null}
        <span dir="auto">{result.organisation.name}</span>
        <span aria-hidden="true">·</span>
        <span>{result.countryName}</span>
      </p>
      {snippet.parts.length > 0 ? (
        <p className="practice-result__snippet" dir="auto">
          {snippet.before ? "… " : null}
          {snippet.parts.map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
          {snippet.after ? " …" : null}
        </p>
      ) : null}
      {result.themes.length > 0 ? (
        <ul className="practice-tags" aria-label={t("detail.themes")}>
          {result.themes.map((theme) => (
            <li key={theme} className="badge badge--muted">
              {t(`themes.${theme}`, { defaultValue: theme })}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
