/**
 * Who speaks for an institution on the platform. Pure, so pages offer only what the server accepts.
 *
 * - Its admins (organisationAdmin, and of that institution) edit its profile and manage its people.
 * - Platform moderators register institutions and may act for any of them, including moving a person from one
 *   institution to another: an admin only ever acts on their own institution's people.
 */

export interface InstitutionActor {
  organisationId: string | null;
  organisationAdmin: boolean;
  platformModerator: boolean;
}

export function mayManageInstitution(actor: InstitutionActor | null, organisationId: string): boolean {
  if (!actor) return false;
  return actor.platformModerator || (actor.organisationAdmin && actor.organisationId === organisationId);
}

export function mayCreateInstitution(actor: InstitutionActor | null): boolean {
  return actor?.platformModerator ?? false;
}

/** Its people see one another's names; others see only how many they are. */
export function mayListMemberNames(viewer: { organisationId: string | null } | null, organisationId: string): boolean {
  return viewer?.organisationId === organisationId;
}

const MISSION_EXCERPT_LENGTH = 220;

/** The start of a mission statement for the directory, cut at a word and marked as cut. */
export function excerpt(text: string, length = MISSION_EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > length / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
