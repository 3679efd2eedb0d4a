import { Component, Suspense, lazy, useEffect, useId, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { CallPanelData } from "~/call/protocol";
import type { RoomKey } from "~/live/protocol";

// LiveKit's client is big and only useful once video is set up and the page is in a browser: loaded on demand.
const CallRoom = lazy(() => import("./call-room"));

/** Anything the video part throws stays in the video part: the live panels around it keep working. */
class CallFailure extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  componentDidCatch(error: unknown) {
    console.error("call: the video panel failed:", error);
  }
  render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/**
 * The room's video call beside the live panels: a pre-join check, then the call. It can be folded away without
 * leaving the call (on a phone, to reach the panels below); people in the room start with it folded.
 */
export function CallPanel({ workshopId, room, timeZone, call }: { workshopId: string; room: RoomKey; timeZone: string; call: CallPanelData }) {
  const { t } = useTranslation("call");
  const titleId = useId();
  const bodyId = useId();
  const [inBrowser, setInBrowser] = useState(false);
  const [open, setOpen] = useState(!call.configured || call.mode !== "IN_PERSON");
  useEffect(() => setInBrowser(true), []);

  return (
    <section className="card call-panel" aria-labelledby={titleId}>
      <div className="call-panel__header">
        <h2 id={titleId}>{t("title")}</h2>
        {call.configured ? (
          <button type="button" className="button button--quiet" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
            {open ? t("fold") : t("unfold")}
          </button>
        ) : null}
      </div>
      {!call.configured ? (
        <p className="muted call-panel__off">{t("notConfigured")}</p>
      ) : (
        <div id={bodyId} hidden={!open} className="call-panel__body">
          {inBrowser ? (
            <CallFailure fallback={<p className="alert alert--error">{t("errors.crashed")}</p>}>
              <Suspense fallback={<p className="muted">{t("loading")}</p>}>
                <CallRoom workshopId={workshopId} room={room} call={call} timeZone={timeZone} visible={open} />
              </Suspense>
            </CallFailure>
          ) : (
            <p className="muted">{t("loading")}</p>
          )}
        </div>
      )}
    </section>
  );
}
