import { WorkshopRole } from "~/generated/prisma/enums";

/** Every workshop role, in the order forms list them (most responsibility first). */
export const WORKSHOP_ROLES = Object.values(WorkshopRole) as WorkshopRole[];

/** Roles anyone gets by default; a specific role from an invitation always replaces them. */
const BASE_ROLES: WorkshopRole[] = ["PARTICIPANT", "OBSERVER"];

/**
 * The role someone holds after accepting an invitation. An invitation never takes rights away: an organiser stays
 * organiser, and a specific role (rapporteur, facilitator…) is not lost to an invitation as a mere participant or
 * observer. Otherwise the invited role is what the organiser chose, so it wins.
 */
export function roleAfterInvitation(current: WorkshopRole | null, invited: WorkshopRole): WorkshopRole {
  if (current === null) return invited;
  if (current === "ORGANISER") return current;
  if (BASE_ROLES.includes(invited) && !BASE_ROLES.includes(current)) return current;
  return invited;
}
