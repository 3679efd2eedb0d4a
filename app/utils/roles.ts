import { InstitutionRole, WorkshopRole } from "~/generated/prisma/enums";

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

/** What an institution can be in a workshop that gathers several, in the order forms list them. */
export const INSTITUTION_ROLES = Object.values(InstitutionRole) as InstitutionRole[];

/** The workshop role the people of a participating institution act with when they hold no personal one. */
export const WORKSHOP_ROLE_OF_INSTITUTION: Record<InstitutionRole, WorkshopRole> = {
  CO_ORGANISER: "ORGANISER",
  CONTRIBUTOR: "PARTICIPANT",
  OBSERVER: "OBSERVER",
  PEER: "PEER",
};

/**
 * The role someone holds in a workshop: a personal membership always wins (an organiser may make a colleague of a
 * contributing institution a rapporteur, or keep a peer as a mere observer); otherwise their institution's.
 */
export function effectiveWorkshopRole(personal: WorkshopRole | null, institution: InstitutionRole | null): WorkshopRole | null {
  if (personal !== null) return personal;
  return institution === null ? null : WORKSHOP_ROLE_OF_INSTITUTION[institution];
}
