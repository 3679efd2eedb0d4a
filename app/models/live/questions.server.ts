import { getDb } from "~/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import type { RoomKey } from "~/live/protocol";
import type { QuestionView } from "~/live/questions";

const withAuthorAndVotes = {
  author: { select: { id: true, name: true } },
  _count: { select: { votes: true } },
} as const;
type QuestionRow = Prisma.QuestionGetPayload<{ include: typeof withAuthorAndVotes }>;

/** The whole question, author included: what facilitators see. `toPublicQuestion` derives what others see. */
function toView(row: QuestionRow): QuestionView {
  return {
    id: row.id,
    body: row.body,
    anonymous: row.anonymous,
    author: row.author,
    votes: row._count.votes,
    answered: row.answeredAt !== null,
    pinned: row.pinned,
    hidden: row.hidden,
    createdAt: row.createdAt.toISOString(),
  };
}

/** What a participant may see of a question: nobody learns who asked an anonymous one. */
export function toPublicQuestion(question: QuestionView): QuestionView {
  return question.anonymous ? { ...question, author: null } : question;
}

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

async function findQuestion({ workshopId, room, questionId }: { workshopId: string; room: RoomKey; questionId: string }) {
  const row = await getDb().question.findFirst({ where: { id: questionId, workshopId, room }, include: withAuthorAndVotes });
  return row ? toView(row) : null;
}

/**
 * Stores a question once per (author, clientId), so a retry after a lost acknowledgement returns the stored one.
 * Null when the author already used that clientId for a question somewhere else.
 */
export async function askQuestion(input: {
  workshopId: string;
  room: RoomKey;
  authorId: string;
  clientId: string;
  body: string;
  anonymous: boolean;
}): Promise<{ question: QuestionView; created: boolean } | null> {
  const db = getDb();
  const findExisting = async () => {
    const existing = await db.question.findUnique({
      where: { authorId_clientId: { authorId: input.authorId, clientId: input.clientId } },
      include: withAuthorAndVotes,
    });
    if (!existing) return undefined;
    return existing.workshopId === input.workshopId && existing.room === input.room ? { question: toView(existing), created: false } : null;
  };
  const existing = await findExisting();
  if (existing !== undefined) return existing;
  try {
    const row = await db.question.create({ data: input, include: withAuthorAndVotes });
    return { question: toView(row), created: true };
  } catch (error) {
    // A retry racing the original: the first one stored wins.
    if (isUniqueViolation(error)) return (await findExisting()) ?? null;
    throw error;
  }
}

/** The room's questions; hidden ones only when asked for (facilitators). */
export async function listQuestions({ workshopId, room, includeHidden }: { workshopId: string; room: RoomKey; includeHidden: boolean }) {
  const rows = await getDb().question.findMany({
    where: { workshopId, room, ...(includeHidden ? {} : { hidden: false }) },
    orderBy: { createdAt: "asc" },
    include: withAuthorAndVotes,
  });
  return rows.map(toView);
}

export async function listMyQuestionVotes({ workshopId, room, userId }: { workshopId: string; room: RoomKey; userId: string }) {
  const votes = await getDb().questionVote.findMany({ where: { userId, question: { workshopId, room } }, select: { questionId: true } });
  return votes.map((vote) => vote.questionId);
}

/**
 * Adds or withdraws one person's vote; voting twice counts once. Null when the room has no such question, or it is
 * hidden and the voter may not see hidden questions.
 */
export async function voteOnQuestion({
  workshopId,
  room,
  questionId,
  userId,
  up,
  mayVoteOnHidden,
}: {
  workshopId: string;
  room: RoomKey;
  questionId: string;
  userId: string;
  up: boolean;
  mayVoteOnHidden: boolean;
}) {
  const db = getDb();
  const question = await db.question.findFirst({ where: { id: questionId, workshopId, room }, select: { hidden: true } });
  if (!question || (question.hidden && !mayVoteOnHidden)) return null;
  if (up) {
    await db.questionVote.createMany({ data: [{ questionId, userId }], skipDuplicates: true });
  } else {
    await db.questionVote.deleteMany({ where: { questionId, userId } });
  }
  return findQuestion({ workshopId, room, questionId });
}

export type QuestionStateChange = { answered: boolean } | { pinned: boolean } | { hidden: boolean };

/** A facilitator marks a question of this room answered, pinned or hidden (or undoes it); null when not in the room. */
export async function updateQuestionState({
  workshopId,
  room,
  questionId,
  change,
}: {
  workshopId: string;
  room: RoomKey;
  questionId: string;
  change: QuestionStateChange;
}) {
  const db = getDb();
  const question = await db.question.findFirst({ where: { id: questionId, workshopId, room }, select: { answeredAt: true } });
  if (!question) return null;
  const data =
    "answered" in change
      ? // Marking an answered question answered again keeps when it was first answered.
        { answeredAt: change.answered ? (question.answeredAt ?? new Date()) : null }
      : change;
  await db.question.updateMany({ where: { id: questionId, workshopId, room }, data });
  return findQuestion({ workshopId, room, questionId });
}
