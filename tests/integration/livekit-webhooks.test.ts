import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { LIVEKIT_SECRET, participantEvent, signWebhook, useLiveKitEnv } from "../support/livekit";
import { useLiveWorkshop } from "../support/live";

// Webhooks are checked with livekit-server-sdk's WebhookReceiver; the deliveries are signed here as LiveKit signs them.
useLiveKitEnv(() => "wss://livekit.majlis.test");
const live = useLiveWorkshop();

const userId = async (email: string) => (await getDb().user.findUniqueOrThrow({ where: { email } })).id;
const roomName = (room: string) => `majlis.${live.workshopId}.${room}`;
const videoAttendance = () => getDb().attendanceEvent.findMany({ where: { workshopId: live.workshopId, source: "VIDEO" }, orderBy: { at: "asc" } });

function deliver(body: string, authorization?: string) {
  return fetch(`${live.url}/api/livekit/webhook`, {
    method: "POST",
    headers: { "Content-Type": "application/webhook+json", ...(authorization ? { Authorization: authorization } : {}) },
    body,
  });
}

afterEach(async () => {
  await getDb().attendanceEvent.deleteMany({ where: { workshopId: live.workshopId } });
  await getDb().callRecording.deleteMany({ where: { workshopId: live.workshopId } });
});

describe("LiveKit webhooks", () => {
  it("records a participant joining and leaving a room's call as video attendance, once per event", async () => {
    const hicham = await userId("hicham.ouazzani@majlis.test");
    const joined = participantEvent("participant_joined", roomName(live.sessions[0]), hicham);
    const response = await deliver(joined, await signWebhook(joined));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, outcome: "recorded" });
    // LiveKit retries a delivery it thinks failed: the same event is not recorded twice.
    const again = await deliver(joined, await signWebhook(joined));
    expect(await again.json()).toMatchObject({ outcome: "duplicate" });
    const left = participantEvent("participant_left", roomName(live.sessions[0]), hicham);
    expect((await deliver(left, await signWebhook(left))).status).toBe(200);

    expect(await videoAttendance()).toMatchObject([
      { userId: hicham, room: live.sessions[0], kind: "JOIN", mode: "IN_PERSON", source: "VIDEO" },
      { userId: hicham, room: live.sessions[0], kind: "LEAVE", mode: "IN_PERSON", source: "VIDEO" },
    ]);
  });

  it("refuses a delivery without a signature, with another secret's, with a changed body, or a stale one, and records nothing", async () => {
    const salma = await userId("salma.bennani@majlis.test");
    const body = participantEvent("participant_joined", roomName(live.sessions[0]), salma);
    const tampered = body.replace(live.sessions[0], live.sessions[1]);
    const attempts = [
      await deliver(body),
      await deliver(body, await signWebhook(body, { secret: `${LIVEKIT_SECRET}-not` })),
      await deliver(tampered, await signWebhook(body)),
      await deliver(body, await signWebhook(body, { signedAt: new Date(Date.now() - 30 * 60_000) })),
      await deliver(body, "not-a-token"),
    ];
    for (const response of attempts) {
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: "invalidSignature" });
    }
    expect(await videoAttendance()).toEqual([]);
  });

  it("ignores rooms that are not ours, strangers, and the room's laptop (not a person)", async () => {
    const facilitator = await userId("facilitateur@majlis.test");
    const bodies = [
      participantEvent("participant_joined", "someone-elses-room", facilitator),
      participantEvent("participant_joined", roomName(live.sessions[0]), "c000000000000000000000000"),
      participantEvent("participant_joined", roomName(live.sessions[0]), `${facilitator}#room`),
      participantEvent("participant_joined", `majlis.${live.workshopId}.c000000000000000000000000`, facilitator),
    ];
    for (const body of bodies) {
      const response = await deliver(body, await signWebhook(body));
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ outcome: "ignored" });
    }
    expect(await videoAttendance()).toEqual([]);
  });

  it("follows a recording through egress reports: where the file is once it ended", async () => {
    const facilitator = await userId("facilitateur@majlis.test");
    await getDb().callRecording.create({
      data: { workshopId: live.workshopId, room: live.sessions[0], egressId: "EG_webhook", status: "ACTIVE", startedById: facilitator },
    });
    const body = JSON.stringify({
      event: "egress_ended",
      id: "EV_egress",
      createdAt: String(Math.floor(Date.now() / 1000)),
      egressInfo: { egressId: "EG_webhook", roomName: roomName(live.sessions[0]), status: "EGRESS_COMPLETE", fileResults: [{ filename: "a.mp4", location: "s3://majlis/a.mp4" }] },
    });
    expect((await deliver(body, await signWebhook(body))).status).toBe(200);
    expect(await getDb().callRecording.findUniqueOrThrow({ where: { egressId: "EG_webhook" } })).toMatchObject({
      status: "ENDED",
      location: "s3://majlis/a.mp4",
      endedAt: expect.any(Date),
    });
  });
});
