import { hashToken, newToken } from "~/auth/tokens.server";
import { getDb } from "~/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import type { InstitutionFields } from "~/institutions/forms";
import { mayListMemberNames } from "~/institutions/permissions";
import type { Viewer } from "~/peers/visibility";
import { readablePracticesWhere } from "~/practices/access";
import { refreshPracticeSearchText } from "./practices.server";

/**
 * A person added by an admin has no password yet: their set-password link is their way in, handed over or mailed
 * like a workshop invitation, so it lives as long as one (a forgotten-password link lives an hour).
 */
const WELCOME_LINK_TTL_MS = 7 * 24 * 60 * 60 * 1000;

type Tx = Prisma.TransactionClient;

/** Published practices of an institution that this viewer may read: the only ones its pages count or list. */
function publishedReadableBy(viewer: Viewer): Prisma.PracticeWhereInput {
  return { AND: [readablePracticesWhere(viewer), { status: "PUBLISHED" }] };
}

/** Every institution on the platform, by name, with how many of its published practices the viewer may read. */
export async function listInstitutions({ viewer }: { viewer: Viewer }) {
  const db = getDb();
  const [organisations, counts] = await Promise.all([
    db.organisation.findMany({ select: { id: true, name: true, country: true, mission: true }, orderBy: { name: "asc" } }),
    db.practice.groupBy({ by: ["organisationId"], where: publishedReadableBy(viewer), _count: { _all: true } }),
  ]);
  const practicesOf = new Map(counts.map((row) => [row.organisationId, row._count._all]));
  return organisations.map((organisation) => ({ ...organisation, publishedPractices: practicesOf.get(organisation.id) ?? 0 }));
}

const profileFields = {
  id: true,
  name: true,
  country: true,
  mission: true,
  website: true,
  contactName: true,
  contactEmail: true,
} as const;

/** The fields an admin edits, as stored. */
export async function getInstitution({ organisationId }: { organisationId: string }) {
  return getDb().organisation.findUnique({ where: { id: organisationId }, select: profileFields });
}

/**
 * An institution's public profile as this viewer may see it: its people's names only for its own people, and only
 * the practices (its own, and those it adopted) that the viewer may read.
 */
