import { getDb } from "~/db/client.server";
import {
  belongsToOwner,
  mayAdopt,
  mayAnswer,
  mayDiscuss,
  mayReadPractice,
  mayReadQuestion,
  type PracticeForAccess,
  type PracticeViewer,
} from "~/practices/access";
import { institutionVoices, notify, type NotificationKind } from "./notifications.server";

/**
 * The exchange around a published practice: comments, questions to its institution and their answers, and the
 * institutions that say they adopted it. Every function reads the practice again and checks the rules of
 * app/practices/access.ts for this viewer and this object; something the viewer may not read is "notFound", like
 * something that does not exist.
 */

export type ExchangeRefusal = "notFound" | "forbidden";
type Outcome<T = object> = ({ ok: true } & T) | { ok: false; reason: ExchangeRefusal };

const EXCERPT_LENGTH = 140;

const PRACTICE_FOR_ACCESS = { id: true, organisationId: true, authorId: true, status: true, visibility: true } as const;

type Practice = PracticeForAccess & { id: string };

async function readablePractice(practiceId: string, viewer: PracticeViewer): Promise<Practice | null> {
  const practice = await getDb().practice.findUnique({ where: { id: practiceId }, select: PRACTICE_FOR_ACCESS });
  return practice && mayReadPractice(viewer, practice) ? practice : null;
}

/** Authors remove their own words; the practice's institution admins and the platform's moderators anyone's. */
function mayRemove(viewer: PracticeViewer, practice: Practice, item: { authorId: string | null }): boolean {
  if (viewer.userId === null) return false;
  return item.authorId === viewer.userId || (viewer.organisationAdmin && belongsToOwner(viewer, practice)) || viewer.platformModerator;
}

