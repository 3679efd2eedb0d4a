import type { PracticeStatus, Visibility } from "~/generated/prisma/enums";
import { mayView, visibleTo, type Viewer } from "~/peers/visibility";

/**
 * Who may do what with a practice. Pure, so pages offer only what the server accepts; the server checks the same
 * rules on every read, list, search, export and notification.
 *
 * - The owning institution's people read its practices in every state; its admins and the author edit them.
 * - Others read only published practices whose visibility reaches them (app/peers/visibility.ts).
 * - Platform moderators also read what waits for them (PENDING): sharing beyond an institution needs their approval.
 *   A practice kept within its institution never leaves it, so it is published there without moderation.
 * - Anyone signed in who reads a published practice may comment and ask a question; an institution other than the
 *   author's may say it adopted it; the owning institution answers questions.
 */

export interface PracticeForAccess {
  organisationId: string;
  authorId: string | null;
  status: PracticeStatus;
  visibility: Visibility;
}

export interface PracticeViewer extends Viewer {
  organisationAdmin: boolean;
}

export function belongsToOwner(viewer: Viewer, practice: Pick<PracticeForAccess, "organisationId">): boolean {
  return viewer.organisationId !== null && viewer.organisationId === practice.organisationId;
}

export function mayReadPractice(viewer: Viewer, practice: PracticeForAccess): boolean {
  if (belongsToOwner(viewer, practice)) return true;
  if (practice.status === "PENDING") return viewer.platformModerator;
  return practice.status === "PUBLISHED" && mayView(viewer, practice);
}

/** mayReadPractice as a Prisma filter on Practice, for lists, searches and exports. */
export function readablePracticesWhere(viewer: Viewer) {
  const or: Array<Record<string, unknown>> = [{ AND: [{ status: "PUBLISHED" }, visibleTo(viewer)] }];
  if (viewer.organisationId) or.push({ organisationId: viewer.organisationId });
  if (viewer.platformModerator) or.push({ status: "PENDING" });
  return { OR: or };
}

export function mayWritePractices(viewer: Viewer): boolean {
  return viewer.userId !== null && viewer.organisationId !== null;
}

export function mayEditPractice(viewer: PracticeViewer, practice: PracticeForAccess): boolean {
  return belongsToOwner(viewer, practice) && (viewer.organisationAdmin || practice.authorId === viewer.userId);
}

export function mayModerate(viewer: Viewer, practice: Pick<PracticeForAccess, "status">): boolean {
  return viewer.platformModerator && practice.status === "PENDING";
}

/** Comments, questions and adoptions are about published practices, by people signed in. */
export function mayDiscuss(viewer: Viewer, practice: PracticeForAccess): boolean {
  return viewer.userId !== null && practice.status === "PUBLISHED" && mayReadPractice(viewer, practice);
}

export function mayAdopt(viewer: Viewer, practice: PracticeForAccess): boolean {
  return mayDiscuss(viewer, practice) && viewer.organisationId !== null && !belongsToOwner(viewer, practice);
}

export function mayAnswer(viewer: Viewer, practice: PracticeForAccess): boolean {
  return viewer.userId !== null && belongsToOwner(viewer, practice);
}

/** A private question is read by its asker and the practice's institution only. */
export function mayReadQuestion(viewer: Viewer, practice: PracticeForAccess, question: { private: boolean; authorId: string | null }): boolean {
  if (!question.private) return true;
  return belongsToOwner(viewer, practice) || (viewer.userId !== null && question.authorId === viewer.userId);
}
