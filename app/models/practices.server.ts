import { getDb } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import type { PracticeStatus } from "~/generated/prisma/enums";
import { mayEditPractice, mayModerate, mayReadPractice, mayWritePractices, readablePracticesWhere, type PracticeViewer } from "~/practices/access";
import { readFigures, readResources } from "~/practices/fields";
import type { PracticeInput } from "~/practices/forms";
import { practiceSearchText } from "~/practices/search";
import { mayDeleteFrom, mayPublishFrom, mayWithdrawFrom, statusOnEdit, statusOnPublish } from "~/practices/workflow";

/**
 * Practices of the peer-exchange library: writing, reading, and their path through moderation. Who may do what:
 * app/practices/access.ts; the path: app/practices/workflow.ts. Search: practice-search.server.ts; attachments:
 * practice-attachments.server.ts.
 *
 * Every change of status returns a `PracticeEvent` (what happened, to which practice, by whom) so that the people
 * concerned can be told about it; each is also recorded in AuditLog.
 */

export type PracticeRefusal = "notFound" | "forbidden" | "wrongStatus" | "conflict";
export type Outcome<T = object> = ({ ok: true } & T) | { ok: false; reason: PracticeRefusal };

/** `practice.reopened`: a refused practice edited back into a draft (recorded, nobody to tell). */
export type PracticeEventKind = "practice.submitted" | "practice.published" | "practice.rejected" | "practice.withdrawn" | "practice.reopened";

export interface PracticeEvent {
  kind: PracticeEventKind;
  practice: { id: string; title: string; organisationId: string; authorId: string | null };
  actorId: string;
  from: PracticeStatus;
  to: PracticeStatus;
  /** The moderator's reason, for a rejection. */
  note?: string;
}

const ACCESS_FIELDS = { id: true, title: true, organisationId: true, authorId: true, status: true, visibility: true } as const;

type Client = Prisma.TransactionClient | ReturnType<typeof getDb>;

async function findForAccess(practiceId: string, db: Client = getDb()) {
  return db.practice.findUnique({ where: { id: practiceId }, select: ACCESS_FIELDS });
}

export type AccessRow = NonNullable<Awaited<ReturnType<typeof findForAccess>>>;

/** The practice if this viewer may edit it; a practice they may not even read is "not found", never "forbidden". */
export async function findEditablePractice(practiceId: string, viewer: PracticeViewer, db: Client = getDb()): Promise<Outcome<{ practice: AccessRow }>> {
  const practice = await findForAccess(practiceId, db);
  if (!practice || !mayReadPractice(viewer, practice)) return { ok: false, reason: "notFound" };
  if (!mayEditPractice(viewer, practice)) return { ok: false, reason: "forbidden" };
  return { ok: true, practice };
}

async function audit(db: Client, event: PracticeEvent) {
  await db.auditLog.create({
    data: {
      actorId: event.actorId,
      action: event.kind,
      subjectType: "practice",
      subjectId: event.practice.id,
      data: { from: event.from, to: event.to, ...(event.note ? { note: event.note } : {}) },
    },
  });
}

/** What searchText is made of, besides the practice's own fields. */
async function searchTextFor(db: Client, organisationId: string, fields: Omit<PracticeInput, "contactName" | "contactEmail" | "languages" | "visibility">) {
  const organisation = await db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { name: true } });
  return practiceSearchText({ ...fields, institutionName: organisation.name });
}

/** What a new practice of this institution starts from: where it works and whom to write to. */
export async function getWritingDefaults({ organisationId }: { organisationId: string }) {
  return getDb().organisation.findUnique({
    where: { id: organisationId },
    select: { id: true, name: true, country: true, contactName: true, contactEmail: true },
  });
}

