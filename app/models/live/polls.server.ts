import { getDb } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { PLENARY, type RoomKey } from "~/live/protocol";
import { normalizeVote, type MyVote, type PollFields, type PollKind, type PollStatus, type PollView } from "~/live/polls";
import type { WorkshopAccess } from "~/models/access.server";
import { tallyPoll } from "~/utils/poll-tally";
import { currentAgendaItem } from "./live-state.server";

/**
 * Polls of a workshop's live rooms: prepared in advance on an agenda item (which decides the room: its session or
 * the plenary) or created live, opened and closed by the room's facilitators, answered once per person (a new
 * answer replaces the previous one). Every function is scoped by workshop, and by room for the live ones.
 */

type Tx = Prisma.TransactionClient;

/** The rooms someone may run polls in: every room for organisers, their own sessions for facilitators. */
export type RoomScope = "all" | RoomKey[];

export function roomsRunBy(access: WorkshopAccess): RoomScope {
  return access.role === "ORGANISER" ? "all" : access.facilitatedSessionIds;
}

export function inScope(scope: RoomScope, room: RoomKey) {
  return scope === "all" || scope.includes(room);
}

const roomOfAgendaItem = (item: { sessionId: string | null }): RoomKey => item.sessionId ?? PLENARY;

/** What defines a poll, shown both in the live room and on the preparation page. */
const pollDefinition = {
  id: true,
  room: true,
  agendaItemId: true,
  question: true,
  kind: true,
  options: true,
  scaleMax: true,
  anonymous: true,
  status: true,
} satisfies Prisma.PollSelect;

const pollWithVotes = {
  ...pollDefinition,
  openedAt: true,
  closedAt: true,
  votes: { select: { choices: true, text: true } },
} satisfies Prisma.PollSelect;

type PollRow = Prisma.PollGetPayload<{ select: typeof pollWithVotes }>;

function toView({ votes, openedAt, closedAt, ...poll }: PollRow): PollView {
  return {
    ...poll,
    openedAt: openedAt?.toISOString() ?? null,
    closedAt: closedAt?.toISOString() ?? null,
    results: tallyPoll(poll, votes),
  };
}

// ——— Live rooms ———

/** The room's polls with their results, oldest first; drafts only for those who run the room. */
export async function listRoomPolls({ workshopId, room, includeDrafts }: { workshopId: string; room: RoomKey; includeDrafts: boolean }) {
  const rows = await getDb().poll.findMany({
    where: { workshopId, room, ...(includeDrafts ? {} : { status: { not: "DRAFT" } }) },
    orderBy: { createdAt: "asc" },
    select: pollWithVotes,
  });
  return rows.map(toView);
}

export async function getRoomPoll({ workshopId, room, pollId }: { workshopId: string; room: RoomKey; pollId: string }) {
  const row = await getDb().poll.findFirst({ where: { id: pollId, workshopId, room }, select: pollWithVotes });
  return row ? toView(row) : null;
}

/** What this person answered to the room's polls, so their phone shows it again after a reconnection. */
export async function listMyVotes({ workshopId, room, userId }: { workshopId: string; room: RoomKey; userId: string }) {
  const votes = await getDb().pollVote.findMany({
    where: { userId, poll: { workshopId, room } },
    select: { pollId: true, choices: true, text: true },
  });
  return Object.fromEntries(votes.map(({ pollId, choices, text }) => [pollId, { choices, text } satisfies MyVote]));
}

/** A poll created during the session, attached to the room's current agenda item when there is one. */
export async function createRoomPoll(input: { workshopId: string; room: RoomKey; createdById: string; fields: PollFields; open: boolean }) {
  const { workshopId, room, createdById, fields, open } = input;
  const agendaItem = await currentAgendaItem({ workshopId, room });
  const row = await getDb().poll.create({
    data: {
      workshopId,
      room,
      createdById,
      agendaItemId: agendaItem?.id ?? null,
      ...fields,
      status: open ? "OPEN" : "DRAFT",
      openedAt: open ? new Date() : null,
    },
    select: pollWithVotes,
  });
  return toView(row);
}

export type StatusChange = "changed" | "unchanged" | "notFound" | "notOpened";

/**
 * Opens a prepared or closed poll, or closes an open one. Asking for the state a poll is already in changes nothing
 * (a retry after a dropped connection is harmless); a poll that was never opened cannot be closed.
 */
