import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { newClientId } from "~/live/client-id";
import type { LiveErrorCode, RoomSelf } from "~/live/protocol";
import {
  QUESTION_BODY_MAX,
  groupQuestions,
  type QuestionView,
  type QuestionVoteResult,
} from "~/live/questions";
import { useLiveQuestions } from "~/live/use-live-questions";
import type { LiveRoom } from "~/live/use-live-room";
import { LiveErrorMessage } from "~/components/live/live-error";

interface Attempt {
  clientId: string;
  body: string;
  anonymous: boolean;
}

/** The room's questions: ask (anonymously if one wishes), upvote, and the facilitators' moderation. */
export function QuestionsPanel({ live }: { live: LiveRoom }) {
  const { t } = useTranslation("livechat");
  const self = live.snapshot?.self;
  const { questions, upsert, myVotes, setMyVotes, muted } = useLiveQuestions(live);
  const [draft, setDraft] = useState("");
  const [anonymous, setAnonymous] = useState(false);
  // The question being asked, kept with its id until the server has it: a retry of the same text reuses the id.
  const [attempt, setAttempt] = useState<Attempt | null>(null);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<LiveErrorCode | null>(null);

  async function ask(event: FormEvent) {
    event.preventDefault();
    const body = draft.trim();
    if (!body || asking) return;
    const current = attempt?.body === body && attempt.anonymous === anonymous ? attempt : { clientId: newClientId(), body, anonymous };
    setAttempt(current);
    setAsking(true);
    setError(null);
    const answer = await live.request<QuestionView>("question:ask", current);
    setAsking(false);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    upsert(answer.data);
    setAttempt(null);
    setDraft((typed) => (typed.trim() === body ? "" : typed));
    setAnonymous(false);
  }

  async function vote(question: QuestionView) {
    setError(null);
    const answer = await live.request<QuestionVoteResult>("question:vote", { questionId: question.id, up: !myVotes.has(question.id) });
    if (!answer.ok) return setError(answer.error);
    upsert(answer.data.question);
    setMyVotes((votes) => {
      const next = new Set(votes);
      if (answer.data.voted) next.add(question.id);
      else next.delete(question.id);
      return next;
    });
  }

  async function moderate(event: string, payload: object) {
    setError(null);
    const answer = await live.request<QuestionView>(event, payload);
    if (!answer.ok) return setError(answer.error);
    upsert(answer.data);
  }

  const { open, answered } = groupQuestions(questions);
  const listProps = { self, myVotes, onVote: vote, onModerate: moderate };

  return (
    <section className="card live-panel questions-panel" aria-labelledby="questions-title">
      <h2 id="questions-title">{t("questions.title")}</h2>
      {self && !self.canParticipate ? (
        <p className="muted">{t("questions.observer")}</p>
      ) : (
        <form className="question-form" onSubmit={ask}>
          {muted ? (
            <p className="alert alert--error" id="question-muted">
              {t("live:errors.muted")}
            </p>
          ) : null}
          <label htmlFor="question-input">{t("questions.label")}</label>
          <textarea
            id="question-input"
            rows={3}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            maxLength={QUESTION_BODY_MAX}
            disabled={muted}
            aria-describedby={muted ? "question-muted" : undefined}
          />
          <label className="choice">
            <input type="checkbox" checked={anonymous} onChange={(event) => setAnonymous(event.target.checked)} disabled={muted} />
            {t("questions.anonymous")}
          </label>
          <button type="submit" className="button button--primary" disabled={muted || asking || draft.trim() === ""}>
            {asking ? t("questions.asking") : t("questions.ask")}
          </button>
        </form>
      )}
      <LiveErrorMessage error={error} />
      <h3>{t("questions.open")}</h3>
      {open.length === 0 ? <p className="muted">{t("questions.empty")}</p> : null}
      <QuestionList questions={open} {...listProps} />
      <h3>{t("questions.answered")}</h3>
      {answered.length === 0 ? <p className="muted">{t("questions.noneAnswered")}</p> : null}
      <QuestionList questions={answered} {...listProps} />
    </section>
  );
}

function QuestionList({
  questions,
  self,
  myVotes,
  onVote,
  onModerate,
}: {
  questions: QuestionView[];
  self: RoomSelf | undefined;
  myVotes: Set<string>;
  onVote: (question: QuestionView) => void;
  onModerate: (event: string, payload: object) => void;
}) {
  const { t } = useTranslation("livechat");
  return (
    <ol className="question-list" aria-live="polite" aria-relevant="additions">
      {questions.map((question) => {
        const bodyId = `question-body-${question.id}`;
        const author = !question.anonymous
          ? question.author?.name
          : question.author
            ? t("questions.anonymousAuthorRevealed", { name: question.author.name })
            : t("questions.anonymousAuthor");
        const toggles = [
          question.answered
            ? { event: "question:answer", payload: { answered: false }, label: "reopen" }
            : { event: "question:answer", payload: { answered: true }, label: "markAnswered" },
          { event: "question:pin", payload: { pinned: !question.pinned }, label: question.pinned ? "unpin" : "pin" },
          { event: "question:hide", payload: { hidden: !question.hidden }, label: question.hidden ? "show" : "hide" },
        ];
        return (
          <li key={question.id} className={`question${question.pinned ? " question--pinned" : ""}${question.hidden ? " question--hidden" : ""}`}>
            <p className="question__body" id={bodyId} dir="auto">
              {question.body}
            </p>
            <p className="question__meta">
              <span dir="auto">{author}</span>
              {question.pinned ? <span className="badge">{t("questions.badges.pinned")}</span> : null}
              {question.answered ? <span className="badge badge--muted">{t("questions.badges.answered")}</span> : null}
              {question.hidden ? <span className="badge badge--warn">{t("questions.badges.hidden")}</span> : null}
            </p>
            <div className="question__actions">
              {self?.canParticipate ? (
                <button
                  type="button"
                  className="button question__vote"
                  aria-pressed={myVotes.has(question.id)}
                  aria-describedby={bodyId}
                  onClick={() => onVote(question)}
                >
                  <span aria-hidden="true">▲ </span>
                  {t("questions.vote")}
                </button>
              ) : null}
              <span className="question__votes">{t("questions.votes", { count: question.votes })}</span>
              {self?.isFacilitator
                ? toggles.map(({ event, payload, label }) => (
                    <button
                      key={event}
                      type="button"
                      className="button button--quiet"
                      aria-describedby={bodyId}
                      onClick={() => onModerate(event, { questionId: question.id, ...payload })}
                    >
                      {t(`questions.actions.${label}`)}
                    </button>
                  ))
                : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
