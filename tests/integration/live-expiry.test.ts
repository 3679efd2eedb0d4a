import { expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { PRESENCE_TTL_MS } from "~/models/live/presence.server";
import { LiveClient, useLiveWorkshop } from "../support/live";

// A short heartbeat so the test need not wait half a minute.
const live = useLiveWorkshop({ server: { live: { heartbeatMs: 100 } } });

it("treats the connections of a server process that died as gone: presence ends, hands come down, attendance records it", async () => {
  const db = getDb();
  const ghost = await db.user.findUniqueOrThrow({ where: { email: "mehdi.berrada@majlis.test" } });
  const longAgo = new Date(Date.now() - PRESENCE_TTL_MS - 60_000);
  await db.livePresence.create({
    data: { connectionId: "dead-node-connection", workshopId: live.workshopId, room: live.sessions[0], userId: ghost.id, mode: "IN_PERSON", nodeId: "dead-node", lastSeenAt: longAgo },
  });
  await db.raisedHand.create({ data: { workshopId: live.workshopId, room: live.sessions[0], userId: ghost.id, raisedAt: longAgo } });

  const facilitator = await LiveClient.signedIn(live.url, "facilitateur@majlis.test");
  await facilitator.join(live.workshopId, live.sessions[0]);
  await expect.poll(() => db.livePresence.count({ where: { connectionId: "dead-node-connection" } }), { timeout: 5000 }).toBe(0);
  await expect.poll(() => db.raisedHand.count({ where: { userId: ghost.id } }), { timeout: 5000 }).toBe(0);
  expect(await db.attendanceEvent.count({ where: { userId: ghost.id, kind: "LEAVE", room: live.sessions[0] } })).toBe(1);
  facilitator.close();
});
