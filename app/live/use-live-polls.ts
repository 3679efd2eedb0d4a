import { useCallback, useEffect, useState } from "react";
import type { MyVote, PollView, PollsSnapshot } from "./polls";
import type { LiveRoom } from "./use-live-room";

function upsertPoll(polls: PollView[], poll: PollView) {
  return polls.some((p) => p.id === poll.id) ? polls.map((p) => (p.id === poll.id ? poll : p)) : [...polls, poll];
}

/**
 * The room's polls kept current: the snapshot at every (re)join, then each `poll:updated`. Shared by the room's
 * polls panel and any other view of the results (the room's screen).
 */
export function useLivePolls(live: LiveRoom) {
  const [polls, setPolls] = useState<PollView[]>([]);
  const [myVotes, setMyVotes] = useState<Record<string, MyVote>>({});

  useEffect(() => {
    const state = live.snapshot?.features.polls as PollsSnapshot | undefined;
    if (!state) return;
    setPolls(state.polls);
    setMyVotes(state.myVotes);
    // Only a fresh join replaces the state: the snapshot object also changes whenever presence does.
  }, [live.joinVersion]);

  useEffect(() => live.on<{ poll: PollView }>("poll:updated", ({ poll }) => setPolls((current) => upsertPoll(current, poll))), [live.on]);

  const rememberPoll = useCallback((poll: PollView) => setPolls((current) => upsertPoll(current, poll)), []);
  const rememberVote = useCallback((pollId: string, vote: MyVote) => setMyVotes((current) => ({ ...current, [pollId]: vote })), []);

  return { polls, myVotes, rememberPoll, rememberVote };
}
