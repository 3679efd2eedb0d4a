import { getDb } from "~/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import type { WorkshopFormat, WorkshopStatus } from "~/generated/prisma/enums";
import { effectiveWorkshopRole } from "~/utils/roles";
import { generateJoinCode } from "./join-code.server";

const listSelect = {
  id: true,
  title: true,
  startsAt: true,
  endsAt: true,
  timezone: true,
  venue: true,
  format: true,
  status: true,
} as const;

/**
 * The workshops a person sees on the home page: theirs (any status, including those their institution takes part
 * in) and the published ones.
 */
export async function listWorkshopsForHome({ userId }: { userId: string | null }) {
  const db = getDb();
  const organisationId = userId ? ((await db.user.findUnique({ where: { id: userId }, select: { organisationId: true } }))?.organisationId ?? null) : null;
  const mine = userId
    ? await db.workshop.findMany({
        where: { OR: [{ memberships: { some: { userId } } }, ...(organisationId ? [{ institutions: { some: { organisationId } } }] : [])] },
        select: {
          ...listSelect,
          memberships: { where: { userId }, select: { role: true } },
          institutions: { where: { organisationId: organisationId ?? "" }, select: { role: true } },
        },
        orderBy: { startsAt: "desc" },
      })
    : [];
  const open = await db.workshop.findMany({
    where: { status: "PUBLISHED", id: { notIn: mine.map((w) => w.id) } },
    select: listSelect,
    orderBy: { startsAt: "desc" },
    take: 50,
  });
  return {
    mine: mine.map(({ memberships, institutions, ...workshop }) => ({
      ...workshop,
      role: effectiveWorkshopRole(memberships[0]?.role ?? null, institutions[0]?.role ?? null),
    })),
    open,
  };
}

/** Creating a workshop is for institution staff (User.canOrganise); they become its first organiser. */
export async function canCreateWorkshops({ userId }: { userId: string }) {
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { canOrganise: true } });
  return user?.canOrganise ?? false;
}

export interface WorkshopFields {
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  venue: string;
  format: WorkshopFormat;
  languages: string[];
}

const JOIN_CODE_ATTEMPTS = 8;

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * A new DRAFT workshop whose creator is its first organiser. The join code is random; on the rare collision with
 * an existing code the whole creation is retried with a new one, so no half-created workshop is left behind.
 * `fill` adds what the workshop starts with (a template's sessions, agenda, boards…) in the same transaction.
 */
export async function createWorkshop({
  userId,
  fields,
  templateId = null,
  fill,
  newJoinCode = generateJoinCode,
}: {
  userId: string;
  fields: WorkshopFields;
  /** The template it is made from. */
  templateId?: string | null;
  fill?: (tx: Prisma.TransactionClient, workshopId: string) => Promise<void>;
  /** Where join codes come from; tests pass a fixed sequence to exercise a collision. */
  newJoinCode?: () => string;
}) {
  const db = getDb();
  const creator = await db.user.findUnique({ where: { id: userId }, select: { organisationId: true } });
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.$transaction(async (tx) => {
        const workshop = await tx.workshop.create({
          data: {
            ...fields,
            status: "DRAFT",
            joinCode: newJoinCode(),
            createdById: userId,
            organisationId: creator?.organisationId ?? null,
            templateId,
            memberships: { create: { userId, role: "ORGANISER" } },
          },
          select: { id: true, joinCode: true },
        });
        await fill?.(tx, workshop.id);
        await tx.auditLog.create({
          data: {
            workshopId: workshop.id,
            actorId: userId,
            action: "workshop.create",
            subjectType: "Workshop",
            subjectId: workshop.id,
            data: { title: fields.title, ...(templateId ? { templateId } : {}) },
          },
        });
        return workshop;
      });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= JOIN_CODE_ATTEMPTS) throw error;
    }
  }
}

export async function updateWorkshop({ workshopId, actorId, fields }: { workshopId: string; actorId: string; fields: WorkshopFields }) {
  const db = getDb();
  await db.$transaction([
    db.workshop.update({ where: { id: workshopId }, data: fields }),
    db.auditLog.create({
      data: { workshopId, actorId, action: "workshop.update", subjectType: "Workshop", subjectId: workshopId, data: { title: fields.title } },
    }),
  ]);
}

export async function setWorkshopStatus({ workshopId, actorId, status }: { workshopId: string; actorId: string; status: WorkshopStatus }) {
  const db = getDb();
  await db.$transaction([
    db.workshop.update({ where: { id: workshopId }, data: { status } }),
    db.auditLog.create({
      data: {
        workshopId,
        actorId,
        action: status === "PUBLISHED" ? "workshop.publish" : "workshop.unpublish",
        subjectType: "Workshop",
        subjectId: workshopId,
      },
    }),
  ]);
}

/** What every page of a workshop shows at the top, and what the forms of its organisers need. */
export async function getWorkshop({ workshopId }: { workshopId: string }) {
  return getDb().workshop.findUnique({
    where: { id: workshopId },
    select: {
      id: true,
      title: true,
      description: true,
      startsAt: true,
      endsAt: true,
      timezone: true,
      venue: true,
      format: true,
      languages: true,
      status: true,
      joinCode: true,
      supportsPerPerson: true,
    },
  });
}
