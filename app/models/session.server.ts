import { getDb } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";

/** Parallel sessions (tracks) of a workshop. Every function is scoped by workshop: an id from another is unknown. */

export interface SessionFields {
  title: string;
  description: string;
  room: string;
  /** Null: no limit. */
  capacity: number | null;
}

export type SessionChange =
  | { ok: true }
  | { ok: false; reason: "notFound" }
  | { ok: false; reason: "capacityBelowRegistered"; registered: number }
  | { ok: false; reason: "hasRegistrations"; registered: number };

/**
 * Locks the session row until the transaction ends. Registration takes the same lock before counting seats, so
 * a registration arriving while the capacity changes is counted by one or refused by the other, never missed.
 */
async function lockSession(tx: Prisma.TransactionClient, { workshopId, sessionId }: { workshopId: string; sessionId: string }) {
  const rows = await tx.$queryRaw<Array<{ title: string }>>`
    SELECT "title" FROM "Session" WHERE "id" = ${sessionId} AND "workshopId" = ${workshopId} FOR UPDATE`;
  return rows[0] ?? null;
}

/** The sessions in their order, with their facilitators and how many people registered for each. */
export async function listSessions({ workshopId }: { workshopId: string }) {
  const sessions = await getDb().session.findMany({
    where: { workshopId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      title: true,
      description: true,
      room: true,
      capacity: true,
      facilitators: { select: { user: { select: { id: true, name: true } } }, orderBy: { user: { name: "asc" } } },
      _count: { select: { registrations: true } },
    },
  });
  return sessions.map(({ facilitators, _count, ...session }) => ({
    ...session,
    facilitators: facilitators.map((row) => row.user),
    registered: _count.registrations,
    seatsLeft: session.capacity === null ? null : Math.max(0, session.capacity - _count.registrations),
  }));
}

export async function createSession({ workshopId, actorId, fields }: { workshopId: string; actorId: string; fields: SessionFields }) {
  return getDb().$transaction(async (tx) => {
    const last = await tx.session.findFirst({ where: { workshopId }, orderBy: { position: "desc" }, select: { position: true } });
    const session = await tx.session.create({
      data: { workshopId, ...fields, position: (last?.position ?? -1) + 1 },
      select: { id: true },
    });
    await tx.auditLog.create({
      data: { workshopId, actorId, action: "session.create", subjectType: "Session", subjectId: session.id, data: { title: fields.title } },
    });
    return session;
  });
}

/**
 * Lowering the capacity below the number of people already registered would silently overbook the room, so it
 * is refused; the count is read in the same transaction as the change.
 */
export async function updateSession(input: { workshopId: string; sessionId: string; actorId: string; fields: SessionFields }): Promise<SessionChange> {
  const { workshopId, sessionId, actorId, fields } = input;
  return getDb().$transaction(async (tx) => {
    if (!(await lockSession(tx, { workshopId, sessionId }))) return { ok: false, reason: "notFound" } as const;
    if (fields.capacity !== null) {
      const registered = await tx.registration.count({ where: { sessionId, workshopId } });
      if (fields.capacity < registered) return { ok: false, reason: "capacityBelowRegistered", registered } as const;
    }
    await tx.session.update({ where: { id: sessionId, workshopId }, data: fields });
    await tx.auditLog.create({
      data: { workshopId, actorId, action: "session.update", subjectType: "Session", subjectId: sessionId, data: { ...fields } },
    });
    return { ok: true } as const;
  });
}

/** A session people registered for is kept: deleting it would drop their choice without telling them. */
export async function deleteSession({ workshopId, sessionId, actorId }: { workshopId: string; sessionId: string; actorId: string }): Promise<SessionChange> {
  return getDb().$transaction(async (tx) => {
    const session = await lockSession(tx, { workshopId, sessionId });
    if (!session) return { ok: false, reason: "notFound" } as const;
    const registered = await tx.registration.count({ where: { sessionId, workshopId } });
    if (registered > 0) return { ok: false, reason: "hasRegistrations", registered } as const;
    await tx.session.delete({ where: { id: sessionId, workshopId } });
    await tx.auditLog.create({
      data: { workshopId, actorId, action: "session.delete", subjectType: "Session", subjectId: sessionId, data: { title: session.title } },
    });
    return { ok: true } as const;
  });
}

/** The workshop's members, who are the people that can be asked to facilitate one of its sessions. */
export async function listFacilitatorCandidates({ workshopId }: { workshopId: string }) {
  const memberships = await getDb().membership.findMany({
    where: { workshopId },
    select: { role: true, user: { select: { id: true, name: true, email: true } } },
    orderBy: { user: { name: "asc" } },
  });
  return memberships.map(({ role, user }) => ({ ...user, role }));
}

/**
 * Only members of the workshop can facilitate one of its sessions. A participant asked to facilitate becomes a
 * facilitator of the workshop; other roles (an organiser, a rapporteur…) keep theirs, which already say more.
 */
export async function assignFacilitator(input: { workshopId: string; sessionId: string; userId: string; actorId: string }) {
  const { workshopId, sessionId, userId, actorId } = input;
  return getDb().$transaction(async (tx) => {
    const session = await tx.session.findFirst({ where: { id: sessionId, workshopId }, select: { id: true } });
    if (!session) return { ok: false, reason: "notFound" } as const;
    const membership = await tx.membership.findUnique({ where: { workshopId_userId: { workshopId, userId } }, select: { id: true, role: true } });
    if (!membership) return { ok: false, reason: "notMember" } as const;
    if (membership.role === "PARTICIPANT") {
      await tx.membership.update({ where: { id: membership.id }, data: { role: "FACILITATOR" } });
    }
    await tx.sessionFacilitator.upsert({
      where: { sessionId_userId: { sessionId, userId } },
      create: { sessionId, userId },
      update: {},
    });
    await tx.auditLog.create({
      data: { workshopId, actorId, action: "session.facilitator.assign", subjectType: "Session", subjectId: sessionId, data: { userId } },
    });
    return { ok: true } as const;
  });
}

export async function unassignFacilitator(input: { workshopId: string; sessionId: string; userId: string; actorId: string }) {
  const { workshopId, sessionId, userId, actorId } = input;
  const db = getDb();
  return db.$transaction(async (tx) => {
    const removed = await tx.sessionFacilitator.deleteMany({ where: { sessionId, userId, session: { workshopId } } });
    if (removed.count === 0) return { ok: false, reason: "notFound" } as const;
    await tx.auditLog.create({
      data: { workshopId, actorId, action: "session.facilitator.unassign", subjectType: "Session", subjectId: sessionId, data: { userId } },
    });
    return { ok: true } as const;
  });
}

