import type { PracticeEvent } from "./practices.server";
import { institutionVoices, notify, platformModerators } from "./notifications.server";

/**
 * Tells the people concerned what happened to a practice: moderators when one waits for them, its author and its
 * institution's admins when a moderator decided. Withdrawals and drafts reopened concern nobody else.
 */
export async function announcePracticeEvent(event: PracticeEvent | null): Promise<void> {
  if (!event) return;
  const subject = { type: "practice", id: event.practice.id } as const;
  const institution = async () => [...(await institutionVoices({ organisationId: event.practice.organisationId })), ...(event.practice.authorId ? [event.practice.authorId] : [])];
  switch (event.kind) {
    case "practice.submitted":
      return notify({ kind: event.kind, recipientIds: await platformModerators(), actorId: event.actorId, subject });
    case "practice.published":
      // Published at once within its institution: nothing for anyone to learn that they did not do.
      if (event.from !== "PENDING") return;
      return notify({ kind: event.kind, recipientIds: await institution(), actorId: event.actorId, subject });
    case "practice.rejected":
      return notify({ kind: event.kind, recipientIds: await institution(), actorId: event.actorId, subject, data: event.note ? { excerpt: event.note } : {} });
    case "practice.withdrawn":
    case "practice.reopened":
      return;
  }
}