/** A new draft of the viewer's own institution: the institution is always theirs, whatever a form says. */
export async function createPractice(input: { viewer: PracticeViewer; fields: PracticeInput }): Promise<Outcome<{ id: string }>> {
  const { viewer, fields } = input;
  if (!mayWritePractices(viewer) || viewer.organisationId === null || viewer.userId === null) return { ok: false, reason: "forbidden" };
  const organisationId = viewer.organisationId;
  const db = getDb();
  const practice = await db.practice.create({
    data: {
      ...fields,
      organisationId,
      authorId: viewer.userId,
      status: "DRAFT",
      searchText: await searchTextFor(db, organisationId, fields),
    },
    select: { id: true },
  });
  return { ok: true, id: practice.id };
}

const DETAIL_SELECT = {
  ...ACCESS_FIELDS,
  problem: true,
  approach: true,
  results: true,
  figures: true,
  resources: true,
  contactName: true,
  contactEmail: true,
  country: true,
  themes: true,
  languages: true,
  submittedAt: true,
  publishedAt: true,
  moderationNote: true,
  createdAt: true,
  updatedAt: true,
  organisation: { select: { id: true, name: true } },
  author: { select: { name: true } },
  moderatedBy: { select: { name: true } },
  attachments: { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, contentType: true, size: true, createdAt: true } },
} satisfies Prisma.PracticeSelect;

/** A practice as its page shows it, or null when it does not exist or this viewer may not read it (the same answer). */
export async function getPractice({ practiceId, viewer }: { practiceId: string; viewer: PracticeViewer }) {
  const practice = await getDb().practice.findUnique({ where: { id: practiceId }, select: DETAIL_SELECT });
  if (!practice || !mayReadPractice(viewer, practice)) return null;
  return { ...practice, figures: readFigures(practice.figures), resources: readResources(practice.resources) };
}

export type PracticeDetail = NonNullable<Awaited<ReturnType<typeof getPractice>>>;

function sameContent(before: PracticeDetail, after: PracticeInput): boolean {
  const scalars = ["title", "problem", "approach", "results", "contactName", "contactEmail", "country", "visibility"] as const;
  return (
    scalars.every((field) => before[field] === after[field]) &&
    JSON.stringify(before.figures) === JSON.stringify(after.figures) &&
    JSON.stringify(before.resources) === JSON.stringify(after.resources) &&
    [...before.themes].sort().join() === [...after.themes].sort().join() &&
    [...before.languages].sort().join() === [...after.languages].sort().join()
  );
}

/**
 * Saves its editors' changes. A refused practice becomes a draft again; a published one shared beyond its institution
 * (or widened beyond it) goes back to moderation. Saving without changing anything changes nothing.
 */
export async function updatePractice(input: {
  practiceId: string;
  viewer: PracticeViewer;
  fields: PracticeInput;
}): Promise<Outcome<{ status: PracticeStatus; event: PracticeEvent | null }>> {
  const { practiceId, viewer, fields } = input;
  const before = await getPractice({ practiceId, viewer });
  if (!before) return { ok: false, reason: "notFound" };
  if (!mayEditPractice(viewer, before)) return { ok: false, reason: "forbidden" };
  if (sameContent(before, fields)) return { ok: true, status: before.status, event: null };
  const status = statusOnEdit(before.status, fields.visibility);
  const db = getDb();
  return db.$transaction(async (tx) => {
    // Guarded by the status read above: a moderator's decision in between makes this a conflict, not a silent overwrite.
    const { count } = await tx.practice.updateMany({
      where: { id: practiceId, status: before.status },
      data: {
        ...fields,
        status,
        ...(status === "PENDING" && before.status !== "PENDING" ? { submittedAt: new Date() } : {}),
        searchText: await searchTextFor(tx, before.organisationId, fields),
      },
    });
    if (count === 0) return { ok: false, reason: "conflict" } as const;
    const event = await statusChangeOnEdit(tx, { ...before, title: fields.title }, status, viewer);
    return { ok: true, status, event } as const;
  });
}

