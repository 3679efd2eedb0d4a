import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { LiveErrorCode } from "~/live/protocol";
import type { HandInQueue, HandsState } from "~/live/tools-protocol";
import type { LiveRoom } from "~/live/use-live-room";
import { LiveErrorMessage } from "~/components/live/live-error";

/** Raise and lower one's hand, see one's place; facilitators give the floor in order and lower hands. */
export function HandsPanel({ live }: { live: LiveRoom }) {
  const { t } = useTranslation("livetools");
  const self = live.snapshot?.self;
  const [queue, setQueue] = useState<HandInQueue[]>([]);
  const [error, setError] = useState<LiveErrorCode | null>(null);

  useEffect(() => {
    setQueue((live.snapshot?.features.hands as HandsState | undefined)?.queue ?? []);
    // Only a (re)join brings a new snapshot of the queue; between joins, `hand:queue` events keep it current.
  }, [live.joinVersion]);
  useEffect(() => live.on<HandsState>("hand:queue", (state) => setQueue(state.queue)), [live.on]);

  const send = async (event: string, payload?: unknown) => {
    setError(null);
    const answer = await live.request(event, payload);
    if (!answer.ok) setError(answer.error);
  };

  const place = self ? queue.findIndex((hand) => hand.userId === self.userId) + 1 : 0;
  const raised = place > 0;
  return (
    <section className="card live-panel hands-panel" aria-labelledby="hands-title">
      <h2 id="hands-title">{t("hands.title")}</h2>
      {self?.canParticipate ? (
        <>
          <button
            type="button"
            className="button button--large hand-toggle"
            aria-pressed={raised}
            onClick={() => send(raised ? "hand:lower" : "hand:raise")}
          >
            <span aria-hidden="true">✋</span> {t("hands.raise")}
          </button>
          <p className="hands-panel__place" aria-live="polite">
            {raised ? (
              <>
                <strong>{t("hands.place", { place })}</strong> {t("hands.raisedHint")}
              </>
            ) : null}
          </p>
        </>
      ) : self ? (
        <p className="muted">{t("hands.observer")}</p>
      ) : null}
      <h3>{t("hands.queue", { count: queue.length })}</h3>
      {queue.length === 0 ? (
        <p className="muted">{t("hands.empty")}</p>
      ) : (
        <ol className="hand-queue" aria-live="polite">
          {queue.map((hand) => (
            <li key={hand.userId}>
              <div className="hand-queue__item">
                <span className="hand-queue__who">
                  <span dir="auto">{hand.name}</span>
                  {hand.userId === self?.userId ? ` (${t("hands.you")})` : ""}{" "}
                  <span className="badge badge--muted">{t(`modes.${hand.mode}`)}</span>
                </span>
                {self?.isFacilitator ? (
                  <button type="button" className="button button--quiet" aria-label={t("hands.lowerLabel", { name: hand.name })} onClick={() => send("hand:lower", { userId: hand.userId })}>
                    {t("hands.lower")}
                  </button>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
      )}
      {self?.isFacilitator && queue.length > 0 ? (
        <button type="button" className="button button--danger" onClick={() => send("hand:lowerAll")}>
          {t("hands.lowerAll")}
        </button>
      ) : null}
      <LiveErrorMessage error={error} />
    </section>
  );
}
