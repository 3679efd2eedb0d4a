import type { Visibility } from "~/generated/prisma/enums";

/**
 * Who may read what an institution shares (practices, workshop templates, recommendations beyond their workshop).
 * Pure, so pages show only what the server will serve, and every server read goes through `visibleTo` or
 * `mayView` (docs/decisions/014-peer-exchange.md):
 *
 * - INSTITUTION: the people of the institution that owns it;
 * - PEERS: anyone signed in who belongs to an institution on the platform (a counterpart institution);
 * - PUBLIC: anyone, signed in or not.
 */

export const VISIBILITIES = ["INSTITUTION", "PEERS", "PUBLIC"] as const satisfies readonly Visibility[];

export interface Viewer {
  userId: string | null;
  organisationId: string | null;
  platformModerator: boolean;
}

export const ANONYMOUS_VIEWER: Viewer = { userId: null, organisationId: null, platformModerator: false };

export function viewerOf(user: { id: string; organisationId: string | null; platformModerator: boolean } | null): Viewer {
  return user ? { userId: user.id, organisationId: user.organisationId, platformModerator: user.platformModerator } : ANONYMOUS_VIEWER;
}

/** The widest visibility this viewer reaches for things owned by other institutions. */
export function sharedVisibilitiesFor(viewer: Viewer): Visibility[] {
  return viewer.organisationId ? ["PEERS", "PUBLIC"] : ["PUBLIC"];
}

export function mayView(viewer: Viewer, item: { visibility: Visibility; organisationId: string | null }): boolean {
  if (item.organisationId !== null && viewer.organisationId === item.organisationId) return true;
  return sharedVisibilitiesFor(viewer).includes(item.visibility);
}

/**
 * The same rule as a Prisma filter, for lists, searches and exports: `where: { AND: [visibleTo(viewer), …] }` on any
 * model with `visibility` and `organisationId`.
 */
export function visibleTo(viewer: Viewer): { OR: Array<Record<string, unknown>> } {
  const shared = { visibility: { in: sharedVisibilitiesFor(viewer) } };
  return { OR: viewer.organisationId ? [{ organisationId: viewer.organisationId }, shared] : [shared] };
}
