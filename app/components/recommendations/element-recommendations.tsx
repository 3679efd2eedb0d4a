import { Link } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DecisionOutcome, RecommendationStatus } from "~/generated/prisma/enums";
import { StatusBadge } from "./status-badge";

interface FedRecommendation {
  id: string;
  title: string;
  status: RecommendationStatus;
  url: string;
  decision: { outcome: DecisionOutcome } | null;
}

type Loaded = { state: "loading" } | { state: "failed" } | { state: "loaded"; recommendations: FedRecommendation[] };

/**
 * Traceability on the board: the recommendations a selected note or section fed, their status and the committee's
 * latest decision, each a link to its page. A plain fetch, not a Remix fetcher: a lost connection must not hand the
 * whole board to the error page (docs/decisions/008-board-voting.md).
 */
export function ElementRecommendations({ boardId, elementId }: { boardId: string; elementId: string }) {
  const { t } = useTranslation("recommendations");
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });
  useEffect(() => {
    const controller = new AbortController();
    setLoaded({ state: "loading" });
    fetch(`/boards/${boardId}/elements/${elementId}/recommendations.json`, { signal: controller.signal, headers: { Accept: "application/json" } })
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status));
        const body = (await response.json()) as { recommendations: FedRecommendation[] };
        setLoaded({ state: "loaded", recommendations: body.recommendations });
      })
      .catch(() => {
        if (!controller.signal.aborted) setLoaded({ state: "failed" });
      });
    return () => controller.abort();
  }, [boardId, elementId]);
  return (
    <aside className="element-recommendations" aria-labelledby="element-recommendations-title" aria-busy={loaded.state === "loading" ? true : undefined}>
      <h2 id="element-recommendations-title">{t("board.fromNote")}</h2>
      {loaded.state === "loading" ? <p className="muted">{t("board.loading")}</p> : null}
      {loaded.state === "failed" ? <p className="muted">{t("board.failed")}</p> : null}
      {loaded.state === "loaded" && loaded.recommendations.length === 0 ? <p className="muted">{t("board.none")}</p> : null}
      {loaded.state === "loaded" && loaded.recommendations.length > 0 ? (
        <ul>
          {loaded.recommendations.map((recommendation) => (
            <li key={recommendation.id}>
              <Link to={recommendation.url} dir="auto">
                {recommendation.title}
              </Link>{" "}
              <StatusBadge status={recommendation.status} />
              {recommendation.decision ? <span className="muted"> · {t(`outcomes.${recommendation.decision.outcome}`)}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </aside>
  );
}
