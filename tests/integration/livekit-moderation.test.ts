/**
 * Facilitators' actions on a room's call. No LiveKit server can run here, so the app is pointed at a stand-in for
 * one (tests/support/livekit.ts) that answers the Twirp endpoints livekit-server-sdk calls and records what it
 * received; these tests assert on what reached it, and that refused requests reach nothing.
 */
import { TokenVerifier } from "livekit-server-sdk";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { DEMO_PASSWORD } from "~/db/seed-demo.server";
import { PLENARY } from "~/live/protocol";
import { HttpClient } from "../support/app";
import { LIVEKIT_KEY, LIVEKIT_SECRET, useLiveKitStandIn } from "../support/livekit";
import { useLiveWorkshop } from "../support/live";

const liveKit = useLiveKitStandIn();
const live = useLiveWorkshop();

const userId = async (email: string) => (await getDb().user.findUniqueOrThrow({ where: { email } })).id;
const roomName = (room: string) => `majlis.${live.workshopId}.${room}`;
const roomPath = (room: string) => `/api/livekit/room?${new URLSearchParams(room === PLENARY ? { sessionId: PLENARY, workshopId: live.workshopId } : { sessionId: room })}`;

async function signedIn(email: string) {
  const http = new HttpClient(live.url);
  await http.signIn(email, DEMO_PASSWORD);
  return http;
}

function act(http: HttpClient, room: string, action: unknown) {
  return http.request(roomPath(room), { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(action) });
}

afterEach(async () => {
  liveKit.current.reset();
  const db = getDb();
  await db.callRemoval.deleteMany({ where: { workshopId: live.workshopId } });
  await db.callRecording.deleteMany({ where: { workshopId: live.workshopId } });
  await db.liveRoomState.deleteMany({ where: { workshopId: live.workshopId } });
});

describe("who may moderate", () => {
  it("refuses participants, observers, and a facilitator of another session, and calls nothing", async () => {
    const hicham = await userId("hicham.ouazzani@majlis.test");
    for (const [email, room] of [
      ["hicham.ouazzani@majlis.test", live.sessions[0]],
      ["observateur@majlis.test", live.sessions[0]],
      ["facilitatrice@majlis.test", live.sessions[0]],
      ["facilitateur@majlis.test", PLENARY],
    ] as const) {
      const http = await signedIn(email);
      for (const action of [
        { intent: "mute", identity: hicham, trackSid: "TR_mic" },
        { intent: "remove", identity: hicham },
        { intent: "publishing", allow: false },
        { intent: "recordingStart" },
      ]) {
        const response = await act(http, room, action);
        expect(response.status).toBe(403);
        expect(await response.json()).toMatchObject({ error: "forbidden" });
      }
    }
    expect(liveKit.current.calls).toEqual([]);
    expect(await getDb().callRemoval.count()).toBe(0);
    expect(await getDb().callRecording.count()).toBe(0);
  });

  it("refuses a session that does not exist, a malformed action, and a form post, with nothing called", async () => {
    const http = await signedIn("facilitateur@majlis.test");
    expect((await act(http, "c000000000000000000000000", { intent: "publishing", allow: false })).status).toBe(404);
    expect((await act(http, live.sessions[0], { intent: "mute", identity: "x" })).status).toBe(400);
    expect((await act(http, live.sessions[0], { intent: "explode" })).status).toBe(400);
    const form = await http.post(roomPath(live.sessions[0]), { intent: "recordingStart" });
    expect(form.status).toBe(400);
    expect(liveKit.current.calls).toEqual([]);
  });
});