/** Records an edit that moved a practice (back to moderation, or from refused to draft). */
async function statusChangeOnEdit(db: Client, practice: AccessRow, to: PracticeStatus, viewer: PracticeViewer): Promise<PracticeEvent | null> {
  if (to === practice.status || viewer.userId === null) return null;
  const event: PracticeEvent = {
    kind: to === "PENDING" ? "practice.submitted" : "practice.reopened",
    practice: { id: practice.id, title: practice.title, organisationId: practice.organisationId, authorId: practice.authorId },
    actorId: viewer.userId,
    from: practice.status,
    to,
  };
  await audit(db, event);
  return to === "PENDING" ? event : null;
}

/** Sends a change made outside the form (an attachment added) through the same rule as an edit. */
export async function markPracticeEdited(input: { db: Client; practice: AccessRow; viewer: PracticeViewer }): Promise<PracticeEvent | null> {
  const { db, practice, viewer } = input;
  const status = statusOnEdit(practice.status, practice.visibility);
  if (status === practice.status) return null;
  await db.practice.update({
    where: { id: practice.id },
    data: { status, ...(status === "PENDING" ? { submittedAt: new Date() } : {}) },
  });
  return statusChangeOnEdit(db, practice, status, viewer);
}

async function move(input: {
  practiceId: string;
  viewer: PracticeViewer;
  /** Whether the viewer may do this to the practice as it is now. */
  allowed: (practice: AccessRow) => Outcome;
  to: (practice: AccessRow) => PracticeStatus;
  data: (practice: AccessRow) => Prisma.PracticeUpdateManyMutationInput;
  kind: (to: PracticeStatus) => PracticeEventKind;
  note?: string;
}): Promise<Outcome<{ event: PracticeEvent }>> {
  const { practiceId, viewer } = input;
  const practice = await findForAccess(practiceId);
  if (!practice || !mayReadPractice(viewer, practice) || viewer.userId === null) return { ok: false, reason: "notFound" };
  const allowed = input.allowed(practice);
  if (!allowed.ok) return allowed;
  const to = input.to(practice);
  const actorId = viewer.userId;
  return getDb().$transaction(async (tx) => {
    const { count } = await tx.practice.updateMany({ where: { id: practice.id, status: practice.status }, data: { status: to, ...input.data(practice) } });
    if (count === 0) return { ok: false, reason: "conflict" } as const;
    const event: PracticeEvent = {
      kind: input.kind(to),
      practice: { id: practice.id, title: practice.title, organisationId: practice.organisationId, authorId: practice.authorId },
      actorId,
      from: practice.status,
      to,
      ...(input.note ? { note: input.note } : {}),
    };
    await audit(tx, event);
    return { ok: true, event } as const;
  });
}

const editorMay = (viewer: PracticeViewer, rule: (status: PracticeStatus) => boolean) => (practice: AccessRow): Outcome => {
  if (!mayEditPractice(viewer, practice)) return { ok: false, reason: "forbidden" };
  return rule(practice.status) ? { ok: true } : { ok: false, reason: "wrongStatus" };
};

const moderatorMay = (viewer: PracticeViewer) => (practice: AccessRow): Outcome => {
  if (!viewer.platformModerator) return { ok: false, reason: "forbidden" };
  return mayModerate(viewer, practice) ? { ok: true } : { ok: false, reason: "wrongStatus" };
};

/**
 * "Publish" a draft: kept within its institution it is published at once (`practice.published`), shared beyond it
 * it waits for a moderator (`practice.submitted`: the moderators are the ones to tell).
 */
export function submitPractice({ practiceId, viewer }: { practiceId: string; viewer: PracticeViewer }) {
  return move({
    practiceId,
    viewer,
    allowed: editorMay(viewer, mayPublishFrom),
    to: (practice) => statusOnPublish(practice.visibility),
    data: (practice) =>
      statusOnPublish(practice.visibility) === "PUBLISHED" ? { publishedAt: new Date(), submittedAt: null } : { submittedAt: new Date() },
    kind: (to) => (to === "PUBLISHED" ? "practice.published" : "practice.submitted"),
  });
}

