import { getDb } from "~/db/client.server";
import type { AgendaItemView, RoomKey } from "~/live/protocol";
import { PLENARY } from "~/live/protocol";

export async function getStage({ workshopId }: { workshopId: string }) {
  const state = await getDb().liveState.findUnique({ where: { workshopId } });
  return state?.stage ?? "PLENARY";
}

export async function setStage({ workshopId, stage }: { workshopId: string; stage: "PLENARY" | "PARALLEL" }) {
  await getDb().liveState.upsert({ where: { workshopId }, create: { workshopId, stage }, update: { stage } });
}

/** The item a facilitator marked as current, otherwise the one whose time it is (plenary items for the plenary). */
export async function currentAgendaItem({ workshopId, room, now = new Date() }: { workshopId: string; room: RoomKey; now?: Date }): Promise<AgendaItemView | null> {
  const db = getDb();
  const state = await db.liveRoomState.findUnique({ where: { workshopId_room: { workshopId, room } } });
  const sessionId = room === PLENARY ? null : room;
  const item = state?.currentAgendaItemId
    ? await db.agendaItem.findFirst({ where: { id: state.currentAgendaItemId, workshopId } })
    : await db.agendaItem.findFirst({ where: { workshopId, sessionId, startsAt: { lte: now }, endsAt: { gt: now } }, orderBy: { startsAt: "desc" } });
  return item ? { id: item.id, title: item.title, startsAt: item.startsAt.toISOString(), endsAt: item.endsAt.toISOString() } : null;
}

/** Marks an agenda item of this room (or null: follow the clock) as the current one. */
export async function setCurrentAgendaItem({ workshopId, room, agendaItemId }: { workshopId: string; room: RoomKey; agendaItemId: string | null }) {
  const db = getDb();
  if (agendaItemId) {
    const item = await db.agendaItem.findFirst({ where: { id: agendaItemId, workshopId, sessionId: room === PLENARY ? null : room } });
    if (!item) return false;
  }
  await db.liveRoomState.upsert({
    where: { workshopId_room: { workshopId, room } },
    create: { workshopId, room, currentAgendaItemId: agendaItemId },
    update: { currentAgendaItemId: agendaItemId },
  });
  return true;
}

/** Every agenda item of a room, for the facilitator to pick the current one. */
export async function listRoomAgenda({ workshopId, room }: { workshopId: string; room: RoomKey }) {
  const items = await getDb().agendaItem.findMany({
    where: { workshopId, sessionId: room === PLENARY ? null : room },
    orderBy: { startsAt: "asc" },
  });
  return items.map((item) => ({ id: item.id, title: item.title, startsAt: item.startsAt.toISOString(), endsAt: item.endsAt.toISOString() }));
}