function excerpt(body: string): string {
  const flat = body.replace(/\s+/g, " ").trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH - 1)}…` : flat;
}

/** Those who speak for a practice: its author and its institution's admins (notify() leaves out the actor). */
async function practiceVoices(practice: Practice): Promise<string[]> {
  const voices = await institutionVoices({ organisationId: practice.organisationId });
  return [...new Set([...(practice.authorId ? [practice.authorId] : []), ...voices])];
}

async function tell(kind: NotificationKind, practice: Practice, viewer: PracticeViewer, recipientIds: string[], body: string) {
  await notify({ kind, recipientIds, actorId: viewer.userId, subject: { type: "practice", id: practice.id }, data: { excerpt: excerpt(body) } });
}

const WRITING = {
  id: true,
  kind: true,
  body: true,
  private: true,
  createdAt: true,
  deletedAt: true,
  authorId: true,
  author: { select: { name: true, organisation: { select: { id: true, name: true } } } },
} as const;

interface Writing {
  id: string;
  body: string;
  private: boolean;
  createdAt: Date;
  deletedAt: Date | null;
  authorId: string | null;
  author: { name: string; organisation: { id: string; name: string } | null } | null;
}

export interface ExchangeItem {
  id: string;
  /** Empty when deleted: only a placeholder stands where it was, to keep its answers in context. */
  body: string;
  deleted: boolean;
  private: boolean;
  createdAt: string;
  author: { name: string; institution: { id: string; name: string } | null } | null;
  mayDelete: boolean;
}

export type PracticeExchange = NonNullable<Awaited<ReturnType<typeof loadPracticeExchange>>>;

/**
 * Everything of the exchange this viewer may read, with what they may do there; null when they may not read the
 * practice. A private question (and its answers) reaches only its asker and the practice's institution.
 */
export async function loadPracticeExchange({ practiceId, viewer }: { practiceId: string; viewer: PracticeViewer }) {
  const db = getDb();
  const practice = await readablePractice(practiceId, viewer);
  if (!practice) return null;
  const [institution, writings, adoptions] = await Promise.all([
    db.organisation.findUniqueOrThrow({ where: { id: practice.organisationId }, select: { id: true, name: true } }),
    db.practiceComment.findMany({
      where: { practiceId, parentId: null, kind: { in: ["COMMENT", "QUESTION"] } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { ...WRITING, answers: { where: { deletedAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: WRITING } },
    }),
    db.practiceAdoption.findMany({
      where: { practiceId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        story: true,
        createdAt: true,
        updatedAt: true,
        organisation: { select: { id: true, name: true, country: true } },
        author: { select: { name: true } },
      },
    }),
  ]);

  const item = (writing: Writing): ExchangeItem => ({
    id: writing.id,
    body: writing.deletedAt ? "" : writing.body,
    deleted: writing.deletedAt !== null,
    private: writing.private,
    createdAt: writing.createdAt.toISOString(),
    author: writing.author ? { name: writing.author.name, institution: writing.author.organisation } : null,
    mayDelete: writing.deletedAt === null && mayRemove(viewer, practice, writing),
  });

  const questions = writings
    .filter((writing) => writing.kind === "QUESTION" && mayReadQuestion(viewer, practice, writing))
    .filter((question) => question.deletedAt === null || question.answers.length > 0)
    .map((question) => ({ ...item(question), answers: question.answers.map(item) }));
  const comments = writings.filter((writing) => writing.kind === "COMMENT" && writing.deletedAt === null).map(item);

  return {
    practiceId,
    institution,
    signedIn: viewer.userId !== null,
    may: { discuss: mayDiscuss(viewer, practice), adopt: mayAdopt(viewer, practice), answer: mayAnswer(viewer, practice) },
    /** Whether the viewer's institution already told its adoption: a new story replaces it. */
    adoptedByUs: viewer.organisationId !== null && adoptions.some((adoption) => adoption.organisation.id === viewer.organisationId),
    adoptions: adoptions.map((adoption) => ({
      id: adoption.id,
      story: adoption.story,
      institution: adoption.organisation,
      author: adoption.author,
      createdAt: adoption.createdAt.toISOString(),
      updatedAt: adoption.updatedAt.toISOString(),
    })),
    questions,
    comments,
  };
}

export async function addComment({ practiceId, viewer, body }: { practiceId: string; viewer: PracticeViewer; body: string }): Promise<Outcome> {
  const practice = await readablePractice(practiceId, viewer);
  if (!practice) return { ok: false, reason: "notFound" };
  if (!mayDiscuss(viewer, practice)) return { ok: false, reason: "forbidden" };
  await getDb().practiceComment.create({ data: { practiceId, authorId: viewer.userId, kind: "COMMENT", body } });
  await tell("practice.commented", practice, viewer, await practiceVoices(practice), body);
  return { ok: true };
}

export async function askQuestion(input: { practiceId: string; viewer: PracticeViewer; body: string; private: boolean }): Promise<Outcome> {
  const { practiceId, viewer, body } = input;
  const practice = await readablePractice(practiceId, viewer);
  if (!practice) return { ok: false, reason: "notFound" };
  if (!mayDiscuss(viewer, practice)) return { ok: false, reason: "forbidden" };
  await getDb().practiceComment.create({ data: { practiceId, authorId: viewer.userId, kind: "QUESTION", body, private: input.private } });
  await tell("practice.questioned", practice, viewer, await practiceVoices(practice), body);
  return { ok: true };
}

/** The institution answers; the asker hears of it while they may still read the practice (notify() checks). */
export async function answerQuestion(input: { practiceId: string; questionId: string; viewer: PracticeViewer; body: string }): Promise<Outcome> {
  const { practiceId, questionId, viewer, body } = input;
  const db = getDb();
  const practice = await readablePractice(practiceId, viewer);
  if (!practice) return { ok: false, reason: "notFound" };
  const question = await db.practiceComment.findFirst({
    where: { id: questionId, practiceId, kind: "QUESTION", deletedAt: null },
    select: { authorId: true, private: true },
  });
  if (!question || !mayReadQuestion(viewer, practice, question)) return { ok: false, reason: "notFound" };
  if (!mayAnswer(viewer, practice)) return { ok: false, reason: "forbidden" };
  await db.practiceComment.create({ data: { practiceId, authorId: viewer.userId, kind: "ANSWER", body, parentId: questionId, private: question.private } });
  if (question.authorId) await tell("practice.answered", practice, viewer, [question.authorId], body);
  return { ok: true };
}

/** One story per adopting institution: a colleague's new submission replaces it (and speaks for it from then on). */
export async function adoptPractice({ practiceId, viewer, story }: { practiceId: string; viewer: PracticeViewer; story: string }): Promise<Outcome<{ updated: boolean }>> {
  const db = getDb();
  const practice = await readablePractice(practiceId, viewer);
  if (!practice) return { ok: false, reason: "notFound" };
  const organisationId = viewer.organisationId;
  if (!mayAdopt(viewer, practice) || organisationId === null) return { ok: false, reason: "forbidden" };
  const key = { practiceId_organisationId: { practiceId, organisationId } };
  const before = await db.practiceAdoption.findUnique({ where: key, select: { id: true } });
  await db.practiceAdoption.upsert({
    where: key,
    create: { practiceId, organisationId, authorId: viewer.userId, story },
    update: { authorId: viewer.userId, story },
  });
  // The institution is told once that a peer took its practice up, not at every rewording of the story.
  if (!before) await tell("practice.adopted", practice, viewer, await practiceVoices(practice), story);
  return { ok: true, updated: before !== null };
}

/**
 * Removes a comment, question or answer (kept as deleted: a question that has answers leaves a placeholder).
 * Authors remove their own; the practice's institution admins and platform moderators moderate anyone's.
 */
export async function deleteComment({ practiceId, commentId, viewer }: { practiceId: string; commentId: string; viewer: PracticeViewer }): Promise<Outcome> {
  const db = getDb();
  const practice = await readablePractice(practiceId, viewer);
  if (!practice) return { ok: false, reason: "notFound" };
  const writing = await db.practiceComment.findFirst({
    where: { id: commentId, practiceId, deletedAt: null },
    select: { authorId: true, private: true, parent: { select: { authorId: true, private: true } } },
  });
  if (!writing || !mayReadQuestion(viewer, practice, writing.parent ?? writing)) return { ok: false, reason: "notFound" };
  if (!mayRemove(viewer, practice, writing)) return { ok: false, reason: "forbidden" };
  await db.practiceComment.update({ where: { id: commentId }, data: { deletedAt: new Date() } });
  return { ok: true };
}
