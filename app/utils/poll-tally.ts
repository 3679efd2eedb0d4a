import type { MyVote, PollKind, PollResults } from "~/live/polls";
import { POLL_LIMITS } from "~/live/polls";
import { wordCloud } from "./word-cloud";

/**
 * A poll's results from its votes: counts per option or per rating value, the mean rating, the word cloud of open
 * answers, and how many people answered. Values that do not fit the poll (which validation keeps out) are skipped
 * rather than counted somewhere wrong.
 */
export function tallyPoll(poll: { kind: PollKind; options: string[]; scaleMax: number | null }, votes: MyVote[]): PollResults {
  const voters = votes.length;
  if (poll.kind === "OPEN") {
    return { voters, counts: [], average: null, words: wordCloud(votes.map((vote) => vote.text ?? "")) };
  }
  if (poll.kind === "RATING") {
    const scale = poll.scaleMax ?? POLL_LIMITS.defaultScale;
    const counts = new Array<number>(scale).fill(0);
    let sum = 0;
    let rated = 0;
    for (const value of votes.map((vote) => vote.choices[0])) {
      if (!Number.isInteger(value) || value < 1 || value > scale) continue;
      counts[value - 1] += 1;
      sum += value;
      rated += 1;
    }
    return { voters, counts, average: rated > 0 ? Math.round((sum / rated) * 100) / 100 : null, words: [] };
  }
  const counts = new Array<number>(poll.options.length).fill(0);
  for (const vote of votes) {
    for (const choice of new Set(vote.choices)) if (choice >= 0 && choice < counts.length) counts[choice] += 1;
  }
  return { voters, counts, average: null, words: [] };
}

/** Share of the voters, for a bar's length and its label (0 when nobody answered yet). */
export function shareOf(count: number, voters: number): number {
  return voters === 0 ? 0 : count / voters;
}
