import { afterAll, beforeAll, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { PRESENCE_TTL_MS } from "~/models/live/presence.server";
import { createServer, loadServerBuild, type RunningServer } from "../../realtime/server";
import { seedDemo } from "../support/demo";
import { LiveClient } from "../support/live";

let workshopId: string;
let sessionId: string;
let server: RunningServer;
beforeAll(async () => {
  workshopId = await seedDemo();
  sessionId = (await getDb().session.findFirstOrThrow({ where: { workshopId }, orderBy: { position: "asc" } })).id;
  // A short heartbeat so the test need not wait half a minute.
  server = await createServer({ port: 0, host: "127.0.0.1", build: await loadServerBuild(), live: { heartbeatMs: 100 } });
});
afterAll(async () => {
  await server.close();
});

it("treats the connections of a server process that died as gone: presence ends, hands come down, attendance records it", async () => {
  const db = getDb();
  const ghost = await db.user.findUniqueOrThrow({ where: { email: "mehdi.berrada@majlis.test" } });
  const longAgo = new Date(Date.now() - PRESENCE_TTL_MS - 60_000);
  await db.livePresence.create({
    data: { connectionId: "dead-node-connection", workshopId, room: sessionId, userId: ghost.id, mode: "IN_PERSON", nodeId: "dead-node", lastSeenAt: longAgo },
  });
  await db.raisedHand.create({ data: { workshopId, room: sessionId, userId: ghost.id, raisedAt: longAgo } });

  const facilitator = await LiveClient.signedIn(server.url, "facilitateur@majlis.test");
  await facilitator.join(workshopId, sessionId);
  await expect.poll(() => db.livePresence.count({ where: { connectionId: "dead-node-connection" } }), { timeout: 5000 }).toBe(0);
  await expect.poll(() => db.raisedHand.count({ where: { userId: ghost.id } }), { timeout: 5000 }).toBe(0);
  expect(await db.attendanceEvent.count({ where: { userId: ghost.id, kind: "LEAVE", room: sessionId } })).toBe(1);
  facilitator.close();
});