describe("facilitators' actions reach LiveKit for their room only", () => {
  it("mutes a participant's microphone", async () => {
    const hicham = await userId("hicham.ouazzani@majlis.test");
    liveKit.current.rooms.set(roomName(live.sessions[0]), [{ identity: hicham, attributes: { role: "participant" } }]);
    const http = await signedIn("facilitateur@majlis.test");
    expect((await act(http, live.sessions[0], { intent: "mute", identity: hicham, trackSid: "TR_mic" })).status).toBe(200);

    const [call] = liveKit.current.received("MutePublishedTrack");
    expect(call.body).toEqual({ room: roomName(live.sessions[0]), identity: hicham, trackSid: "TR_mic", muted: true });
    expect(call.grants.video).toMatchObject({ roomAdmin: true, room: roomName(live.sessions[0]) });

    // Someone no longer in the call: LiveKit says so, and so does the answer.
    const gone = await act(http, live.sessions[0], { intent: "mute", identity: "someone-gone", trackSid: "TR_x" });
    expect(gone.status).toBe(404);
  });

  it("removes a participant from the call and keeps them out until a facilitator lets them back in", async () => {
    const salma = await userId("salma.bennani@majlis.test");
    liveKit.current.rooms.set(roomName(live.sessions[0]), [{ identity: salma, attributes: { role: "participant" } }]);
    const facilitator = await signedIn("facilitateur@majlis.test");
    const removed = await act(facilitator, live.sessions[0], { intent: "remove", identity: salma });
    expect(removed.status).toBe(200);
    expect(await removed.json()).toMatchObject({ removed: [{ userId: salma, name: "Salma Bennani" }] });

    const [call] = liveKit.current.received("RemoveParticipant");
    expect(call.body).toMatchObject({ room: roomName(live.sessions[0]), identity: salma });
    // The tokens Salma holds are revoked as of now, so her browser cannot slip back in with them.
    expect(Number(call.body.revokeTokenTs)).toBeGreaterThan(Date.now() / 1000 - 60);

    const salmaHttp = await signedIn("salma.bennani@majlis.test");
    expect((await salmaHttp.get(`/api/livekit/token?sessionId=${live.sessions[0]}`)).status).toBe(403);
    const audit = await getDb().auditLog.findFirst({ where: { workshopId: live.workshopId, action: "call.participant_removed", subjectId: salma } });
    expect(audit).not.toBeNull();

    expect((await act(facilitator, live.sessions[0], { intent: "readmit", userId: salma })).status).toBe(200);
    expect((await salmaHttp.get(`/api/livekit/token?sessionId=${live.sessions[0]}`)).status).toBe(200);
    expect((await act(facilitator, live.sessions[0], { intent: "readmit", userId: salma })).status).toBe(404);
  });

  it("does not remove a facilitator of the room, nor their room laptop, and records nothing", async () => {
    const nadia = await userId("facilitatrice@majlis.test");
    const organiser = await signedIn("organisatrice@majlis.test");
    for (const identity of [nadia, `${nadia}#room`]) {
      const response = await act(organiser, live.sessions[1], { intent: "remove", identity });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: "notRemovable" });
    }
    const stranger = await act(organiser, live.sessions[1], { intent: "remove", identity: "c000000000000000000000000" });
    expect(stranger.status).toBe(404);
    expect(liveKit.current.calls).toEqual([]);
    expect(await getDb().callRemoval.count()).toBe(0);
  });

  it("stops and allows participants publishing: in the call now, and in the tokens of those who join later", async () => {
    const [hicham, mehdi, youssef] = await Promise.all(["hicham.ouazzani@majlis.test", "mehdi.berrada@majlis.test", "facilitateur@majlis.test"].map(userId));
    liveKit.current.rooms.set(roomName(live.sessions[0]), [
      { identity: hicham, attributes: { role: "participant", device: "personal" } },
      { identity: mehdi, attributes: { role: "participant", device: "personal" } },
      { identity: youssef, attributes: { role: "facilitator", device: "personal" } },
      { identity: `${youssef}#room`, attributes: { role: "facilitator", device: "room" } },
    ]);
    const http = await signedIn("facilitateur@majlis.test");
    const stopped = await act(http, live.sessions[0], { intent: "publishing", allow: false });
    expect(stopped.status).toBe(200);
    expect(await stopped.json()).toMatchObject({ participantsPublish: false });

    expect(liveKit.current.received("ListParticipants").map((call) => call.body)).toEqual([{ room: roomName(live.sessions[0]) }]);
    const updates = liveKit.current.received("UpdateParticipant");
    expect(updates.map((call) => call.body.identity).sort()).toEqual([hicham, mehdi].sort());
    // Protobuf's JSON leaves out false values: LiveKit reads a missing canPublish as false.
    const permission = (body: Record<string, unknown>) => body.permission as { canPublish?: boolean; canSubscribe?: boolean; canPublishSources?: string[] };
    expect(updates[0].body.room).toBe(roomName(live.sessions[0]));
    expect(permission(updates[0].body)).toMatchObject({ canSubscribe: true });
    expect(permission(updates[0].body).canPublish ?? false).toBe(false);
    expect(permission(updates[0].body).canPublishSources ?? []).toEqual([]);

    const participant = await signedIn("mehdi.berrada@majlis.test");
    const token = (await (await participant.get(`/api/livekit/token?sessionId=${live.sessions[0]}`)).json()) as { token: string };
    expect((await new TokenVerifier(LIVEKIT_KEY, LIVEKIT_SECRET).verify(token.token)).video?.canPublish).toBe(false);

    liveKit.current.reset();
    liveKit.current.rooms.set(roomName(live.sessions[0]), [{ identity: hicham, attributes: { role: "participant", device: "personal" } }]);
    expect((await act(http, live.sessions[0], { intent: "publishing", allow: true })).status).toBe(200);
    const [allowed] = liveKit.current.received("UpdateParticipant");
    expect(allowed.body).toMatchObject({ identity: hicham, permission: { canPublish: true, canSubscribe: true, canPublishSources: ["CAMERA", "MICROPHONE"] } });
    expect((await (await http.get(roomPath(live.sessions[0]))).json()) as unknown).toMatchObject({ participantsPublish: true });
  });

  it("starts and stops the room's recording, lists it with the session, and refuses a second one meanwhile", async () => {
    const http = await signedIn("facilitateur@majlis.test");
    const started = await act(http, live.sessions[0], { intent: "recordingStart" });
    expect(started.status).toBe(200);
    const [start] = liveKit.current.received("StartRoomCompositeEgress");
    expect(start.body).toMatchObject({ roomName: roomName(live.sessions[0]), layout: "grid" });
    expect(JSON.stringify(start.body)).toContain(`majlis/${live.workshopId}/${live.sessions[0]}/`);
    expect(start.grants.video).toMatchObject({ roomRecord: true });

    const participant = await signedIn("salma.bennani@majlis.test");
    const listed = (await (await participant.get(roomPath(live.sessions[0]))).json()) as { recordings: Array<{ id: string; status: string; startedBy: string }> };
    expect(listed.recordings).toMatchObject([{ status: "STARTING", startedBy: "Youssef Benali", location: null }]);

    expect((await act(http, live.sessions[0], { intent: "recordingStart" })).status).toBe(409);
    expect(liveKit.current.received("StartRoomCompositeEgress").length).toBe(1);

    const stopped = await act(http, live.sessions[0], { intent: "recordingStop", recordingId: listed.recordings[0].id });
    expect(stopped.status).toBe(200);
    expect(liveKit.current.received("StopEgress").map((call) => call.body)).toEqual([{ egressId: "EG_standin1" }]);
    expect(await stopped.json()).toMatchObject({ recordings: [{ status: "ENDED", endedAt: expect.any(String) }] });
    // Another room's recording is not this room's to stop.
    const organiser = await signedIn("organisatrice@majlis.test");
    expect((await act(organiser, live.sessions[1], { intent: "recordingStop", recordingId: listed.recordings[0].id })).status).toBe(404);
  });

  it("says recording is unavailable when LiveKit has no egress, and records nothing", async () => {
    liveKit.current.failures.set("StartRoomCompositeEgress", { status: 503, code: "unavailable", msg: "egress not connected (redis required)" });
    const http = await signedIn("organisatrice@majlis.test");
    const response = await act(http, PLENARY, { intent: "recordingStart" });
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ error: "recordingUnavailable" });
    expect(await getDb().callRecording.count()).toBe(0);
  });
});
