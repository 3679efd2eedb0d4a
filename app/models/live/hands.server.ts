import { getDb } from "~/db/client.server";
import type { RoomKey } from "~/live/protocol";
import type { HandInQueue } from "~/live/tools-protocol";
import { personLabels } from "./person-labels.server";
import { PRESENCE_TTL_MS } from "./presence.server";

type Room = { workshopId: string; room: RoomKey };
type Hand = Room & { userId: string };

/** Raising an already raised hand keeps its place: a retry after a dropped connection must not send it to the back. */
export async function raiseHand({ workshopId, room, userId }: Hand) {
  await getDb().raisedHand.createMany({ data: [{ workshopId, room, userId }], skipDuplicates: true });
}

/** Returns whether a hand was raised. */
export async function lowerHand({ workshopId, room, userId }: Hand) {
  const { count } = await getDb().raisedHand.deleteMany({ where: { workshopId, room, userId } });
  return count > 0;
}

export async function lowerAllHands({ workshopId, room }: Room) {
  await getDb().raisedHand.deleteMany({ where: { workshopId, room } });
}

/**
 * Lowers the hand of someone who has no connection left in the room (their presence ends before this runs).
 * Someone following on a laptop and a phone keeps their place while one of them is still there. Returns whether
 * a hand was lowered.
 */
export async function lowerHandIfAbsent({ workshopId, room, userId }: Hand) {
  const db = getDb();
  const connections = await db.livePresence.count({
    where: { workshopId, room, userId, lastSeenAt: { gte: new Date(Date.now() - PRESENCE_TTL_MS) } },
  });
  if (connections > 0) return false;
  return lowerHand({ workshopId, room, userId });
}

export async function listHandQueue({ workshopId, room }: Room): Promise<HandInQueue[]> {
  const hands = await getDb().raisedHand.findMany({
    where: { workshopId, room },
    orderBy: [{ raisedAt: "asc" }, { userId: "asc" }],
  });
  const labels = await personLabels({ workshopId, userIds: hands.map((hand) => hand.userId) });
  return hands.flatMap((hand) => {
    const person = labels.get(hand.userId);
    return person ? [{ userId: hand.userId, name: person.name, mode: person.mode, raisedAt: hand.raisedAt.toISOString() }] : [];
  });
}
