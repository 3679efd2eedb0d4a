import { getDb } from "~/db/client.server";
import type { AttendanceMode } from "~/live/protocol";

/**
 * Names and attendance modes of some people of a workshop, for the lists the live room shows (hand queue, help
 * calls). The mode is the one they registered with, as in the room's presence; people without a registration
 * (organisers, facilitators) follow remotely unless they say otherwise.
 */
export async function personLabels({ workshopId, userIds }: { workshopId: string; userIds: string[] }) {
  const db = getDb();
  const [users, registrations] = await Promise.all([
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }),
    db.registration.findMany({ where: { workshopId, userId: { in: userIds } }, select: { userId: true, mode: true } }),
  ]);
  const modes = new Map(registrations.map((registration) => [registration.userId, registration.mode]));
  return new Map(
    users.map((user) => [user.id, { name: user.name, mode: (modes.get(user.id) ?? "REMOTE") as AttendanceMode }]),
  );
}
