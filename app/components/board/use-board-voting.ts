import { useEffect, useMemo, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { VotingClient, votesPath } from "~/boards/voting-client";
import type { VotingResult, VotingRound } from "~/boards/voting";

export interface BoardVoting {
  round: VotingRound | null;
  /** This person's dots in the round, per element id, including those still on their way. */
  myDots: Record<string, number>;
  dotsLeft: number;
  votersCount: number;
  /** Once the round is closed, most dots first; `voters` is null in anonymous rounds. */
  results: VotingResult[] | null;
  canManage: boolean;
  cast(elementId: string): void;
  retract(elementId: string): void;
  start(input: { dotsPerPerson: number; anonymous: boolean; question: string }): void;
  close(): void;
  /** The translated message of the last refusal, until the next request. */
  error: string | null;
  /** A request has not been answered yet. */
  pending: boolean;
}

/**
 * A board's dot voting for the person looking at it (app/boards/voting-client.ts). `subscribe` registers a listener
 * that the board connection calls on each VOTING_CHANGED message and each time it has synced after (re)connecting:
 * the state is fetched again then.
 */
export function useBoardVoting({ boardId, subscribe }: { boardId: string; subscribe: (listener: () => void) => () => void }): BoardVoting {
  const { t } = useTranslation("boards");
  const client = useMemo(() => new VotingClient(votesPath(boardId)), [boardId]);

  useEffect(() => {
    void client.refresh();
    return () => client.stop();
  }, [client]);

  useEffect(() => subscribe(() => void client.refresh()), [client, subscribe]);

  const { state, error, pending } = useSyncExternalStore(client.subscribe, client.getSnapshot, client.getSnapshot);
  const message = error ? t(error.key, error.values) : null;

  return useMemo(
    () => ({
      ...state,
      error: message,
      pending,
      cast: client.cast,
      retract: client.retract,
      start: client.start,
      close: client.close,
    }),
    [state, message, pending, client],
  );
}
