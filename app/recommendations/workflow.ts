import type { RecommendationStatus, WorkshopRole } from "~/generated/prisma/enums";

/**
 * The path of a recommendation and who may take each step. Pure: the server asks here before every status change
 * (and re-checks under a conditional update); pages ask here which buttons to show.
 *
 * DRAFT → SUBMITTED → CONSOLIDATED → UNDER_REVIEW → ACCEPTED | ACCEPTED_WITH_CHANGES | DEFERRED | REJECTED;
 * DEFERRED → UNDER_REVIEW; ACCEPTED(_WITH_CHANGES) → IN_IMPLEMENTATION → DONE; any non-final status → MERGED.
 */

/** How a status change happens: a plain status button, a committee decision, a meeting's agenda, or a merge. */
export type TransitionChannel = "status" | "decision" | "agenda" | "merge";

/** Who is asking, as far as the workflow is concerned. Build it with `actorRoles`. */
export interface ActorRoles {
  role: WorkshopRole | null;
  /** The actor wrote this recommendation. */
  isAuthor: boolean;
  /** The actor facilitates the session this recommendation came from. */
  facilitatesSession: boolean;
}

export interface Transition {
  from: RecommendationStatus;
  to: RecommendationStatus;
  via: TransitionChannel;
  allowed: (actor: ActorRoles) => boolean;
}

const isRole =
  (...roles: WorkshopRole[]) =>
  (actor: ActorRoles) =>
    actor.role !== null && roles.includes(actor.role);

const organiser = isRole("ORGANISER");
const rapporteurOrOrganiser = isRole("RAPPORTEUR", "ORGANISER");
const committee = isRole("COMMITTEE_MEMBER");

/** Decided or closed: nothing but the follow-up path leads on from here, and they cannot be merged. */
export const FINAL_STATUSES: readonly RecommendationStatus[] = [
  "ACCEPTED",
  "ACCEPTED_WITH_CHANGES",
  "REJECTED",
  "IN_IMPLEMENTATION",
  "DONE",
  "MERGED",
];

/** The outcomes only the committee gives, through a Decision with its rationale. */
export const DECISION_STATUSES: readonly RecommendationStatus[] = [
  "ACCEPTED",
  "ACCEPTED_WITH_CHANGES",
  "DEFERRED",
  "REJECTED",
];

/** Moving to these requires a reason (the decision's rationale says why). */
export const REASON_REQUIRED: readonly RecommendationStatus[] = ["REJECTED", "DEFERRED"];

/** Moving to these requires a description of the changes. */
export const CHANGES_REQUIRED: readonly RecommendationStatus[] = ["ACCEPTED_WITH_CHANGES"];

export const ALL_STATUSES: readonly RecommendationStatus[] = [
  "DRAFT",
  "SUBMITTED",
  "CONSOLIDATED",
  "UNDER_REVIEW",
  "ACCEPTED",
  "ACCEPTED_WITH_CHANGES",
  "DEFERRED",
  "REJECTED",
  "IN_IMPLEMENTATION",
  "DONE",
  "MERGED",
];

export function isFinal(status: RecommendationStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

export const TRANSITIONS: readonly Transition[] = [
  {
    from: "DRAFT",
    to: "SUBMITTED",
    via: "status",
    allowed: (actor) => actor.isAuthor || actor.facilitatesSession || rapporteurOrOrganiser(actor),
  },
  // Taking a submission back to rework it: the person who wrote it or the rapporteur who collects them.
  { from: "SUBMITTED", to: "DRAFT", via: "status", allowed: (actor) => actor.isAuthor || isRole("RAPPORTEUR")(actor) },
  { from: "SUBMITTED", to: "CONSOLIDATED", via: "status", allowed: rapporteurOrOrganiser },
  { from: "CONSOLIDATED", to: "UNDER_REVIEW", via: "status", allowed: organiser },
  { from: "CONSOLIDATED", to: "UNDER_REVIEW", via: "agenda", allowed: organiser },
  ...DECISION_STATUSES.map((to): Transition => ({ from: "UNDER_REVIEW", to, via: "decision", allowed: committee })),
  { from: "DEFERRED", to: "UNDER_REVIEW", via: "status", allowed: organiser },
  { from: "DEFERRED", to: "UNDER_REVIEW", via: "agenda", allowed: organiser },
  { from: "ACCEPTED", to: "IN_IMPLEMENTATION", via: "status", allowed: organiser },
  { from: "ACCEPTED_WITH_CHANGES", to: "IN_IMPLEMENTATION", via: "status", allowed: organiser },
  { from: "IN_IMPLEMENTATION", to: "DONE", via: "status", allowed: organiser },
  ...ALL_STATUSES.filter((from) => !isFinal(from)).map(
    (from): Transition => ({ from, to: "MERGED", via: "merge", allowed: rapporteurOrOrganiser }),
  ),
];

export interface TransitionRequest {
  from: RecommendationStatus;
  to: RecommendationStatus;
  actor: ActorRoles;
  /** Defaults to "status": a plain status button. */
  via?: TransitionChannel;
}

export function mayTransition({ from, to, actor, via = "status" }: TransitionRequest): boolean {
  // Authorship alone is not enough: someone who has left the workshop no longer moves its recommendations.
  if (actor.role === null) return false;
  return TRANSITIONS.some((step) => step.from === from && step.to === to && step.via === via && step.allowed(actor));
}

/** The statuses this actor may move a recommendation to from `status` through `via` (for the buttons shown). */
export function allowedTransitions(
  status: RecommendationStatus,
  actor: ActorRoles,
  via: TransitionChannel = "status",
): RecommendationStatus[] {
  return TRANSITIONS.filter((step) => step.from === status && step.via === via)
    .map((step) => step.to)
    .filter((to) => mayTransition({ from: status, to, actor, via }));
}

/** Whether the step exists at all, whoever asks (distinguishes "not allowed for you" from "not a step"). */
export function isTransition(from: RecommendationStatus, to: RecommendationStatus, via: TransitionChannel = "status") {
  return TRANSITIONS.some((step) => step.from === from && step.to === to && step.via === via);
}

export function requiresReason(to: RecommendationStatus): boolean {
  return REASON_REQUIRED.includes(to);
}

export function requiresChanges(to: RecommendationStatus): boolean {
  return CHANGES_REQUIRED.includes(to);
}

/** The workflow's view of a person, from their workshop access and the recommendation at hand. */
export function actorRoles(input: {
  access: { role: WorkshopRole | null; facilitatedSessionIds: string[] };
  userId: string | null;
  recommendation: { authorId: string | null; sessionId: string | null };
}): ActorRoles {
  const { access, userId, recommendation } = input;
  return {
    role: access.role,
    isAuthor: userId !== null && recommendation.authorId === userId,
    facilitatesSession:
      recommendation.sessionId !== null && access.facilitatedSessionIds.includes(recommendation.sessionId),
  };
}
