import { getDb } from "~/db/client.server";
import { mayReadPractice, type PracticeViewer } from "~/practices/access";
import { ATTACHMENTS_PER_PRACTICE } from "~/practices/attachment-rules";
import { checkAttachment, type AttachmentRefusal } from "~/practices/attachments.server";
import { findEditablePractice, markPracticeEdited, type PracticeEvent, type PracticeRefusal } from "./practices.server";

/**
 * Files attached to a practice, kept in the database (PracticeAttachment.data) so that every server node serves
 * them. Added and removed by the practice's editors; downloaded by whoever may read the practice, checked again
 * on every download.
 */

type Outcome<T = object> = ({ ok: true } & T) | { ok: false; reason: PracticeRefusal | AttachmentRefusal | "tooMany" };

/**
 * Adds a file after checking its content. A file is a change like any other: on a practice shared beyond its
 * institution it sends the practice back to moderation (the returned event says so).
 */
export async function addAttachment(input: {
  practiceId: string;
  viewer: PracticeViewer;
  fileName: string;
  bytes: Uint8Array<ArrayBuffer>;
}): Promise<Outcome<{ id: string; event: PracticeEvent | null }>> {
  const { practiceId, viewer } = input;
  const found = await findEditablePractice(practiceId, viewer);
  if (!found.ok) return found;
  const checked = await checkAttachment({ fileName: input.fileName, bytes: input.bytes });
  if (!checked.ok) return checked;
  const db = getDb();
  return db.$transaction(async (tx) => {
    // Row lock on the practice: two uploads at the same moment must not both pass the count below.
    await tx.$executeRaw`SELECT 1 FROM "Practice" WHERE id = ${practiceId} FOR UPDATE`;
    const practice = await findEditablePractice(practiceId, viewer, tx);
    if (!practice.ok) return practice;
    if ((await tx.practiceAttachment.count({ where: { practiceId } })) >= ATTACHMENTS_PER_PRACTICE) return { ok: false, reason: "tooMany" } as const;
    const attachment = await tx.practiceAttachment.create({
      data: {
        practiceId,
        fileName: checked.fileName,
        contentType: checked.contentType,
        size: input.bytes.byteLength,
        data: input.bytes,
        uploadedById: viewer.userId,
      },
      select: { id: true },
    });
    const event = await markPracticeEdited({ db: tx, practice: practice.practice, viewer });
    return { ok: true, id: attachment.id, event } as const;
  });
}

/** How many more files the practice takes (for the upload form). */
export async function attachmentsLeft({ practiceId }: { practiceId: string }) {
  return ATTACHMENTS_PER_PRACTICE - (await getDb().practiceAttachment.count({ where: { practiceId } }));
}

export async function removeAttachment(input: { practiceId: string; attachmentId: string; viewer: PracticeViewer }): Promise<Outcome> {
  const found = await findEditablePractice(input.practiceId, input.viewer);
  if (!found.ok) return found;
  const { count } = await getDb().practiceAttachment.deleteMany({ where: { id: input.attachmentId, practiceId: input.practiceId } });
  return count === 1 ? { ok: true } : { ok: false, reason: "notFound" };
}

/** The file, or null when it does not exist or its practice is not readable by this viewer (the same answer). */
export async function getAttachmentForDownload(input: { practiceId: string; attachmentId: string; viewer: PracticeViewer }) {
  const db = getDb();
  const where = { id: input.attachmentId, practiceId: input.practiceId };
  const found = await db.practiceAttachment.findFirst({
    where,
    select: { practice: { select: { organisationId: true, authorId: true, status: true, visibility: true } } },
  });
  if (!found || !mayReadPractice(input.viewer, found.practice)) return null;
  return db.practiceAttachment.findFirst({ where, select: { fileName: true, contentType: true, size: true, data: true } });
}
