import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { MyVote, PollView } from "~/live/polls";
import type { RoomSelf } from "~/live/protocol";
import { useLivePolls } from "~/live/use-live-polls";
import type { LiveRoom } from "~/live/use-live-room";
import { PollCreateForm } from "./poll-create-form";
import { PollResults } from "./poll-results";
import { PollVoteForm } from "./poll-vote-form";

/**
 * The room's polls: answer the open ones and follow their results; facilitators also create polls live, open the
 * ones prepared on the agenda, close them, and export the answers.
 */
export function PollsPanel({ live }: { live: LiveRoom }) {
  const { t } = useTranslation("polls");
  const { polls, myVotes, rememberPoll, rememberVote } = useLivePolls(live);
  const self = live.snapshot?.self;
  const workshopId = live.snapshot?.workshopId;
  const runsRoom = Boolean(self?.isFacilitator);
  const open = polls.filter((poll) => poll.status === "OPEN");
  const prepared = polls.filter((poll) => poll.status === "DRAFT");
  const closed = polls.filter((poll) => poll.status === "CLOSED");
  const pollProps = { live, self, workshopId, myVotes, rememberPoll, rememberVote };

  return (
    <section className="card live-panel polls-panel" aria-labelledby="polls-title">
      <h2 id="polls-title">{t("panel.title")}</h2>
      {open.length === 0 ? <p className="muted">{t("panel.noneOpen")}</p> : null}
      {open.map((poll) => (
        <LivePoll key={poll.id} poll={poll} {...pollProps} />
      ))}
      {runsRoom ? (
        <>
          <h3>{t("panel.prepared", { count: prepared.length })}</h3>
          {prepared.length === 0 ? <p className="muted">{t("panel.nonePrepared")}</p> : null}
          <ul className="poll-prepared">
            {prepared.map((poll) => (
              <li key={poll.id}>
                <span dir="auto">{poll.question}</span> <span className="badge badge--muted">{t(`kind.${poll.kind}`)}</span>
                <StatusButton live={live} poll={poll} event="poll:open" label={t("panel.open")} onDone={rememberPoll} />
              </li>
            ))}
          </ul>
          {workshopId ? (
            <p>
              <a href={`/workshops/${workshopId}/polls`}>{t("panel.prepareLink")}</a>
            </p>
          ) : null}
          <details className="editor-details">
            <summary>{t("create.title")}</summary>
            <PollCreateForm live={live} onCreated={rememberPoll} />
          </details>
        </>
      ) : null}
      {closed.length > 0 ? (
        <details className="editor-details">
          <summary>{t("panel.closed", { count: closed.length })}</summary>
          {closed.map((poll) => (
            <LivePoll key={poll.id} poll={poll} {...pollProps} />
          ))}
        </details>
      ) : null}
    </section>
  );
}

interface LivePollProps {
  live: LiveRoom;
  poll: PollView;
  self: RoomSelf | undefined;
  workshopId: string | undefined;
  myVotes: Record<string, MyVote>;
  rememberPoll(poll: PollView): void;
  rememberVote(pollId: string, vote: MyVote): void;
}

/** One poll: its question, the answer form while it is open, its results, and the facilitators' controls. */
function LivePoll({ live, poll, self, workshopId, myVotes, rememberPoll, rememberVote }: LivePollProps) {
  const { t } = useTranslation("polls");
  const myVote = myVotes[poll.id];
  const canVote = poll.status === "OPEN" && Boolean(self?.canParticipate);
  // Seeing others' answers before giving one's own sways it: results come after answering (or once closed).
  const showResults = poll.status === "CLOSED" || Boolean(myVote) || Boolean(self?.isFacilitator) || !self?.canParticipate;
  const titleId = `poll-${poll.id}-title`;
  return (
    <article className="live-poll" aria-labelledby={titleId}>
      <h3 id={titleId} dir="auto">
        {poll.question}
      </h3>
      <p className="row">
        <span className="badge">{t(`status.${poll.status}`)}</span>
        <span className="badge badge--muted">{t(`kind.${poll.kind}`)}</span>
        {poll.anonymous ? <span className="badge badge--muted">{t("panel.anonymous")}</span> : null}
      </p>
      {canVote ? <PollVoteForm live={live} poll={poll} myVote={myVote} onVoted={(vote) => rememberVote(poll.id, vote)} /> : null}
      {showResults ? <PollResults poll={poll} /> : <p className="muted">{t("results.afterVote")}</p>}
      {self?.isFacilitator ? (
        <div className="row">
          {poll.status === "OPEN" ? (
            <StatusButton live={live} poll={poll} event="poll:close" label={t("panel.close")} onDone={rememberPoll} />
          ) : (
            <StatusButton live={live} poll={poll} event="poll:open" label={t("panel.reopen")} onDone={rememberPoll} />
          )}
          {workshopId ? (
            <a className="button button--quiet" href={`/workshops/${workshopId}/polls/${poll.id}.csv`} download>
              {t("panel.export")}
            </a>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}

interface StatusButtonProps {
  live: LiveRoom;
  poll: PollView;
  event: "poll:open" | "poll:close";
  label: string;
  onDone(poll: PollView): void;
}

function StatusButton({ live, poll, event, label, onDone }: StatusButtonProps) {
  const { t } = useTranslation("polls");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function change() {
    setBusy(true);
    setError(null);
    const reply = await live.request<{ poll: PollView }>(event, { pollId: poll.id });
    setBusy(false);
    if (reply.ok) onDone(reply.data.poll);
    else setError(t(`live:errors.${reply.error}`));
  }
  return (
    <>
      <button type="button" className="button" onClick={change} disabled={busy}>
        {label}
        <span className="visually-hidden"> : {poll.question}</span>
      </button>
      {error ? (
        <span className="field__error" role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}
