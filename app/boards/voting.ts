import { z } from "zod";
import { optionalText } from "~/utils/forms";
import type { ElementType } from "./document";

/**
 * Dot-voting rounds on a board, as the browser and the server share them: the limits, the form a request must fit,
 * the state a person is shown, and how a person's own requests still on their way change what they see.
 * Votes are kept in the database, not in the board's document: everyone receives the whole document, so an
 * anonymous round would not be anonymous there.
 */

export const VOTING_LIMITS = {
  minDots: 1,
  maxDots: 20,
  defaultDots: 3,
  questionMax: 200,
} as const;

/** What can receive dots: what people write (notes, text, labelled shapes) and whole sections, not lines. */
export const VOTABLE_TYPES: readonly ElementType[] = ["sticky", "text", "shape", "section"];

export function isVotable(type: ElementType): boolean {
  return VOTABLE_TYPES.includes(type);
}

export interface VotingRound {
  id: string;
  question: string | null;
  dotsPerPerson: number;
  anonymous: boolean;
  status: "OPEN" | "CLOSED";
  startedAt: string;
  closedAt: string | null;
}

export interface VotingResult {
  elementId: string;
  count: number;
  /** Who put dots there, each once; null for anonymous rounds, for everyone. */
  voters: string[] | null;
}

export interface VotingState {
  /** The board's latest round, open or closed; null before the first. */
  round: VotingRound | null;
  /** This person's dots in that round, per element. */
  myDots: Record<string, number>;
  /** Dots this person may still give; 0 once the round is closed. */
  dotsLeft: number;
  /** How many people gave at least one dot. */
  votersCount: number;
  /** Hidden while the round is open, so that early dots do not steer the later ones. */
  results: VotingResult[] | null;
  /** Organisers and the session's facilitators start and close rounds. */
  canManage: boolean;
}

export const EMPTY_VOTING_STATE: VotingState = { round: null, myDots: {}, dotsLeft: 0, votersCount: 0, results: null, canManage: false };

const id = z.string().trim().min(1).max(128);
const checkbox = z.preprocess((value) => value === "on" || value === "true", z.boolean());
const dotsPerPerson = z.preprocess(
  (value) => (typeof value === "string" && value.trim() !== "" ? Number(value) : value),
  z.number().int().min(VOTING_LIMITS.minDots).max(VOTING_LIMITS.maxDots),
);

export const startRoundSchema = z.object({
  question: optionalText(VOTING_LIMITS.questionMax),
  dotsPerPerson,
  anonymous: checkbox,
});

/** Every request the votes route takes, told apart by `intent`. */
export const votingActionSchema = z.discriminatedUnion("intent", [
  startRoundSchema.extend({ intent: z.literal("start") }),
  z.object({ intent: z.literal("cast"), roundId: id, elementId: id }),
  z.object({ intent: z.literal("retract"), roundId: id, elementId: id }),
  z.object({ intent: z.literal("close"), roundId: id }),
]);

export type VotingAction = z.output<typeof votingActionSchema>;

/** Why a request changed nothing; each has a message at `boards:voting.errors.<reason>`. */
export const VOTING_REFUSALS = {
  notFound: 404,
  forbidden: 403,
  readOnly: 403,
  roundOpen: 409,
  roundClosed: 409,
  noDotsLeft: 409,
  noDotHere: 409,
  unknownElement: 409,
  notVotable: 409,
} as const;

export type VotingRefusal = keyof typeof VOTING_REFUSALS;

export const votingErrorKey = (reason: VotingRefusal) => `boards:voting.errors.${reason}`;

/** A dot given or taken back that the server has not answered yet. */
export interface PendingDot {
  kind: "cast" | "retract";
  elementId: string;
}

/** What this person should see while their own dots are on their way: the server's state with them applied. */
export function withPendingDots(state: VotingState, pending: PendingDot[]): VotingState {
  if (pending.length === 0 || state.round?.status !== "OPEN") return state;
  const myDots = { ...state.myDots };
  let dotsLeft = state.dotsLeft;
  for (const { kind, elementId } of pending) {
    const mine = myDots[elementId] ?? 0;
    if (kind === "cast" && dotsLeft > 0) {
      myDots[elementId] = mine + 1;
      dotsLeft -= 1;
    } else if (kind === "retract" && mine > 0) {
      if (mine === 1) delete myDots[elementId];
      else myDots[elementId] = mine - 1;
      dotsLeft += 1;
    }
  }
  return { ...state, myDots, dotsLeft };
}

/** The dots of a closed round per element, most dots first (ties in a stable order, the same for everyone). */
export function rankResults(votes: Array<{ elementId: string; voterId: string; voterName: string | null }>, anonymous: boolean): VotingResult[] {
  const byElement = new Map<string, { count: number; voters: Map<string, string> }>();
  for (const { elementId, voterId, voterName } of votes) {
    const entry = byElement.get(elementId) ?? { count: 0, voters: new Map<string, string>() };
    entry.count += 1;
    if (voterName !== null) entry.voters.set(voterId, voterName);
    byElement.set(elementId, entry);
  }
  return [...byElement]
    .map(([elementId, { count, voters }]) => ({
      elementId,
      count,
      voters: anonymous ? null : [...voters.values()].sort((a, b) => a.localeCompare(b)),
    }))
    .sort((a, b) => b.count - a.count || (a.elementId < b.elementId ? -1 : a.elementId > b.elementId ? 1 : 0));
}
