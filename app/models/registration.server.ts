import { newToken } from "~/auth/tokens.server";
import { getDb } from "~/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import type { AttendanceMode } from "~/generated/prisma/enums";
import { findWorkshopRole } from "~/models/access.server";
import { modesOffered } from "~/utils/attendance";
import { matchesSearch } from "~/utils/search-text";

type Tx = Prisma.TransactionClient;

/** Why a registration (or a change of it) was refused; each has its own message for the person. */
export type RegistrationRefusal =
  | "sessionFull"
  | "alreadyRegistered"
  | "sessionRequired"
  | "unknownSession"
  | "modeNotOffered";

export type RegistrationOutcome = { ok: true; registrationId: string } | { ok: false; reason: RegistrationRefusal };

export interface RegistrationChoice {
  workshopId: string;
  userId: string;
  mode: AttendanceMode;
  /** Null when the workshop has no parallel sessions. */
  sessionId: string | null;
}

/** 12 random bytes: unguessable, and short enough to read aloud or type at the door. */
const CHECK_IN_CODE_BYTES = 12;

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** What the registration form offers: the workshop's format and its sessions with the seats already taken. */
export async function getRegistrationOptions({ workshopId }: { workshopId: string }) {
  const workshop = await getDb().workshop.findUnique({
    where: { id: workshopId },
    select: {
      id: true,
      title: true,
      format: true,
      status: true,
      timezone: true,
      sessions: {
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        select: { id: true, title: true, room: true, capacity: true, _count: { select: { registrations: true } } },
      },
    },
  });
  if (!workshop) return null;
  const { sessions, ...rest } = workshop;
  return {
    ...rest,
    modes: modesOffered(workshop.format),
    sessions: sessions.map(({ _count, ...session }) => ({
      ...session,
      taken: _count.registrations,
      full: session.capacity !== null && _count.registrations >= session.capacity,
    })),
  };
}

export type RegistrationOptions = NonNullable<Awaited<ReturnType<typeof getRegistrationOptions>>>;
export type SessionOption = RegistrationOptions["sessions"][number];

async function checkChoice(
  tx: Tx,
  { workshopId, mode, sessionId }: { workshopId: string; mode: AttendanceMode; sessionId: string | null }
): Promise<RegistrationRefusal | null> {
  const workshop = await tx.workshop.findUnique({
    where: { id: workshopId },
    select: { format: true, _count: { select: { sessions: true } } },
  });
  if (!workshop) return "unknownSession";
  if (!modesOffered(workshop.format).includes(mode)) return "modeNotOffered";
  if (workshop._count.sessions > 0 && !sessionId) return "sessionRequired";
  if (workshop._count.sessions === 0 && sessionId) return "unknownSession";
  return null;
}

/**
 * Takes a seat in the session, or says why not. The session row stays locked until the transaction ends, so two
 * people asking for the last seat at the same moment are served one after the other: the second one counts the
 * first one's registration and is refused.
 */
async function claimSeat(
  tx: Tx,
  { workshopId, sessionId, registrationId }: { workshopId: string; sessionId: string; registrationId?: string }
): Promise<RegistrationRefusal | null> {
  const rows = await tx.$queryRaw<Array<{ capacity: number | null }>>`
    SELECT "capacity" FROM "Session" WHERE "id" = ${sessionId} AND "workshopId" = ${workshopId} FOR UPDATE`;
  if (rows.length === 0) return "unknownSession";
  const { capacity } = rows[0];
  if (capacity === null) return null;
  // Capacity counts everyone in the session, in the room or remote: it is the size of the discussion group.
  const taken = await tx.registration.count({
    where: { workshopId, sessionId, ...(registrationId ? { id: { not: registrationId } } : {}) },
  });
  return taken < capacity ? null : "sessionFull";
}

/**
 * Registers a person inside a transaction that the caller opened (joining in the room creates the guest account
 * in the same transaction). They become a participant of the workshop unless they already hold a role in it, their
 * own or their institution's.
 */
