import { documentFromState, elementsOf, readElement } from "~/boards/document";
import { isVotable, rankResults, type VotingRefusal, type VotingRound, type VotingState } from "~/boards/voting";
import { getDb } from "~/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import { readBoardState } from "./board-storage.server";
import { boardRefusal, type FoundBoard } from "./boards.server";

/**
 * Dot-voting rounds on a board (app/boards/voting.ts): the board's organisers and session facilitators start and
 * close a round; everyone who may edit the board puts their dots on its elements. Every change takes the person's
 * access as `findBoardAccess` found it and checks what this change needs.
 */

export type VotingChange = { ok: true } | { ok: false; reason: VotingRefusal };

const refuse = (reason: VotingRefusal) => ({ ok: false, reason }) as const;
const DONE = { ok: true } as const;

type Tx = Prisma.TransactionClient;

/** Access, stated as the refusal a voting change answers with. */
function accessRefusal(found: FoundBoard, need: "edit" | "manage"): VotingRefusal | null {
  const refusal = boardRefusal(found, need);
  if (refusal === "notFound") return "notFound";
  if (refusal === "forbidden") return need === "edit" && found.permission === "view" ? "readOnly" : "forbidden";
  return null;
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

export async function startVoteRound(input: {
  found: FoundBoard;
  actorId: string;
  question?: string;
  dotsPerPerson: number;
  anonymous: boolean;
}): Promise<VotingChange> {
  const { found, actorId, dotsPerPerson, anonymous } = input;
  const denied = accessRefusal(found, "manage");
  if (denied) return refuse(denied);
  const { id: boardId, workshopId } = found.board;
  const question = input.question ?? null;
  try {
    return await getDb().$transaction(async (tx) => {
      if (await tx.boardVoteRound.findFirst({ where: { boardId, status: "OPEN" }, select: { id: true } })) return refuse("roundOpen");
      const round = await tx.boardVoteRound.create({ data: { boardId, question, dotsPerPerson, anonymous, startedById: actorId }, select: { id: true } });
      await tx.auditLog.create({
        data: {
          workshopId,
          actorId,
          action: "board.startVoteRound",
          subjectType: "BoardVoteRound",
          subjectId: round.id,
          data: { boardId, question, dotsPerPerson, anonymous },
        },
      });
      return DONE;
    });
  } catch (error) {
    // Two facilitators starting at the same moment: the database's one-open-round index lets one through.
    if (isUniqueViolation(error)) return refuse("roundOpen");
    throw error;
  }
}

export async function closeVoteRound({ found, actorId, roundId }: { found: FoundBoard; actorId: string; roundId: string }): Promise<VotingChange> {
  const denied = accessRefusal(found, "manage");
  if (denied) return refuse(denied);
  const { id: boardId, workshopId } = found.board;
  return getDb().$transaction(async (tx) => {
    // Waits for dots being given right now (they lock the round too), so the results hold every dot confirmed.
    const closed = await tx.boardVoteRound.updateMany({ where: { id: roundId, boardId, status: "OPEN" }, data: { status: "CLOSED", closedAt: new Date() } });
    if (closed.count === 0) return refuse("roundClosed");
    const [votes, voters] = await Promise.all([
      tx.boardVote.count({ where: { roundId } }),
      tx.boardVote.groupBy({ by: ["voterId"], where: { roundId } }).then((rows) => rows.length),
    ]);
    await tx.auditLog.create({
      data: { workshopId, actorId, action: "board.closeVoteRound", subjectType: "BoardVoteRound", subjectId: roundId, data: { boardId, votes, voters } },
    });
    return DONE;
  });
}

/** The open round, locked until the transaction ends: one person's dots are counted and given one at a time. */
async function lockOpenRound(tx: Tx, { boardId, roundId }: { boardId: string; roundId: string }) {
  const [round] = await tx.$queryRaw<Array<{ dotsPerPerson: number }>>`
    SELECT "dotsPerPerson" FROM "BoardVoteRound" WHERE "id" = ${roundId} AND "boardId" = ${boardId} AND "status" = 'OPEN' FOR UPDATE`;
  return round ?? null;
}

/** One more dot on an element that is in the board's saved state and can receive dots. */
export async function castVote(input: { found: FoundBoard; voterId: string; roundId: string; elementId: string }): Promise<VotingChange> {
  const { found, voterId, roundId, elementId } = input;
  const denied = accessRefusal(found, "edit");
  if (denied) return refuse(denied);
  const boardId = found.board.id;
  // Read before the round is locked: the board may be large, and its saved state does not depend on the votes.
  const doc = documentFromState(await readBoardState({ boardId }));
  const element = readElement(elementId, elementsOf(doc).get(elementId));
  doc.destroy();
  return getDb().$transaction(async (tx) => {
    const round = await lockOpenRound(tx, { boardId, roundId });
    if (!round) return refuse("roundClosed");
    if (!element) return refuse("unknownElement");
    if (!isVotable(element.type)) return refuse("notVotable");
    const given = await tx.boardVote.count({ where: { roundId, voterId } });
    if (given >= round.dotsPerPerson) return refuse("noDotsLeft");
    await tx.boardVote.create({ data: { roundId, elementId, voterId } });
    return DONE;
  });
}

/** Takes back one of the voter's own dots on an element, while the round is open. */
export async function retractVote(input: { found: FoundBoard; voterId: string; roundId: string; elementId: string }): Promise<VotingChange> {
  const { found, voterId, roundId, elementId } = input;
  const denied = accessRefusal(found, "edit");
  if (denied) return refuse(denied);
  return getDb().$transaction(async (tx) => {
    if (!(await lockOpenRound(tx, { boardId: found.board.id, roundId }))) return refuse("roundClosed");
    const dot = await tx.boardVote.findFirst({ where: { roundId, voterId, elementId }, orderBy: { createdAt: "desc" }, select: { id: true } });
    if (!dot) return refuse("noDotHere");
    await tx.boardVote.delete({ where: { id: dot.id } });
    return DONE;
  });
}

const roundFields = {
  id: true,
  question: true,
  dotsPerPerson: true,
  anonymous: true,
  status: true,
  startedAt: true,
  closedAt: true,
} satisfies Prisma.BoardVoteRoundSelect;

/** The dots of a closed round; the voters' names are not even read for an anonymous one. */
async function closedRoundVotes({ id: roundId, anonymous }: VotingRound) {
  const db = getDb();
  if (anonymous) {
    const votes = await db.boardVote.findMany({ where: { roundId }, select: { elementId: true, voterId: true } });
    return votes.map((vote) => ({ ...vote, voterName: null }));
  }
  const votes = await db.boardVote.findMany({ where: { roundId }, select: { elementId: true, voterId: true, voter: { select: { name: true } } } });
  return votes.map(({ elementId, voterId, voter }) => ({ elementId, voterId, voterName: voter.name }));
}

/**
 * What one person is shown: the board's latest round, their own dots, and the results once it is closed. Names of
 * voters appear only in the results of rounds that are not anonymous; nothing here says who voted for what in an
 * anonymous round, to anyone (facilitators included).
 */
export async function getVotingState({ boardId, userId, canManage }: { boardId: string; userId: string; canManage: boolean }): Promise<VotingState> {
  const db = getDb();
  const row = await db.boardVoteRound.findFirst({ where: { boardId }, orderBy: [{ startedAt: "desc" }, { id: "desc" }], select: roundFields });
  if (!row) return { round: null, myDots: {}, dotsLeft: 0, votersCount: 0, results: null, canManage };
  const round: VotingRound = { ...row, startedAt: row.startedAt.toISOString(), closedAt: row.closedAt?.toISOString() ?? null };
  const open = round.status === "OPEN";
  const [mine, voters, votes] = await Promise.all([
    db.boardVote.groupBy({ by: ["elementId"], where: { roundId: round.id, voterId: userId }, _count: { _all: true } }),
    db.boardVote.groupBy({ by: ["voterId"], where: { roundId: round.id } }),
    open ? null : closedRoundVotes(round),
  ]);
  const myDots = Object.fromEntries(mine.map((group) => [group.elementId, group._count._all]));
  const given = mine.reduce((sum, group) => sum + group._count._all, 0);
  return {
    round,
    myDots,
    dotsLeft: open ? Math.max(0, round.dotsPerPerson - given) : 0,
    votersCount: voters.length,
    results: votes ? rankResults(votes, round.anonymous) : null,
    canManage,
  };
}

/** Dots per element in the board's latest closed round (for exports); empty when no round was closed yet. */
export async function latestClosedRoundCounts({ boardId }: { boardId: string }): Promise<Map<string, number>> {
  const db = getDb();
  const round = await db.boardVoteRound.findFirst({
    where: { boardId, status: "CLOSED" },
    orderBy: [{ closedAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  if (!round) return new Map();
  const groups = await db.boardVote.groupBy({ by: ["elementId"], where: { roundId: round.id }, _count: { _all: true } });
  return new Map(groups.map((group) => [group.elementId, group._count._all]));
}
