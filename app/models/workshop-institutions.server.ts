import { getDb } from "~/db/client.server";
import type { InstitutionRole } from "~/generated/prisma/enums";

/**
 * The institutions taking part in a workshop besides its host (Workshop.organisationId), each with a role that its
 * people act with unless they hold a personal one (app/models/access.server.ts `findWorkshopRole`).
 */

/** The host and the participating institutions, with how many of each one's people are members of the workshop. */
export async function listWorkshopInstitutions({ workshopId }: { workshopId: string }) {
  const db = getDb();
  const [workshop, participations] = await Promise.all([
    db.workshop.findUnique({ where: { id: workshopId }, select: { organisation: { select: { id: true, name: true, country: true } } } }),
    db.workshopInstitution.findMany({
      where: { workshopId },
      orderBy: [{ organisation: { name: "asc" } }, { organisationId: "asc" }],
      select: { role: true, createdAt: true, organisation: { select: { id: true, name: true, country: true } } },
    }),
  ]);
  const host = workshop?.organisation ?? null;
  const ids = [...(host ? [host.id] : []), ...participations.map((row) => row.organisation.id)];
  const counts = await db.user.groupBy({
    by: ["organisationId"],
    where: { organisationId: { in: ids }, memberships: { some: { workshopId } } },
    _count: { _all: true },
  });
  const membersOf = (organisationId: string) => counts.find((row) => row.organisationId === organisationId)?._count._all ?? 0;
  return {
    host: host ? { ...host, members: membersOf(host.id) } : null,
    institutions: participations.map(({ organisation, ...row }) => ({ ...row, ...organisation, members: membersOf(organisation.id) })),
  };
}

/** The institutions that may still be added: every one on the platform but the host and those already in. */
export async function listAddableInstitutions({ workshopId }: { workshopId: string }) {
  const workshop = await getDb().workshop.findUnique({ where: { id: workshopId }, select: { organisationId: true } });
  return getDb().organisation.findMany({
    where: {
      workshopParticipations: { none: { workshopId } },
      ...(workshop?.organisationId ? { id: { not: workshop.organisationId } } : {}),
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, country: true },
  });
}

export type InstitutionChange = { ok: true; name: string } | { ok: false; reason: "notFound" | "host" | "alreadyIn" };

export async function addWorkshopInstitution(input: {
  workshopId: string;
  organisationId: string;
  role: InstitutionRole;
  actorId: string;
}): Promise<InstitutionChange> {
  const { workshopId, organisationId, role, actorId } = input;
  return getDb().$transaction(async (tx) => {
    const [workshop, organisation] = await Promise.all([
      tx.workshop.findUnique({ where: { id: workshopId }, select: { organisationId: true } }),
      tx.organisation.findUnique({ where: { id: organisationId }, select: { name: true } }),
    ]);
    if (!workshop || !organisation) return { ok: false, reason: "notFound" } as const;
    // The host's people already act through their own memberships; a role on top would say nothing clear.
    if (workshop.organisationId === organisationId) return { ok: false, reason: "host" } as const;
    const created = await tx.workshopInstitution.createMany({ data: [{ workshopId, organisationId, role, addedById: actorId }], skipDuplicates: true });
    if (created.count === 0) return { ok: false, reason: "alreadyIn" } as const;
    await tx.auditLog.create({
      data: { workshopId, actorId, action: "institution.add", subjectType: "Organisation", subjectId: organisationId, data: { role } },
    });
    return { ok: true, name: organisation.name } as const;
  });
}

export async function changeWorkshopInstitutionRole(input: {
  workshopId: string;
  organisationId: string;
  role: InstitutionRole;
  actorId: string;
}): Promise<InstitutionChange> {
  const { workshopId, organisationId, role, actorId } = input;
  return getDb().$transaction(async (tx) => {
    const current = await tx.workshopInstitution.findUnique({
      where: { workshopId_organisationId: { workshopId, organisationId } },
      select: { role: true, organisation: { select: { name: true } } },
    });
    const changed = await tx.workshopInstitution.updateMany({ where: { workshopId, organisationId }, data: { role } });
    if (!current || changed.count === 0) return { ok: false, reason: "notFound" } as const;
    await tx.auditLog.create({
      data: { workshopId, actorId, action: "institution.role", subjectType: "Organisation", subjectId: organisationId, data: { from: current.role, to: role } },
    });
    return { ok: true, name: current.organisation.name } as const;
  });
}

/** Its people lose the role they held through it at once; personal memberships stay. */
export async function removeWorkshopInstitution(input: { workshopId: string; organisationId: string; actorId: string }): Promise<InstitutionChange> {
  const { workshopId, organisationId, actorId } = input;
  return getDb().$transaction(async (tx) => {
    const current = await tx.workshopInstitution.findUnique({
      where: { workshopId_organisationId: { workshopId, organisationId } },
      select: { role: true, organisation: { select: { name: true } } },
    });
    const removed = await tx.workshopInstitution.deleteMany({ where: { workshopId, organisationId } });
    if (!current || removed.count === 0) return { ok: false, reason: "notFound" } as const;
    await tx.auditLog.create({
      data: { workshopId, actorId, action: "institution.remove", subjectType: "Organisation", subjectId: organisationId, data: { role: current.role } },
    });
    return { ok: true, name: current.organisation.name } as const;
  });
}
