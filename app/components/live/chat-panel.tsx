import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { DEFAULT_LANGUAGE } from "~/i18n/config";
import { CHAT_BODY_MAX, type ChatMessageView, type ChatMuteChange, type ChatSnapshot } from "~/live/chat";
import { newClientId } from "~/live/client-id";
import type { LiveErrorCode } from "~/live/protocol";
import type { LiveRoom } from "~/live/use-live-room";
import { useRootData } from "~/root";
import { formatTime } from "~/utils/dates";
import { LiveErrorMessage } from "~/components/live/live-error";

/** How close to the bottom (px) still counts as "reading the latest messages", so new ones scroll into view. */
const STICKY_BOTTOM_PX = 48;

/**
 * Keeps this room's messages that arrived between the server's snapshot and its answer (they are newer than
 * anything in it); anything older that the snapshot lacks has left the history window. The page stays mounted when
 * a participant is moved to another room, so messages of the room they left are dropped.
 */
function mergeHistory(room: string, history: ChatMessageView[], held: ChatMessageView[]) {
  const newest = history.at(-1)?.createdAt ?? "";
  const known = new Set(history.map((message) => message.id));
  const arrivedMeanwhile = (message: ChatMessageView) =>
    (message.room === room || message.broadcast) && !known.has(message.id) && message.createdAt > newest;
  return [...history, ...held.filter(arrivedMeanwhile)];
}

function upsertMessage(messages: ChatMessageView[], message: ChatMessageView) {
  return messages.some((m) => m.id === message.id) ? messages.map((m) => (m.id === message.id ? message : m)) : [...messages, message];
}