export async function getInstitutionProfile({ organisationId, viewer }: { organisationId: string; viewer: Viewer }) {
  const db = getDb();
  const organisation = await db.organisation.findUnique({ where: { id: organisationId }, select: profileFields });
  if (!organisation) return null;
  const [peopleCount, people, practices, adoptions] = await Promise.all([
    db.user.count({ where: { organisationId } }),
    mayListMemberNames(viewer, organisationId)
      ? db.user.findMany({ where: { organisationId }, select: { id: true, name: true }, orderBy: { name: "asc" } })
      : Promise.resolve(null),
    db.practice.findMany({
      where: { AND: [{ organisationId }, publishedReadableBy(viewer)] },
      select: { id: true, title: true, country: true, publishedAt: true },
      orderBy: [{ publishedAt: "desc" }, { title: "asc" }],
    }),
    db.practiceAdoption.findMany({
      where: { organisationId, practice: { is: readablePracticesWhere(viewer) } },
      select: {
        id: true,
        createdAt: true,
        practice: { select: { id: true, title: true, organisation: { select: { id: true, name: true } } } },
      },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  return { organisation, peopleCount, people, practices, adoptions };
}

export async function createInstitution({ actorId, fields }: { actorId: string; fields: InstitutionFields }) {
  return getDb().$transaction(async (tx) => {
    const organisation = await tx.organisation.create({ data: fields, select: { id: true } });
    await audit(tx, { organisationId: organisation.id, actorId, action: "organisation.created", data: { name: fields.name } });
    return organisation;
  });
}

/** Returns false when there is no such institution. */
export async function updateInstitution({ organisationId, actorId, fields }: { organisationId: string; actorId: string; fields: InstitutionFields }) {
  const changed = await getDb().$transaction(async (tx) => {
    const before = await tx.organisation.findUnique({ where: { id: organisationId }, select: profileFields });
    if (!before) return false;
    await tx.organisation.update({ where: { id: organisationId }, data: fields });
    const fieldsChanged = (Object.keys(fields) as Array<keyof InstitutionFields>).filter((key) => before[key] !== fields[key]);
    await audit(tx, { organisationId, actorId, action: "organisation.updated", data: { changed: fieldsChanged } });
    return fieldsChanged;
  });
  if (changed === false) return false;
  // Its practices are found by the institution's name too.
  if (changed.includes("name")) await refreshPracticeSearchText({ organisationId });
  return true;
}

/** Its people, admins first, then by name. */
export async function listInstitutionPeople({ organisationId }: { organisationId: string }) {
  return getDb().user.findMany({
    where: { organisationId },
    select: { id: true, name: true, email: true, organisationAdmin: true },
    orderBy: [{ organisationAdmin: "desc" }, { name: "asc" }],
  });
}

export type AddColleagueOutcome =
  | { kind: "attached"; name: string }
  | { kind: "moved"; name: string }
  | { kind: "created"; name: string; email: string; token: string }
  | { kind: "alreadyMember"; name: string }
  | { kind: "otherInstitution" }
  | { kind: "nameRequired" };

/**
 * Adds a person to the institution by e-mail. An account without an institution is attached; an account of
 * another institution is refused unless the actor is a platform moderator who asked to move it (moving people
 * between institutions is theirs to decide, and the person then leaves their former admin rights behind). An unknown
 * address becomes an account of the institution, without a password: the returned token is its set-password link.
 */
export async function addColleague(input: {
  organisationId: string;
  actorId: string;
  email: string;
  name: string | undefined;
  move: boolean;
}): Promise<AddColleagueOutcome> {
  try {
    return await getDb().$transaction((tx) => addColleagueIn(tx, input));
  } catch (error) {
    // Someone created the account meanwhile: the same request now finds it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return getDb().$transaction((tx) => addColleagueIn(tx, input));
    }
    throw error;
  }
}

async function addColleagueIn(
  tx: Tx,
  { organisationId, actorId, email, name, move }: { organisationId: string; actorId: string; email: string; name: string | undefined; move: boolean },
): Promise<AddColleagueOutcome> {
  const existing = await tx.user.findUnique({ where: { email }, select: { id: true, name: true, organisationId: true } });
  if (existing?.organisationId === organisationId) return { kind: "alreadyMember", name: existing.name };
  if (existing?.organisationId) {
    const actor = await tx.user.findUniqueOrThrow({ where: { id: actorId }, select: { platformModerator: true } });
    if (!(move && actor.platformModerator)) return { kind: "otherInstitution" };
    await tx.user.update({ where: { id: existing.id }, data: { organisationId, organisationAdmin: false } });
    await audit(tx, { organisationId, actorId, action: "organisation.member_moved", data: { userId: existing.id, from: existing.organisationId } });
    return { kind: "moved", name: existing.name };
  }
  if (existing) {
    await tx.user.update({ where: { id: existing.id }, data: { organisationId, organisationAdmin: false } });
    await audit(tx, { organisationId, actorId, action: "organisation.member_added", data: { userId: existing.id } });
    return { kind: "attached", name: existing.name };
  }
  if (!name) return { kind: "nameRequired" };
  const user = await tx.user.create({ data: { email, name, organisationId }, select: { id: true } });
  const token = newToken();
  await tx.passwordReset.create({ data: { userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + WELCOME_LINK_TTL_MS) } });
  await audit(tx, { organisationId, actorId, action: "organisation.member_created", data: { userId: user.id } });
  return { kind: "created", name, email, token };
}

export type PersonChange = { ok: true; name: string } | { ok: false; reason: "notMember" | "lastAdmin" };

/**
 * Grants or revokes an institution's admin right. Only people of this institution are touched, whatever id is
 * posted. An admin may not give up the right when nobody else holds it: the institution would have no voice left.
 */
export async function setInstitutionAdmin(input: { organisationId: string; userId: string; admin: boolean; actorId: string }): Promise<PersonChange> {
  const { organisationId, userId, admin, actorId } = input;
  return getDb().$transaction(async (tx) => {
    const person = await lockedPerson(tx, { organisationId, userId });
    if (!person) return { ok: false, reason: "notMember" } as const;
    if (!admin && (await isLastAdminLeaving(tx, { organisationId, person, userId, actorId }))) return { ok: false, reason: "lastAdmin" } as const;
    await tx.user.update({ where: { id: userId }, data: { organisationAdmin: admin } });
    await audit(tx, { organisationId, actorId, action: admin ? "organisation.admin_granted" : "organisation.admin_revoked", data: { userId } });
    return { ok: true, name: person.name } as const;
  });
}

/** Takes a person out of the institution (their account stays); the same last-admin rule as above. */
export async function removeFromInstitution(input: { organisationId: string; userId: string; actorId: string }): Promise<PersonChange> {
  const { organisationId, userId, actorId } = input;
  return getDb().$transaction(async (tx) => {
    const person = await lockedPerson(tx, { organisationId, userId });
    if (!person) return { ok: false, reason: "notMember" } as const;
    if (await isLastAdminLeaving(tx, { organisationId, person, userId, actorId })) return { ok: false, reason: "lastAdmin" } as const;
    await tx.user.update({ where: { id: userId }, data: { organisationId: null, organisationAdmin: false } });
    await audit(tx, { organisationId, actorId, action: "organisation.member_removed", data: { userId } });
    return { ok: true, name: person.name } as const;
  });
}

/**
 * Locks the institution's admins (and the person) so that two admins stepping down at once wait for each other
 * and cannot both pass the last-admin check.
 */
async function lockedPerson(tx: Tx, { organisationId, userId }: { organisationId: string; userId: string }) {
  await tx.$queryRaw`SELECT id FROM "User" WHERE "organisationId" = ${organisationId} AND ("organisationAdmin" OR id = ${userId}) FOR UPDATE`;
  return tx.user.findFirst({ where: { id: userId, organisationId }, select: { name: true, organisationAdmin: true } });
}

async function isLastAdminLeaving(
  tx: Tx,
  { organisationId, person, userId, actorId }: { organisationId: string; person: { organisationAdmin: boolean }; userId: string; actorId: string },
) {
  if (userId !== actorId || !person.organisationAdmin) return false;
  const otherAdmins = await tx.user.count({ where: { organisationId, organisationAdmin: true, id: { not: userId } } });
  return otherAdmins === 0;
}

async function audit(tx: Tx, entry: { organisationId: string; actorId: string; action: string; data: Prisma.InputJsonObject }) {
  await tx.auditLog.create({
    data: { actorId: entry.actorId, action: entry.action, subjectType: "organisation", subjectId: entry.organisationId, data: entry.data },
  });
}