export async function setPollStatus(input: { workshopId: string; room: RoomKey; pollId: string; status: "OPEN" | "CLOSED" }): Promise<StatusChange> {
  const { workshopId, room, pollId, status } = input;
  const db = getDb();
  const poll = await db.poll.findFirst({ where: { id: pollId, workshopId, room }, select: { status: true } });
  if (!poll) return "notFound";
  if (poll.status === status) return "unchanged";
  if (status === "CLOSED" && poll.status === "DRAFT") return "notOpened";
  const from: PollStatus[] = status === "OPEN" ? ["DRAFT", "CLOSED"] : ["OPEN"];
  const now = new Date();
  const changed = await db.poll.updateMany({
    where: { id: pollId, workshopId, room, status: { in: from } },
    data: status === "OPEN" ? { status, openedAt: now, closedAt: null } : { status, closedAt: now },
  });
  return changed.count === 1 ? "changed" : "unchanged";
}

export type VoteOutcome = { ok: true; vote: MyVote } | { ok: false; reason: "notFound" | "pollClosed" | "invalid" };

/**
 * Records a person's answer, replacing their previous one. The poll's row is share-locked while the vote is
 * written, so a vote and a close never cross: a vote either lands before the close (and is in the final results)
 * or finds the poll closed.
 */
export async function castVote(input: {
  workshopId: string;
  room: RoomKey;
  pollId: string;
  userId: string;
  choices?: number[];
  text?: string;
}): Promise<VoteOutcome> {
  const { workshopId, room, pollId, userId } = input;
  return getDb().$transaction(async (tx: Tx) => {
    const [poll] = await tx.$queryRaw<Array<{ kind: PollKind; options: string[]; scaleMax: number | null; status: PollStatus }>>`
      SELECT "kind", "options", "scaleMax", "status" FROM "Poll"
      WHERE "id" = ${pollId} AND "workshopId" = ${workshopId} AND "room" = ${room} FOR SHARE`;
    if (!poll) return { ok: false, reason: "notFound" } as const;
    if (poll.status !== "OPEN") return { ok: false, reason: "pollClosed" } as const;
    const vote = normalizeVote(poll, { choices: input.choices, text: input.text });
    if (!vote) return { ok: false, reason: "invalid" } as const;
    await tx.pollVote.upsert({
      where: { pollId_userId: { pollId, userId } },
      create: { pollId, userId, ...vote },
      update: vote,
    });
    return { ok: true, vote } as const;
  });
}

// ——— Preparation, before the workshop ———

/** The polls of the rooms in scope, with how many people answered, for the preparation page. */
export async function listPreparedPolls({ workshopId, scope }: { workshopId: string; scope: RoomScope }) {
  return getDb().poll.findMany({
    where: { workshopId, ...(scope === "all" ? {} : { room: { in: scope } }) },
    orderBy: { createdAt: "asc" },
    select: { ...pollDefinition, _count: { select: { votes: true } } },
  });
}

export type PreparationChange = { ok: true; pollId: string } | { ok: false; reason: "notFound" | "forbidden" | "notDraft" | "unknownAgendaItem" };

/** The room an agenda item's polls run in, when the item is of this workshop and its room is in scope. */
async function roomForAgendaItem(tx: Tx, { workshopId, agendaItemId, scope }: { workshopId: string; agendaItemId: string; scope: RoomScope }) {
  const item = await tx.agendaItem.findFirst({ where: { id: agendaItemId, workshopId }, select: { sessionId: true } });
  if (!item) return { ok: false, reason: "unknownAgendaItem" } as const;
  const room = roomOfAgendaItem(item);
  return inScope(scope, room) ? ({ ok: true, room } as const) : ({ ok: false, reason: "forbidden" } as const);
}

export async function createPreparedPoll(input: {
  workshopId: string;
  actorId: string;
  agendaItemId: string;
  fields: PollFields;
  scope: RoomScope;
}): Promise<PreparationChange> {
  const { workshopId, actorId, agendaItemId, fields, scope } = input;
  return getDb().$transaction(async (tx: Tx) => {
    const target = await roomForAgendaItem(tx, { workshopId, agendaItemId, scope });
    if (!target.ok) return target;
    const poll = await tx.poll.create({
      data: { workshopId, room: target.room, agendaItemId, createdById: actorId, status: "DRAFT", ...fields },
      select: { id: true },
    });
    await tx.auditLog.create({
      data: { workshopId, actorId, action: "poll.prepare", subjectType: "Poll", subjectId: poll.id, data: { question: fields.question } },
    });
    return { ok: true, pollId: poll.id } as const;
  });
}