export async function registerInTransaction(tx: Tx, choice: RegistrationChoice): Promise<RegistrationOutcome> {
  const { workshopId, userId, mode, sessionId } = choice;
  const refusal = await checkChoice(tx, choice);
  if (refusal) return { ok: false, reason: refusal };
  const existing = await tx.registration.findUnique({
    where: { workshopId_userId: { workshopId, userId } },
    select: { id: true },
  });
  if (existing) return { ok: false, reason: "alreadyRegistered" };
  if (sessionId) {
    const seatRefusal = await claimSeat(tx, { workshopId, sessionId });
    if (seatRefusal) return { ok: false, reason: seatRefusal };
  }
  const registration = await tx.registration.create({
    data: { workshopId, userId, mode, sessionId, checkInCode: newToken(CHECK_IN_CODE_BYTES) },
    select: { id: true },
  });
  // Someone who already acts through their institution (a co-organiser…) keeps that role: a personal membership as
  // a mere participant would override it.
  if ((await findWorkshopRole({ workshopId, userId, db: tx })) === null) {
    await tx.membership.create({ data: { workshopId, userId, role: "PARTICIPANT" } });
  }
  return { ok: true, registrationId: registration.id };
}

export async function registerForWorkshop(choice: RegistrationChoice): Promise<RegistrationOutcome> {
  try {
    return await getDb().$transaction((tx) => registerInTransaction(tx, choice));
  } catch (error) {
    // Two submissions of the same person racing each other: the unique (workshop, user) index stops the second.
    if (isUniqueViolation(error)) return { ok: false, reason: "alreadyRegistered" };
    throw error;
  }
}

/** Changes mode and session of an existing registration; a new session must still have a free seat. */
export async function changeRegistration(choice: RegistrationChoice): Promise<RegistrationOutcome | null> {
  const { workshopId, userId, mode, sessionId } = choice;
  return getDb().$transaction(async (tx) => {
    const registration = await tx.registration.findUnique({
      where: { workshopId_userId: { workshopId, userId } },
      select: { id: true, sessionId: true },
    });
    if (!registration) return null;
    const refusal = await checkChoice(tx, choice);
    if (refusal) return { ok: false, reason: refusal };
    if (sessionId && sessionId !== registration.sessionId) {
      const seatRefusal = await claimSeat(tx, { workshopId, sessionId, registrationId: registration.id });
      if (seatRefusal) return { ok: false, reason: seatRefusal };
    }
    await tx.registration.update({ where: { id: registration.id }, data: { mode, sessionId } });
    return { ok: true, registrationId: registration.id };
  });
}

/** Frees the seat; the person keeps their role in the workshop so they can still follow it. */
export async function cancelRegistration({ workshopId, userId }: { workshopId: string; userId: string }) {
  const { count } = await getDb().registration.deleteMany({ where: { workshopId, userId } });
  return count > 0;
}

const registrationSelect = {
  id: true,
  mode: true,
  checkInCode: true,
  checkedInAt: true,
  createdAt: true,
  sessionId: true,
  session: { select: { id: true, title: true, room: true } },
  user: { select: { id: true, name: true, email: true } },
  checkedInBy: { select: { name: true } },
} as const;

export async function getOwnRegistration({ workshopId, userId }: { workshopId: string; userId: string }) {
  return getDb().registration.findUnique({
    where: { workshopId_userId: { workshopId, userId } },
    select: registrationSelect,
  });
}

export interface RegistrationFilters {
  query?: string;
  mode?: AttendanceMode;
  sessionId?: string;
  checkedIn?: boolean;
}

/**
 * The workshop's registrations, filtered. The name search runs here rather than in SQL so that it ignores
 * accents and Arabic vowel marks without needing a PostgreSQL extension; a workshop has hundreds of people,
 * not millions.
 */
export async function listRegistrations({
  workshopId,
  filters = {},
}: {
  workshopId: string;
  filters?: RegistrationFilters;
}) {
  const rows = await getDb().registration.findMany({
    where: {
      workshopId,
      ...(filters.mode ? { mode: filters.mode } : {}),
      ...(filters.sessionId ? { sessionId: filters.sessionId } : {}),
      ...(filters.checkedIn === undefined ? {} : { checkedInAt: filters.checkedIn ? { not: null } : null }),
    },
    select: registrationSelect,
    orderBy: [{ user: { name: "asc" } }, { createdAt: "asc" }],
  });
  const query = filters.query?.trim();
  return query ? rows.filter((row) => matchesSearch(query, [row.user.name, row.user.email])) : rows;
}

export type RegistrationRow = Awaited<ReturnType<typeof listRegistrations>>[number];

