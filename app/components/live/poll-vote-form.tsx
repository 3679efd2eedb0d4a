import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { POLL_LIMITS, type MyVote, type PollView } from "~/live/polls";
import type { LiveErrorCode } from "~/live/protocol";
import type { LiveRoom } from "~/live/use-live-room";

interface PollVoteFormProps {
  live: LiveRoom;
  poll: PollView;
  myVote: MyVote | undefined;
  onVoted(vote: MyVote): void;
}

function sameChoices(a: number[], b: number[]) {
  const sorted = [...b].sort((x, y) => x - y);
  return a.length === b.length && [...a].sort((x, y) => x - y).every((value, i) => value === sorted[i]);
}

/**
 * Answering a poll with a thumb: big options, one button to send. What was chosen or typed stays until the server
 * has it (a dropped connection keeps it for the retry); a new answer replaces the previous one.
 */
export function PollVoteForm({ live, poll, myVote, onVoted }: PollVoteFormProps) {
  const { t } = useTranslation("polls");
  const [choices, setChoices] = useState<number[]>(myVote?.choices ?? []);
  const [text, setText] = useState(myVote?.text ?? "");
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fieldName = `poll-${poll.id}`;
  const unchanged = myVote !== undefined && (poll.kind === "OPEN" ? myVote.text === text.trim() : sameChoices(myVote.choices, choices));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (sending) return;
    const answer = poll.kind === "OPEN" ? { text: text.trim() } : { choices };
    if (poll.kind === "OPEN" ? answer.text === "" : choices.length === 0) {
      setError(t("vote.required"));
      return;
    }
    setSending(true);
    setError(null);
    const reply = await live.request<{ vote: MyVote }>("poll:vote", { pollId: poll.id, ...answer });
    setSending(false);
    if (!reply.ok) return setError(t(`live:errors.${reply.error satisfies LiveErrorCode}`));
    onVoted(reply.data.vote);
  }

  const toggle = (index: number, on: boolean) =>
    setChoices((current) => (poll.kind === "MULTIPLE" ? (on ? [...current, index] : current.filter((c) => c !== index)) : [index]));

  const errorId = `${fieldName}-error`;
  const describedBy = error ? errorId : undefined;
  return (
    <form className="poll-vote" onSubmit={submit} noValidate>
      {poll.kind === "OPEN" ? (
        <div className="field">
          <label htmlFor={`${fieldName}-text`}>{t("vote.textLabel")}</label>
          <p className="field__hint" id={`${fieldName}-hint`}>
            {t("vote.textHint", { max: POLL_LIMITS.answerMax })}
          </p>
          <input
            id={`${fieldName}-text`}
            dir="auto"
            value={text}
            maxLength={POLL_LIMITS.answerMax}
            onChange={(event) => setText(event.target.value)}
            aria-describedby={[`${fieldName}-hint`, describedBy].filter(Boolean).join(" ")}
            aria-invalid={error ? true : undefined}
          />
        </div>
      ) : (
        <fieldset aria-describedby={describedBy}>
          <legend className="visually-hidden">{poll.question}</legend>
          {poll.kind === "MULTIPLE" ? <p className="field__hint">{t("vote.multipleHint")}</p> : null}
          {poll.kind === "RATING" ? <p className="field__hint">{t("vote.ratingHint", { max: poll.scaleMax })}</p> : null}
          <div className={poll.kind === "RATING" ? "rating-scale" : "choice-group"}>
            {(poll.kind === "RATING" ? Array.from({ length: poll.scaleMax ?? POLL_LIMITS.defaultScale }, (_, i) => String(i + 1)) : poll.options).map(
              (label, index) => {
                const value = poll.kind === "RATING" ? index + 1 : index;
                return (
                  <label key={value} className={poll.kind === "RATING" ? "rating-scale__value" : "choice choice--card"}>
                    <input
                      type={poll.kind === "MULTIPLE" ? "checkbox" : "radio"}
                      name={fieldName}
                      value={value}
                      checked={choices.includes(value)}
                      onChange={(event) => toggle(value, event.target.checked)}
                    />
                    <span dir="auto">{label}</span>
                  </label>
                );
              },
            )}
          </div>
        </fieldset>
      )}
      {error ? (
        <p className="field__error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button button--primary button--large" disabled={sending}>
        {sending ? t("vote.sending") : myVote ? t("vote.change") : t("vote.submit")}
      </button>
      <p className="poll-vote__saved" role="status">
        {myVote && unchanged && !sending ? t("vote.saved") : ""}
      </p>
    </form>
  );
}
