import type { RecommendationStatus, Visibility, WorkshopRole } from "~/generated/prisma/enums";
import { mayView, sharedVisibilitiesFor, type Viewer } from "~/peers/visibility";
import type { ActorRoles } from "./workflow";

/**
 * Who may do what with recommendations, apart from status changes (app/recommendations/workflow.ts). Pure, so
 * that pages show only what the server will accept, and the server checks the same rules again.
 *
 * - Members read the recommendations of their workshop; peers from other institutions only those whose visibility
 *   reaches peers; drafts only their author and those who collect the work (rapporteurs, organisers, the session's
 *   facilitators).
 * - Rapporteurs, facilitators and organisers always write recommendations; participants where their session allows.
 * - Those who take part in the sessions prioritise (support and agreement) while a recommendation is open to it.
 */

export interface PersonAccess {
  role: WorkshopRole | null;
  facilitatedSessionIds: string[];
}

const ALWAYS_RECOMMEND: WorkshopRole[] = ["ORGANISER", "FACILITATOR", "RAPPORTEUR"];
const SEE_EVERY_DRAFT: WorkshopRole[] = ["ORGANISER", "RAPPORTEUR"];
const PRIORITISE: WorkshopRole[] = ["PARTICIPANT", "RAPPORTEUR", "FACILITATOR"];
const EDIT_ANY: WorkshopRole[] = ["ORGANISER", "RAPPORTEUR"];

/** Prioritising happens between submission and the committee; afterwards supports stay as they were. */
export const SUPPORT_STATUSES: readonly RecommendationStatus[] = ["SUBMITTED", "CONSOLIDATED"];
/** The text can change until the committee takes it up. */
export const EDITABLE_STATUSES: readonly RecommendationStatus[] = ["DRAFT", "SUBMITTED", "CONSOLIDATED"];
/** An author alone reworks a recommendation only until it is consolidated. */
const AUTHOR_EDITABLE_STATUSES: readonly RecommendationStatus[] = ["DRAFT", "SUBMITTED"];

export const AGREEMENT_LEVELS = [1, 2, 3, 4, 5] as const;

export function mayReadRecommendations(access: PersonAccess): boolean {
  return access.role !== null || access.facilitatedSessionIds.length > 0;
}

/** Peers see only what is shared beyond the institution. */
export function visibilitiesFor(access: PersonAccess): Visibility[] | "all" {
  if (access.role === "PEER" && access.facilitatedSessionIds.length === 0) return ["PEERS", "PUBLIC"];
  return "all";
}

export function seesEveryDraft(access: PersonAccess): boolean {
  return access.role !== null && SEE_EVERY_DRAFT.includes(access.role);
}

export function mayRead(
  access: PersonAccess,
  userId: string,
  recommendation: { status: RecommendationStatus; authorId: string | null; sessionId: string | null; visibility: Visibility },
): boolean {
  if (!mayReadRecommendations(access)) return false;
  const visibilities = visibilitiesFor(access);
  if (visibilities !== "all" && !visibilities.includes(recommendation.visibility)) return false;
  if (recommendation.status !== "DRAFT") return true;
  return (
    recommendation.authorId === userId ||
    seesEveryDraft(access) ||
    (recommendation.sessionId !== null && access.facilitatedSessionIds.includes(recommendation.sessionId))
  );
}

/** Never shown outside the workshop: a draft is still being written, a merged one lives on in another. */
const UNSHARED_STATUSES: readonly RecommendationStatus[] = ["DRAFT", "MERGED"];

/**
 * Who reads a recommendation from outside its workshop's pages (a practice that inspired it links to it): members
 * of the workshop as they read it there; anyone else only when it is past the draft, not merged away, and its
 * visibility reaches them, its workshop's institution counting as the owner (app/peers/visibility.ts).
 * `access` is the reader's access to the recommendation's workshop.
 */
export function mayReadCitedRecommendation(
  viewer: Viewer,
  access: PersonAccess,
  recommendation: {
    status: RecommendationStatus;
    authorId: string | null;
    sessionId: string | null;
    visibility: Visibility;
    workshopOrganisationId: string | null;
  },
): boolean {
  if (mayReadRecommendations(access)) return viewer.userId !== null && mayRead(access, viewer.userId, recommendation);
  if (UNSHARED_STATUSES.includes(recommendation.status)) return false;
  return mayView(viewer, { visibility: recommendation.visibility, organisationId: recommendation.workshopOrganisationId });
}

/**
 * The part of `mayReadCitedRecommendation` for people outside the workshop, as a Prisma filter on Recommendation.
 * Members' own reading depends on their role in each workshop and is checked row by row.
 */
export function sharedRecommendationsWhere(viewer: Viewer) {
  const reaches: Array<Record<string, unknown>> = [{ visibility: { in: sharedVisibilitiesFor(viewer) } }];
  if (viewer.organisationId) reaches.push({ workshop: { organisationId: viewer.organisationId } });
  return { AND: [{ status: { notIn: [...UNSHARED_STATUSES] } }, { OR: reaches }] };
}

/** Whether this person may write a recommendation for this session (null: the plenary, for those who always may). */
export function mayRecommend(access: PersonAccess, session: { id: string; participantsMayRecommend: boolean } | null): boolean {
  if (access.role !== null && ALWAYS_RECOMMEND.includes(access.role)) return true;
  if (session && access.facilitatedSessionIds.includes(session.id)) return true;
  return access.role === "PARTICIPANT" && session !== null && session.participantsMayRecommend;
}

/** The sessions this person may write recommendations for, and whether the plenary is one of them. */
export function recommendableSessions<S extends { id: string; participantsMayRecommend: boolean }>(
  access: PersonAccess,
  sessions: S[],
): { sessions: S[]; plenary: boolean } {
  return { sessions: sessions.filter((session) => mayRecommend(access, session)), plenary: mayRecommend(access, null) };
}

export function mayEdit(actor: ActorRoles, status: RecommendationStatus): boolean {
  if (actor.role === null || !EDITABLE_STATUSES.includes(status)) return false;
  if (EDIT_ANY.includes(actor.role) || actor.facilitatesSession) return true;
  return actor.isAuthor && AUTHOR_EDITABLE_STATUSES.includes(status);
}

/** Publishing beyond the institution is the organisers' call. */
export function maySetVisibility(access: PersonAccess): boolean {
  return access.role === "ORGANISER";
}

export function maySupport(access: PersonAccess, status: RecommendationStatus): boolean {
  return access.role !== null && PRIORITISE.includes(access.role) && SUPPORT_STATUSES.includes(status);
}

/** Comments are open to everyone who reads it, until it is merged away. */
export function mayComment(access: PersonAccess, status: RecommendationStatus): boolean {
  return access.role !== null && status !== "MERGED";
}
