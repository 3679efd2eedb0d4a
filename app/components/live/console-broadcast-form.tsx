import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { CHAT_BODY_MAX } from "~/live/chat";
import { newClientId } from "~/live/client-id";
import type { LiveRoom } from "~/live/use-live-room";
import { ConsoleActionStatus, useConsoleAction } from "./console-action-status";

/** A message the organisers send to the chat of every room at once. */
export function ConsoleBroadcastForm({ live }: { live: LiveRoom }) {
  const { t } = useTranslation("console");
  const [body, setBody] = useState("");
  // Kept until the server acknowledges: a retry after a dropped connection is then stored once.
  const clientId = useRef(newClientId());
  const action = useConsoleAction();
  const send = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    const answer = await action.run(() => live.request("chat:broadcast", { clientId: clientId.current, body }), t("broadcast.sent"));
    if (answer.ok) {
      setBody("");
      clientId.current = newClientId();
    }
  };
  return (
    <section className="card console-action" aria-labelledby="console-broadcast-title">
      <h3 id="console-broadcast-title">{t("broadcast.title")}</h3>
      <form onSubmit={send}>
        <div className="field">
          <label htmlFor="console-broadcast">{t("broadcast.label")}</label>
          <textarea
            id="console-broadcast"
            rows={2}
            maxLength={CHAT_BODY_MAX}
            required
            dir="auto"
            value={body}
            onChange={(event) => setBody(event.target.value)}
          />
        </div>
        <button type="submit" className="button button--primary" disabled={action.pending}>
          {t("broadcast.submit")}
        </button>
        <ConsoleActionStatus outcome={action.outcome} />
      </form>
    </section>
  );
}
