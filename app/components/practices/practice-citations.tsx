import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/recommendations/status-badge";
import type { CitingRecommendation } from "~/models/practice-citations.server";

/** On a practice's page: the recommendations it inspired that the viewer may read, each linking to its page. */
export function PracticeCitations({ recommendations }: { recommendations: CitingRecommendation[] }) {
  const { t } = useTranslation("exchange");
  return (
    <section id="citations" aria-labelledby="citations-title" className="stack">
      <h2 id="citations-title">{t("citations.practiceTitle")}</h2>
      {recommendations.length === 0 ? <p className="muted">{t("citations.practiceNone")}</p> : null}
      <ul className="exchange-list">
        {recommendations.map((recommendation) => (
          <li key={recommendation.id} className="card stack">
            <Link to={`/workshops/${recommendation.workshop.id}/recommendations/${recommendation.id}`} dir="auto" lang={recommendation.language}>
              <strong>{recommendation.title}</strong>
            </Link>
            <p className="row">
              <StatusBadge status={recommendation.status} />
              <span className="muted" dir="auto">
                {t("citations.workshop", { title: recommendation.workshop.title })}
              </span>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
