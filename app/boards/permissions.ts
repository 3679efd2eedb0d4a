import type { WorkshopRole } from "~/generated/prisma/enums";

/**
 * Who may do what with the boards of a workshop (docs/decisions/007-boards.md):
 * - members who take part in the work edit every board of the workshop: organisers, facilitators, rapporteurs,
 *   participants and peers from other institutions (people move between parallel sessions);
 * - observers and committee members view: they follow the work and later judge its results, they do not write it;
 * - anyone else sees nothing, not even that a board exists;
 * - organisers, and facilitators for the sessions they run, also create boards and freeze and restore versions.
 */
export type BoardPermission = "edit" | "view";

const VIEW_ONLY: WorkshopRole[] = ["OBSERVER", "COMMITTEE_MEMBER"];

export interface BoardAccessInput {
  role: WorkshopRole | null;
  facilitatedSessionIds: string[];
}

export function boardPermission(access: BoardAccessInput): BoardPermission | null {
  if (access.facilitatedSessionIds.length > 0) return "edit";
  if (access.role === null) return null;
  return VIEW_ONLY.includes(access.role) ? "view" : "edit";
}

export function mayManageBoards(access: BoardAccessInput, sessionId: string): boolean {
  return access.role === "ORGANISER" || access.facilitatedSessionIds.includes(sessionId);
}
