import { getDb } from "~/db/client.server";

/** The agenda of a workshop: time blocks, plenary (no session) or within one of its parallel sessions. */

export interface AgendaItemFields {
  title: string;
  startsAt: Date;
  endsAt: Date;
  sessionId: string | null;
}

export type AgendaChange = { ok: true } | { ok: false; reason: "notFound" | "unknownSession" };

export async function listAgendaItems({ workshopId }: { workshopId: string }) {
  return getDb().agendaItem.findMany({
    where: { workshopId },
    orderBy: [{ startsAt: "asc" }, { endsAt: "asc" }],
    select: { id: true, title: true, startsAt: true, endsAt: true, sessionId: true },
  });
}

async function sessionIsOfWorkshop(tx: Pick<ReturnType<typeof getDb>, "session">, workshopId: string, sessionId: string | null) {
  if (sessionId === null) return true;
  return (await tx.session.count({ where: { id: sessionId, workshopId } })) === 1;
}

export async function createAgendaItem({ workshopId, actorId, fields }: { workshopId: string; actorId: string; fields: AgendaItemFields }): Promise<AgendaChange> {
  return getDb().$transaction(async (tx) => {
    if (!(await sessionIsOfWorkshop(tx, workshopId, fields.sessionId))) return { ok: false, reason: "unknownSession" } as const;
    const item = await tx.agendaItem.create({ data: { workshopId, ...fields }, select: { id: true } });
    await tx.auditLog.create({
      data: { workshopId, actorId, action: "agenda.create", subjectType: "AgendaItem", subjectId: item.id, data: { title: fields.title } },
    });
    return { ok: true } as const;
  });
}

export async function updateAgendaItem(input: { workshopId: string; itemId: string; actorId: string; fields: AgendaItemFields }): Promise<AgendaChange> {
  const { workshopId, itemId, actorId, fields } = input;
  return getDb().$transaction(async (tx) => {
    const item = await tx.agendaItem.findFirst({ where: { id: itemId, workshopId }, select: { id: true } });
    if (!item) return { ok: false, reason: "notFound" } as const;
    if (!(await sessionIsOfWorkshop(tx, workshopId, fields.sessionId))) return { ok: false, reason: "unknownSession" } as const;
    await tx.agendaItem.update({ where: { id: itemId, workshopId }, data: fields });
    await tx.auditLog.create({
      data: { workshopId, actorId, action: "agenda.update", subjectType: "AgendaItem", subjectId: itemId, data: { title: fields.title } },
    });
    return { ok: true } as const;
  });
}

export async function deleteAgendaItem({ workshopId, itemId, actorId }: { workshopId: string; itemId: string; actorId: string }): Promise<AgendaChange> {
  return getDb().$transaction(async (tx) => {
    const removed = await tx.agendaItem.deleteMany({ where: { id: itemId, workshopId } });
    if (removed.count === 0) return { ok: false, reason: "notFound" } as const;
    await tx.auditLog.create({
      data: { workshopId, actorId, action: "agenda.delete", subjectType: "AgendaItem", subjectId: itemId },
    });
    return { ok: true } as const;
  });
}