/** The prepared poll if it may still be changed: of this workshop, in scope, and not opened yet. */
async function editableDraft(tx: Tx, { workshopId, pollId, scope }: { workshopId: string; pollId: string; scope: RoomScope }) {
  const poll = await tx.poll.findFirst({ where: { id: pollId, workshopId }, select: { room: true, status: true } });
  if (!poll) return { ok: false, reason: "notFound" } as const;
  if (!inScope(scope, poll.room)) return { ok: false, reason: "forbidden" } as const;
  if (poll.status !== "DRAFT") return { ok: false, reason: "notDraft" } as const;
  return { ok: true } as const;
}

export async function updatePreparedPoll(input: {
  workshopId: string;
  pollId: string;
  actorId: string;
  agendaItemId: string;
  fields: PollFields;
  scope: RoomScope;
}): Promise<PreparationChange> {
  const { workshopId, pollId, actorId, agendaItemId, fields, scope } = input;
  return getDb().$transaction(async (tx: Tx) => {
    const draft = await editableDraft(tx, { workshopId, pollId, scope });
    if (!draft.ok) return draft;
    const target = await roomForAgendaItem(tx, { workshopId, agendaItemId, scope });
    if (!target.ok) return target;
    // Opened meanwhile from the live room: its answers must keep matching its options.
    const changed = await tx.poll.updateMany({
      where: { id: pollId, workshopId, status: "DRAFT" },
      data: { room: target.room, agendaItemId, ...fields },
    });
    if (changed.count === 0) return { ok: false, reason: "notDraft" } as const;
    await tx.auditLog.create({
      data: { workshopId, actorId, action: "poll.update", subjectType: "Poll", subjectId: pollId, data: { question: fields.question } },
    });
    return { ok: true, pollId } as const;
  });
}

export async function deletePreparedPoll(input: { workshopId: string; pollId: string; actorId: string; scope: RoomScope }): Promise<PreparationChange> {
  const { workshopId, pollId, actorId, scope } = input;
  return getDb().$transaction(async (tx: Tx) => {
    const draft = await editableDraft(tx, { workshopId, pollId, scope });
    if (!draft.ok) return draft;
    const removed = await tx.poll.deleteMany({ where: { id: pollId, workshopId, status: "DRAFT" } });
    if (removed.count === 0) return { ok: false, reason: "notDraft" } as const;
    await tx.auditLog.create({ data: { workshopId, actorId, action: "poll.delete", subjectType: "Poll", subjectId: pollId } });
    return { ok: true, pollId } as const;
  });
}

// ——— Export ———

/**
 * A poll with every answer, oldest first, for the CSV export. Names come with the answers only when the poll is
 * not anonymous: an anonymous poll's export cannot reveal who answered what, even by mistake.
 */
export async function getPollExport({ workshopId, pollId }: { workshopId: string; pollId: string }) {
  const db = getDb();
  const poll = await db.poll.findFirst({
    where: { id: pollId, workshopId },
    select: {
      ...pollWithVotes,
      votes: { select: { userId: true, choices: true, text: true, updatedAt: true }, orderBy: { updatedAt: "asc" } },
    },
  });
  if (!poll) return null;
  const [voters, session] = await Promise.all([
    poll.anonymous ? [] : db.user.findMany({ where: { id: { in: poll.votes.map((vote) => vote.userId) } }, select: { id: true, name: true } }),
    poll.room === PLENARY ? null : db.session.findFirst({ where: { id: poll.room, workshopId }, select: { title: true } }),
  ]);
  const nameOf = new Map(voters.map((user) => [user.id, user.name]));
  return {
    poll: toView(poll),
    /** Null for the plenary; empty when the session was deleted since. */
    roomTitle: poll.room === PLENARY ? null : (session?.title ?? ""),
    answers: poll.votes.map((vote) => ({
      name: poll.anonymous ? null : (nameOf.get(vote.userId) ?? ""),
      choices: vote.choices,
      text: vote.text,
      at: vote.updatedAt,
    })),
  };
}
