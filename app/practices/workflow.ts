import type { PracticeStatus, Visibility } from "~/generated/prisma/enums";

/**
 * A practice's path (see PracticeStatus in prisma/schema.prisma). Sharing beyond the institution always goes
 * through a moderator, also after an approval: changing a shared practice sends it back for review, so moderation
 * cannot be bypassed by editing what was approved.
 */

export const sharedBeyondInstitution = (visibility: Visibility) => visibility !== "INSTITUTION";

/** "Publish": kept within the institution it is published at once, otherwise it waits for a moderator. */
export function statusOnPublish(visibility: Visibility): Extract<PracticeStatus, "PUBLISHED" | "PENDING"> {
  return sharedBeyondInstitution(visibility) ? "PENDING" : "PUBLISHED";
}

export const mayPublishFrom = (status: PracticeStatus) => status === "DRAFT";
export const mayWithdrawFrom = (status: PracticeStatus) => status === "PENDING" || status === "PUBLISHED";
export const mayDeleteFrom = (status: PracticeStatus) => status === "DRAFT" || status === "REJECTED";

/** The status after its editors changed a practice (its content, its visibility or its attachments). */
export function statusOnEdit(status: PracticeStatus, visibility: Visibility): PracticeStatus {
  if (status === "REJECTED") return "DRAFT";
  if (status === "PUBLISHED" && sharedBeyondInstitution(visibility)) return "PENDING";
  return status;
}
