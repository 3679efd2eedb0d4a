/**
 * Polls as the browser and the live server share them: their shape, their limits and the rules a poll and a vote
 * must follow. Pure, so that the live events, the preparation form and the browser all apply the same rules.
 */
import type { RoomKey } from "./protocol";

export const POLL_KINDS = ["SINGLE", "MULTIPLE", "RATING", "OPEN"] as const;
export type PollKind = (typeof POLL_KINDS)[number];
export type PollStatus = "DRAFT" | "OPEN" | "CLOSED";

export const POLL_LIMITS = {
  questionMax: 300,
  optionMax: 120,
  optionsMin: 2,
  optionsMax: 10,
  answerMax: 80,
  scaleMin: 2,
  scaleMax: 10,
  defaultScale: 5,
} as const;

export interface WordWeight {
  /** The word as people wrote it most often. */
  word: string;
  /** How many answers contain it. */
  count: number;
  /** Its count relative to the most frequent word, in (0, 1]: the word cloud's font size. */
  weight: number;
}

/** Aggregates only: results never say who answered what. */
export interface PollResults {
  voters: number;
  /** Votes per option (single or multiple choice), or per value 1..scaleMax (rating); empty for open answers. */
  counts: number[];
  /** Rating: the mean of the values given, when there is any. */
  average: number | null;
  /** Open answers: their words, most frequent first. */
  words: WordWeight[];
}

export interface PollView {
  id: string;
  room: RoomKey;
  agendaItemId: string | null;
  question: string;
  kind: PollKind;
  options: string[];
  scaleMax: number | null;
  anonymous: boolean;
  status: PollStatus;
  openedAt: string | null;
  closedAt: string | null;
  results: PollResults;
}

export interface MyVote {
  choices: number[];
  text: string | null;
}

/** The polls part of a room's snapshot (`features.polls`). */
export interface PollsSnapshot {
  polls: PollView[];
  myVotes: Record<string, MyVote>;
}

export interface PollFields {
  question: string;
  kind: PollKind;
  options: string[];
  scaleMax: number | null;
  anonymous: boolean;
}

export const isChoiceKind = (kind: PollKind) => kind === "SINGLE" || kind === "MULTIPLE";

export type PollOptionsProblem = "optionsCount" | "optionTooLong" | "optionsDuplicate";

/** What is wrong with the options offered for a poll of this kind, if anything (translated as `polls:errors.*`). */
export function pollOptionsProblem(kind: PollKind, options: string[]): PollOptionsProblem | null {
  if (!isChoiceKind(kind)) return null;
  if (options.length < POLL_LIMITS.optionsMin || options.length > POLL_LIMITS.optionsMax) return "optionsCount";
  if (options.some((option) => option.length > POLL_LIMITS.optionMax)) return "optionTooLong";
  const distinct = new Set(options.map((option) => option.toLocaleLowerCase()));
  return distinct.size === options.length ? null : "optionsDuplicate";
}

/** Only what the kind uses is kept: options for choices, a scale (5 unless chosen) for ratings. */
export function normalizePollFields(input: {
  question: string;
  kind: PollKind;
  options: string[];
  scaleMax?: number | null;
  anonymous: boolean;
}): PollFields {
  return {
    question: input.question,
    kind: input.kind,
    options: isChoiceKind(input.kind) ? input.options : [],
    scaleMax: input.kind === "RATING" ? (input.scaleMax ?? POLL_LIMITS.defaultScale) : null,
    anonymous: input.anonymous,
  };
}

/** Options typed one per line (a plain textarea, so the form works without JavaScript). */
export function optionLines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/**
 * A vote checked against its poll, in the form it is stored; null when it does not fit the poll (an option that
 * does not exist, two answers to a single choice, a rating off the scale, an empty or too long text…).
 */
export function normalizeVote(
  poll: { kind: PollKind; options: string[]; scaleMax: number | null },
  vote: { choices?: number[]; text?: string },
): MyVote | null {
  const choices = vote.choices ?? [];
  if (poll.kind === "OPEN") {
    const text = (vote.text ?? "").trim();
    if (choices.length > 0 || text.length === 0 || text.length > POLL_LIMITS.answerMax) return null;
    return { choices: [], text };
  }
  if (vote.text !== undefined) return null;
  if (!choices.every(Number.isInteger)) return null;
  if (poll.kind === "RATING") {
    const max = poll.scaleMax ?? POLL_LIMITS.defaultScale;
    return choices.length === 1 && choices[0] >= 1 && choices[0] <= max ? { choices, text: null } : null;
  }
  const inRange = choices.every((choice) => choice >= 0 && choice < poll.options.length);
  if (!inRange || choices.length === 0 || new Set(choices).size !== choices.length) return null;
  if (poll.kind === "SINGLE" && choices.length !== 1) return null;
  return { choices: [...choices].sort((a, b) => a - b), text: null };
}
