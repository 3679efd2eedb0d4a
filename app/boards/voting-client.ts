import { EMPTY_VOTING_STATE, votingErrorKey, withPendingDots, type PendingDot, type VotingRefusal, type VotingState } from "./voting";

/**
 * The browser's side of a board's dot voting: the state fetched from /boards/<boardId>/votes, and the person's
 * requests, sent one at a time in the order they were made. While a dot is on its way it is already shown
 * (`withPendingDots`); the server's answer then replaces what is shown.
 *
 * Plain `fetch` rather than a Remix fetcher: a fetcher hands a network failure to the page's error boundary, which
 * would replace the whole board with an error page when a phone loses its connection for a moment; one fetcher
 * also aborts its request in flight when the next one starts, and quick clicks would lose dots. And a vote changes
 * nothing the page's loaders read, so nothing else needs to be revalidated.
 */

export interface VotingError {
  key: string;
  values?: Record<string, unknown>;
}

export interface VotingSnapshot {
  state: VotingState;
  error: VotingError | null;
  pending: boolean;
}

type Answer = { ok: true; state: VotingState } | { ok: false; error: string; values?: Record<string, unknown> };

interface Queued {
  fields: Record<string, string>;
  dot: PendingDot | null;
}

export const votesPath = (boardId: string) => `/boards/${encodeURIComponent(boardId)}/votes`;

const NETWORK: VotingError = { key: "boards:voting.errors.network" };
const refusal = (reason: VotingRefusal): VotingError => ({ key: votingErrorKey(reason) });

export class VotingClient {
  private state: VotingState = EMPTY_VOTING_STATE;
  private error: VotingError | null = null;
  private queue: Queued[] = [];
  private sending = false;
  /** How many answers to requests have been applied: a fetch of the state that started before one may be older. */
  private answers = 0;
  private loading: AbortController | null = null;
  private listeners = new Set<() => void>();
  private snapshot: VotingSnapshot = { state: EMPTY_VOTING_STATE, error: null, pending: false };

  constructor(
    private readonly path: string,
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
  ) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getSnapshot = () => this.snapshot;

  private changed() {
    const dots = this.queue.flatMap((queued) => (queued.dot ? [queued.dot] : []));
    this.snapshot = { state: withPendingDots(this.state, dots), error: this.error, pending: this.queue.length > 0 };
    for (const listener of this.listeners) listener();
  }

  /** Fetches the state again; a fetch still running is abandoned, the newest one counts. */
  refresh = async () => {
    this.loading?.abort();
    const loading = new AbortController();
    this.loading = loading;
    const answersBefore = this.answers;
    try {
      const response = await this.fetchImpl(this.path, { headers: { Accept: "application/json" }, signal: loading.signal });
      // A board that went away, or a session that ended: keep what is shown, the page itself will say why.
      if (!response.ok) return;
      const state = (await response.json()) as VotingState;
      if (loading.signal.aborted) return;
      // An answer to this person's request came meanwhile; this state may predate it, so fetch once more.
      if (this.answers !== answersBefore) return void this.refresh();
      this.state = state;
      this.changed();
    } catch {
      // Offline: the board connection says when it is back (a VOTING_CHANGED on connecting), and this runs again.
    } finally {
      if (this.loading === loading) this.loading = null;
    }
  };

  /** Stops a fetch in flight (the component went away); the client can be used again afterwards. */
  stop() {
    this.loading?.abort();
    this.loading = null;
  }

  /** The state as the person sees it now, their dots on their way included. */
  private get shown() {
    return this.snapshot.state;
  }

  private refuse(reason: VotingRefusal) {
    this.error = refusal(reason);
    this.changed();
    // What is shown may be behind: fetching it again makes the next attempt meet the server's view.
    void this.refresh();
  }

  cast = (elementId: string) => {
    const { round, dotsLeft } = this.shown;
    if (round?.status !== "OPEN") return this.refuse("roundClosed");
    if (dotsLeft <= 0) return this.refuse("noDotsLeft");
    this.send({ fields: { intent: "cast", roundId: round.id, elementId }, dot: { kind: "cast", elementId } });
  };

  retract = (elementId: string) => {
    const { round, myDots } = this.shown;
    if (round?.status !== "OPEN") return this.refuse("roundClosed");
    if (!myDots[elementId]) return this.refuse("noDotHere");
    this.send({ fields: { intent: "retract", roundId: round.id, elementId }, dot: { kind: "retract", elementId } });
  };

  start = ({ dotsPerPerson, anonymous, question }: { dotsPerPerson: number; anonymous: boolean; question: string }) => {
    const fields: Record<string, string> = { intent: "start", question, dotsPerPerson: String(dotsPerPerson) };
    if (anonymous) fields.anonymous = "on";
    this.send({ fields, dot: null });
  };

  close = () => {
    const { round } = this.shown;
    if (round?.status !== "OPEN") return this.refuse("roundClosed");
    this.send({ fields: { intent: "close", roundId: round.id }, dot: null });
  };

  private send(queued: Queued) {
    this.error = null;
    this.queue.push(queued);
    this.changed();
    void this.pump();
  }

  private async pump() {
    if (this.sending) return;
    const next = this.queue[0];
    if (!next) return;
    this.sending = true;
    try {
      const response = await this.fetchImpl(this.path, {
        method: "POST",
        headers: { Accept: "application/json" },
        body: new URLSearchParams(next.fields),
      });
      const answer = (await response.json()) as Answer;
      this.answers += 1;
      this.queue.shift();
      if (answer.ok) {
        this.state = answer.state;
      } else {
        this.error = { key: answer.error, values: answer.values };
        void this.refresh();
      }
    } catch {
      // The request in flight may or may not have arrived, the others were not sent: drop them all (their dots
      // disappear), fetch what the server has, and say so.
      this.queue = [];
      this.error = NETWORK;
      void this.refresh();
    } finally {
      this.sending = false;
    }
    this.changed();
    void this.pump();
  }
}
