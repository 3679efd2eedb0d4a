import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { PLENARY, type LiveErrorCode } from "~/live/protocol";
import type { HelpRequestView, HelpRequestsEvent, HelpState, HelpStateEvent } from "~/live/tools-protocol";
import type { LiveRoom } from "~/live/use-live-room";
import { LiveErrorMessage } from "~/components/live/live-error";

/**
 * "Call the organiser", in every room: participants call and see whether someone took their call; organisers see
 * every call still waiting, in any room of the workshop, and mark them handled.
 */
export function HelpPanel({ live }: { live: LiveRoom }) {
  const { t } = useTranslation("livetools");
  const self = live.snapshot?.self;
  const room = live.snapshot?.room;
  // My latest call in this room: open, or just answered (cancelled ones are forgotten).
  const [mine, setMine] = useState<HelpRequestView | null>(null);
  const [open, setOpen] = useState<HelpRequestView[]>([]);
  const [error, setError] = useState<LiveErrorCode | null>(null);

  useEffect(() => {
    const state = live.snapshot?.features.help as HelpState | undefined;
    setMine(state?.mine ?? null);
    setOpen(state?.open ?? []);
    // Only a (re)join brings a new snapshot; between joins, events keep it current.
  }, [live.joinVersion]);
  useEffect(() => {
    const offState = live.on<HelpStateEvent>("help:state", ({ request }) => {
      // The same person may follow another room on another device: only this room's calls belong here.
      if (request.room === room) setMine(request.status === "cancelled" ? null : request);
    });
    const offRequests = live.on<HelpRequestsEvent>("help:requests", (event) => setOpen(event.open));
    return () => {
      offState();
      offRequests();
    };
  }, [live.on, room]);

  const send = async (event: string, payload?: unknown) => {
    setError(null);
    const answer = await live.request(event, payload);
    if (!answer.ok) setError(answer.error);
  };

  return (
    <section className="card live-panel help-panel" aria-labelledby="help-title">
      <h2 id="help-title">{t("help.title")}</h2>
      {self && !self.isOrganiser ? (
        <>
          <p className="muted">{t("help.intro")}</p>
          <div aria-live="polite">
            {mine?.status === "open" ? <p className="alert alert--info">{t("help.pending")}</p> : null}
            {mine?.status === "answered" ? <p className="alert alert--ok">{t("help.answered")}</p> : null}
          </div>
          {mine?.status === "open" ? (
            <button type="button" className="button" onClick={() => send("help:cancel")}>
              {t("help.cancel")}
            </button>
          ) : (
            <button type="button" className="button button--primary button--large" onClick={() => send("help:request")}>
              <span aria-hidden="true">🛎️</span> {t("help.call")}
            </button>
          )}
        </>
      ) : null}
      {self?.isOrganiser ? (
        <>
          <h3>{t("help.openTitle", { count: open.length })}</h3>
          {open.length === 0 ? (
            <p className="muted">{t("help.none")}</p>
          ) : (
            <ul className="help-calls" aria-live="polite">
              {open.map((call) => (
                <li key={call.id} className="help-calls__item">
                  <span>
                    <strong dir="auto">{call.name}</strong>{" "}
                    <span className="badge badge--muted">{t(`modes.${call.mode}`)}</span>
                    <br />
                    <span className="muted" dir="auto">
                      {call.room === PLENARY ? t("live:plenary") : call.roomTitle}
                    </span>
                  </span>
                  <button type="button" className="button" aria-label={t("help.resolveLabel", { name: call.name })} onClick={() => send("help:resolve", { requestId: call.id })}>
                    {t("help.resolve")}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
      <LiveErrorMessage error={error} />
    </section>
  );
}