/** The room's chat: history on joining, live messages, and the facilitators' delete and mute. */
export function ChatPanel({ live }: { live: LiveRoom }) {
  const { t } = useTranslation("livechat");
  const language = useRootData()?.language ?? DEFAULT_LANGUAGE;
  const self = live.snapshot?.self;
  const [messages, setMessages] = useState<ChatMessageView[]>([]);
  const [mutedUserIds, setMutedUserIds] = useState<string[]>([]);
  const [timezone, setTimezone] = useState("UTC");
  const [draft, setDraft] = useState("");
  // The message being sent, kept with its id until the server has it: a retry of the same text reuses the id.
  const [attempt, setAttempt] = useState<{ clientId: string; body: string } | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<LiveErrorCode | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const logRef = useRef<HTMLDivElement>(null);
  const followLatest = useRef(true);

  useEffect(() => {
    const state = live.snapshot?.features.chat as ChatSnapshot | undefined;
    if (!state || !live.snapshot) return;
    const { room, self: me } = live.snapshot;
    setMessages((held) => mergeHistory(room, state.messages, held));
    // Participants only hear about their own mute; facilitators get the whole list.
    setMutedUserIds(state.muted ? [...new Set([...state.mutedUserIds, me.userId])] : state.mutedUserIds);
    setTimezone(state.timezone);
    // Only a fresh join replaces the state: the snapshot object also changes whenever presence does.
  }, [live.joinVersion]);

  useEffect(() => {
    const stops = [
      live.on<ChatMessageView>("chat:message", (message) => setMessages((current) => upsertMessage(current, message))),
      live.on<{ messageId: string }>("chat:deleted", ({ messageId }) =>
        setMessages((current) => current.map((m) => (m.id === messageId ? { ...m, body: null, deleted: true } : m))),
      ),
      live.on<ChatMuteChange>("chat:muted", ({ userId, muted }) =>
        setMutedUserIds((current) => (muted ? [...new Set([...current, userId])] : current.filter((id) => id !== userId))),
      ),
    ];
    return () => stops.forEach((stop) => stop());
  }, [live.on]);

  useEffect(() => {
    const log = logRef.current;
    if (log && followLatest.current) log.scrollTop = log.scrollHeight;
  }, [messages, sending]);

  const onScroll = () => {
    const log = logRef.current;
    if (log) followLatest.current = log.scrollHeight - log.scrollTop - log.clientHeight < STICKY_BOTTOM_PX;
  };

  const muted = self ? mutedUserIds.includes(self.userId) : false;
  // The room's echo of my message can arrive before the answer to my request: then the pending copy is not shown.
  const delivered = (clientId: string) => messages.some((m) => m.clientId === clientId && m.author.id === self?.userId);

  async function send(event: FormEvent) {
    event.preventDefault();
    const body = draft.trim();
    if (!body || sending) return;
    const current = attempt?.body === body ? attempt : { clientId: newClientId(), body };
    setAttempt(current);
    setSending(true);
    setError(null);
    followLatest.current = true;
    const answer = await live.request<ChatMessageView>("chat:send", current);
    setSending(false);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    setMessages((list) => upsertMessage(list, answer.data));
    setAttempt(null);
    // Whatever was typed meanwhile stays; only the text that was sent leaves the input.
    setDraft((typed) => (typed.trim() === body ? "" : typed));
  }

  async function moderate(event: string, payload: object, success?: string) {
    setError(null);
    setNotice(null);
    const answer = await live.request(event, payload);
    if (!answer.ok) setError(answer.error);
    else if (success) setNotice(success);
  }

  return (
    <section className="card live-panel chat-panel" aria-labelledby="chat-title">
      <h2 id="chat-title">{t("chat.title")}</h2>
      <div className="chat-log" ref={logRef} onScroll={onScroll} role="log" aria-label={t("chat.log")} tabIndex={0}>
        {messages.length === 0 && !sending ? <p className="muted">{t("chat.empty")}</p> : null}
        <ol className="chat-messages">
          {messages.map((message) => {
            const authorMuted = mutedUserIds.includes(message.author.id);
            const mayMute = self?.isFacilitator && !message.broadcast && message.author.id !== self.userId;
            return (
              <li key={message.id} className={`chat-message${message.broadcast ? " chat-message--broadcast" : ""}`}>
                {message.broadcast ? <p className="chat-message__label">{t("chat.broadcast")}</p> : null}
                <p className="chat-message__meta">
                  <strong dir="auto">{message.author.name}</strong>{" "}
                  <time dateTime={message.createdAt}>{formatTime(message.createdAt, timezone, language)}</time>
                  {self?.isFacilitator && authorMuted ? <span className="badge badge--warn">{t("chat.mutedBadge")}</span> : null}
                </p>
                <p className="chat-message__body" id={`chat-body-${message.id}`} dir="auto">
                  {message.deleted ? <em className="muted">{t("chat.deleted")}</em> : message.body}
                </p>
                {self?.isFacilitator && (!message.deleted || mayMute) ? (
                  <div className="chat-message__actions">
                    {message.deleted ? null : (
                      <button
                        type="button"
                        className="button button--quiet button--danger"
                        aria-describedby={`chat-body-${message.id}`}
                        onClick={() => moderate("chat:delete", { messageId: message.id })}
                      >
                        {t("chat.delete")}
                      </button>
                    )}
                    {mayMute ? (
                      <button
                        type="button"
                        className="button button--quiet"
                        aria-describedby={`chat-body-${message.id}`}
                        onClick={() =>
                          moderate(
                            authorMuted ? "chat:unmute" : "chat:mute",
                            { userId: message.author.id },
                            t(authorMuted ? "chat.unmutedNotice" : "chat.mutedNotice", { name: message.author.name }),
                          )
                        }
                      >
                        {t(authorMuted ? "chat.unmute" : "chat.mute")}
                      </button>
                    ) : null}
                  </div>
                ) : null}
              </li>
            );
          })}
          {sending && attempt && !delivered(attempt.clientId) ? (
            <li className="chat-message chat-message--pending">
              <p className="chat-message__meta">
                <strong dir="auto">{self?.name}</strong> <span className="muted">{t("chat.sending")}</span>
              </p>
              <p className="chat-message__body" dir="auto">
                {attempt.body}
              </p>
            </li>
          ) : null}
        </ol>
      </div>
      {notice ? (
        <p className="alert alert--ok" role="status">
          {notice}
        </p>
      ) : null}
      <LiveErrorMessage error={error} />
      {self && !self.canParticipate ? (
        <p className="muted">{t("chat.observer")}</p>
      ) : (
        <form className="chat-form" onSubmit={send}>
          {muted ? (
            <p className="alert alert--error" id="chat-muted">
              {t("live:errors.muted")}
            </p>
          ) : null}
          <label htmlFor="chat-input">{t("chat.label")}</label>
          <div className="chat-form__row">
            <input
              id="chat-input"
              type="text"
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
              maxLength={CHAT_BODY_MAX}
              enterKeyHint="send"
              autoComplete="off"
              disabled={muted}
              aria-describedby={muted ? "chat-muted" : undefined}
            />
            <button type="submit" className="button button--primary" disabled={muted || sending || draft.trim() === ""}>
              {t("chat.send")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