/** What the organiser's screens show of a registration: who, how they attend, where, and when they came in. */
export function registrantView(row: RegistrationRow) {
  return {
    name: row.user.name,
    email: row.user.email,
    mode: row.mode,
    session: row.session?.title ?? null,
    checkedInAt: row.checkedInAt,
  };
}

/** Head counts for the organiser: per session and per mode, and how many already came through the door. */
export async function countRegistrations({ workshopId }: { workshopId: string }) {
  const db = getDb();
  const [groups, checkedInGroups, sessions] = await Promise.all([
    db.registration.groupBy({ by: ["sessionId", "mode"], where: { workshopId }, _count: { _all: true } }),
    db.registration.groupBy({
      by: ["mode"],
      where: { workshopId, checkedInAt: { not: null } },
      _count: { _all: true },
    }),
    db.session.findMany({
      where: { workshopId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true, title: true, capacity: true },
    }),
  ]);
  const count = (predicate: (group: (typeof groups)[number]) => boolean) =>
    groups.filter(predicate).reduce((sum, group) => sum + group._count._all, 0);
  return {
    total: count(() => true),
    byMode: { IN_PERSON: count((g) => g.mode === "IN_PERSON"), REMOTE: count((g) => g.mode === "REMOTE") },
    checkedIn: checkedInGroups.reduce((sum, group) => sum + group._count._all, 0),
    bySession: sessions.map((session) => ({
      ...session,
      inPerson: count((g) => g.sessionId === session.id && g.mode === "IN_PERSON"),
      remote: count((g) => g.sessionId === session.id && g.mode === "REMOTE"),
      total: count((g) => g.sessionId === session.id),
    })),
    withoutSession: count((g) => g.sessionId === null),
  };
}

export async function findRegistrationByCheckInCode({ workshopId, code }: { workshopId: string; code: string }) {
  return getDb().registration.findFirst({ where: { workshopId, checkInCode: code }, select: registrationSelect });
}

export async function findRegistration({ workshopId, registrationId }: { workshopId: string; registrationId: string }) {
  return getDb().registration.findFirst({ where: { workshopId, id: registrationId }, select: registrationSelect });
}

export type CheckInOutcome =
  | { status: "checkedIn"; checkedInAt: Date }
  | { status: "alreadyCheckedIn"; checkedInAt: Date; checkedInByName: string | null };

/** A change at the check-in desk: whose arrival, in which workshop, recorded by whom (for the audit log). */
interface CheckInChange {
  workshopId: string;
  registrationId: string;
  actorId: string;
}

/**
 * Records the arrival once: a second scan of the same code (two volunteers at the door) keeps the first time
 * and says so. Null when the registration is not one of this workshop's.
 */
export async function checkIn({ workshopId, registrationId, actorId }: CheckInChange): Promise<CheckInOutcome | null> {
  return getDb().$transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.registration.updateMany({
      where: { id: registrationId, workshopId, checkedInAt: null },
      data: { checkedInAt: now, checkedInById: actorId },
    });
    if (count === 1) {
      await tx.auditLog.create({
        data: {
          workshopId,
          actorId,
          action: "registration.checkIn",
          subjectType: "Registration",
          subjectId: registrationId,
        },
      });
      return { status: "checkedIn", checkedInAt: now };
    }
    const registration = await tx.registration.findFirst({
      where: { id: registrationId, workshopId },
      select: { checkedInAt: true, checkedInBy: { select: { name: true } } },
    });
    if (!registration?.checkedInAt) return null;
    return {
      status: "alreadyCheckedIn",
      checkedInAt: registration.checkedInAt,
      checkedInByName: registration.checkedInBy?.name ?? null,
    };
  });
}

/** Undoes a check-in made by mistake (the wrong person in the list); the audit log keeps both steps. */
export async function undoCheckIn({ workshopId, registrationId, actorId }: CheckInChange) {
  return getDb().$transaction(async (tx) => {
    const registration = await tx.registration.findFirst({
      where: { id: registrationId, workshopId },
      select: { checkedInAt: true },
    });
    if (!registration) return false;
    if (registration.checkedInAt) {
      await tx.registration.update({ where: { id: registrationId }, data: { checkedInAt: null, checkedInById: null } });
      await tx.auditLog.create({
        data: {
          workshopId,
          actorId,
          action: "registration.checkInUndone",
          subjectType: "Registration",
          subjectId: registrationId,
          data: { checkedInAt: registration.checkedInAt.toISOString() },
        },
      });
    }
    return true;
  });
}