/** A moderator approves a pending practice: it is published for its visibility (`practice.published`). */
export function approvePractice({ practiceId, viewer }: { practiceId: string; viewer: PracticeViewer }) {
  return move({
    practiceId,
    viewer,
    allowed: moderatorMay(viewer),
    to: () => "PUBLISHED",
    data: () => ({ publishedAt: new Date(), moderatedById: viewer.userId, moderationNote: "" }),
    kind: () => "practice.published",
  });
}

/** A moderator sends a pending practice back with a note its institution reads (`practice.rejected`). */
export function rejectPractice({ practiceId, viewer, note }: { practiceId: string; viewer: PracticeViewer; note: string }) {
  return move({
    practiceId,
    viewer,
    allowed: moderatorMay(viewer),
    to: () => "REJECTED",
    data: () => ({ moderatedById: viewer.userId, moderationNote: note }),
    kind: () => "practice.rejected",
    note,
  });
}

/** Its editors take a pending or published practice back to a draft (`practice.withdrawn`). */
export function withdrawPractice({ practiceId, viewer }: { practiceId: string; viewer: PracticeViewer }) {
  return move({
    practiceId,
    viewer,
    allowed: editorMay(viewer, mayWithdrawFrom),
    to: () => "DRAFT",
    data: () => ({ submittedAt: null }),
    kind: () => "practice.withdrawn",
  });
}

/** Deletes a draft (or a refused practice) with its attachments. */
export async function deletePractice({ practiceId, viewer }: { practiceId: string; viewer: PracticeViewer }): Promise<Outcome> {
  const found = await findEditablePractice(practiceId, viewer);
  if (!found.ok) return found;
  if (!mayDeleteFrom(found.practice.status)) return { ok: false, reason: "wrongStatus" };
  const { count } = await getDb().practice.deleteMany({ where: { id: practiceId, status: found.practice.status } });
  if (count === 0) return { ok: false, reason: "conflict" };
  await getDb().auditLog.create({
    data: { actorId: viewer.userId, action: "practice.deleted", subjectType: "practice", subjectId: practiceId, data: { title: found.practice.title } },
  });
  return { ok: true };
}

/** What waits for moderation, oldest first; nothing for people who do not moderate. */
export async function listPendingPractices({ viewer }: { viewer: PracticeViewer }) {
  if (!viewer.platformModerator) return [];
  return getDb().practice.findMany({
    where: { AND: [readablePracticesWhere(viewer) as Prisma.PracticeWhereInput, { status: "PENDING" }] },
    orderBy: [{ submittedAt: "asc" }, { createdAt: "asc" }],
    select: { id: true, title: true, visibility: true, submittedAt: true, country: true, organisation: { select: { id: true, name: true } } },
  });
}

export async function countPendingPractices({ viewer }: { viewer: PracticeViewer }) {
  if (!viewer.platformModerator) return 0;
  return getDb().practice.count({ where: { AND: [readablePracticesWhere(viewer) as Prisma.PracticeWhereInput, { status: "PENDING" }] } });
}

/** Rewrites searchText of an institution's practices, e.g. after the institution was renamed (its name is searchable). */
export async function refreshPracticeSearchText({ organisationId }: { organisationId: string }) {
  const db = getDb();
  const organisation = await db.organisation.findUnique({ where: { id: organisationId }, select: { name: true } });
  if (!organisation) return;
  const practices = await db.practice.findMany({
    where: { organisationId },
    select: { id: true, title: true, problem: true, approach: true, results: true, figures: true, resources: true, country: true, themes: true },
  });
  for (const practice of practices) {
    const searchText = practiceSearchText({
      ...practice,
      figures: readFigures(practice.figures),
      resources: readResources(practice.resources),
      institutionName: organisation.name,
    });
    await db.practice.update({ where: { id: practice.id }, data: { searchText } });
  }
}
