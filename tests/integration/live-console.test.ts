import { describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { PLENARY } from "~/live/protocol";
import type { ConsoleSummary } from "~/models/live/console.server";
import { HttpClient } from "../support/app";
import { LiveClient, useLiveWorkshop } from "../support/live";

const live = useLiveWorkshop();
const { connectAs } = live;

const userId = async (email: string) => (await getDb().user.findUniqueOrThrow({ where: { email } })).id;

async function summaryOf(client: LiveClient) {
  const answer = await client.request<ConsoleSummary>("console:summary");
  if (!answer.ok) throw new Error(`console:summary refused: ${answer.error}`);
  return answer.data;
}

describe("the organisers' console summary", () => {
  it("counts who is in each room, in person and remote, with their names", async () => {
    const organiser = await connectAs("organisatrice@majlis.test");
    await organiser.join(live.workshopId, PLENARY);
    for (const [email, room] of [
      ["hicham.ouazzani@majlis.test", live.sessions[0]], // in person
      ["mehdi.berrada@majlis.test", live.sessions[0]], // in person
      ["salma.bennani@majlis.test", live.sessions[0]], // remote
      ["rachid.elmansouri@majlis.test", live.sessions[1]], // in person
      ["imane.kettani@majlis.test", live.sessions[1]], // remote
      ["participante@majlis.test", live.sessions[1]], // remote
    ] as const) {
      await (await connectAs(email)).join(live.workshopId, room);
    }

    const summary = await summaryOf(organiser);
    expect(summary.stage).toBe("PLENARY");
    expect(summary.rooms.map((room) => room.key)).toEqual([PLENARY, ...live.sessions]);
    const [plenary, first, second] = summary.rooms;
    expect(plenary.counts).toEqual({ inPerson: 0, remote: 1 }); // the organiser, not registered: remote
    expect(first).toMatchObject({ title: expect.stringContaining("Session 1"), place: "Salle Al Andalous", counts: { inPerson: 2, remote: 1 } });
    expect(first.present.map((p) => p.name)).toEqual(["Hicham Ouazzani", "Mehdi Berrada", "Salma Bennani"]);
    expect(second.counts).toEqual({ inPerson: 1, remote: 2 });
    expect(second.present.map((p) => p.name)).toEqual(["Imane Kettani", "Leila Amrani", "Rachid El Mansouri"]);
  });

  it("shows raised hands in queue order, open help requests, the current item and timers of each room", async () => {
    const db = getDb();
    // People the previous test did not connect: leaving a room lowers one's hand, and those leaves may still be running.
    const [karim, fatima, hicham, imane] = await Promise.all(
      ["rapporteur@majlis.test", "comite@majlis.test", "hicham.ouazzani@majlis.test", "imane.kettani@majlis.test"].map(userId),
    );
    await db.raisedHand.createMany({
      data: [
        { workshopId: live.workshopId, room: live.sessions[0], userId: fatima, raisedAt: new Date(Date.now() - 60_000) },
        { workshopId: live.workshopId, room: live.sessions[0], userId: karim, raisedAt: new Date(Date.now() - 30_000) },
      ],
    });
    const help = await db.helpRequest.create({ data: { workshopId: live.workshopId, room: live.sessions[1], userId: imane } });
    await db.helpRequest.create({ data: { workshopId: live.workshopId, room: live.sessions[1], userId: hicham, resolvedAt: new Date() } });
    const item = await db.agendaItem.findFirstOrThrow({ where: { workshopId: live.workshopId, sessionId: live.sessions[1] }, orderBy: { startsAt: "asc" } });
    await db.liveRoomState.create({ data: { workshopId: live.workshopId, room: live.sessions[1], currentAgendaItemId: item.id } });
    const endsAt = new Date(Date.now() + 300_000);
    await db.liveTimer.createMany({
      data: [
        { workshopId: live.workshopId, scope: "all", durationMs: 600_000, endsAt, startedById: hicham },
        { workshopId: live.workshopId, scope: live.sessions[0], durationMs: 120_000, remainingMs: 45_000, startedById: hicham },
      ],
    });

    const organiser = await connectAs("organisatrice@majlis.test");
    await organiser.join(live.workshopId, PLENARY);
    const summary = await summaryOf(organiser);
    const [plenary, first, second] = summary.rooms;
    expect(first.hands.map((hand) => hand.name)).toEqual(["Fatima Zahra Alaoui", "Karim Tazi"]);
    expect(second.hands).toEqual([]);
    expect(second.helpRequests).toEqual([{ id: help.id, userId: imane, name: "Imane Kettani", createdAt: help.createdAt.toISOString() }]);
    expect(first.helpRequests).toEqual([]);
    expect(second.currentAgendaItem).toMatchObject({ id: item.id, title: item.title });
    expect(first.timer).toEqual({ durationMs: 120_000, endsAt: null, remainingMs: 45_000 });
    expect(plenary.timer).toBeNull();
    expect(summary.allSessionsTimer).toEqual({ durationMs: 600_000, endsAt: endsAt.toISOString(), remainingMs: null });

    await db.raisedHand.deleteMany({ where: { workshopId: live.workshopId } });
    await db.helpRequest.deleteMany({ where: { workshopId: live.workshopId } });
    await db.liveRoomState.deleteMany({ where: { workshopId: live.workshopId } });
    await db.liveTimer.deleteMany({ where: { workshopId: live.workshopId } });
  });

  it("nudges the console when someone arrives in any room", async () => {
    const organiser = await connectAs("organisatrice@majlis.test");
    await organiser.join(live.workshopId, PLENARY);
    await (await connectAs("rachid.elmansouri@majlis.test")).join(live.workshopId, live.sessions[1]);
    expect(await organiser.next("console:changed", (payload: { room: string }) => payload.room === live.sessions[1])).toEqual({ room: live.sessions[1] });
  });
});

describe("console events are for organisers only", () => {
  it("refuses the summary, moves and stage changes to participants and facilitators, and changes nothing", async () => {
    const hicham = await userId("hicham.ouazzani@majlis.test");
    const participant = await connectAs("salma.bennani@majlis.test");
    const facilitator = await connectAs("facilitateur@majlis.test");
    const moved = await connectAs("hicham.ouazzani@majlis.test");
    await participant.join(live.workshopId, live.sessions[0]);
    await facilitator.join(live.workshopId, live.sessions[0]);
    await moved.join(live.workshopId, live.sessions[0]);

    for (const client of [participant, facilitator]) {
      expect(await client.request("console:summary")).toEqual({ ok: false, error: "forbidden" });
      expect(await client.request("participant:move", { userId: hicham, toRoom: live.sessions[1] })).toEqual({ ok: false, error: "forbidden" });
      expect(await client.request("stage:set", { stage: "PARALLEL" })).toEqual({ ok: false, error: "forbidden" });
    }

    const registration = await getDb().registration.findFirstOrThrow({ where: { workshopId: live.workshopId, userId: hicham } });
    expect(registration.sessionId).toBe(live.sessions[0]);
    expect(await getDb().liveState.findUnique({ where: { workshopId: live.workshopId } })).toBeNull();
    expect(await getDb().auditLog.count({ where: { workshopId: live.workshopId, action: "live.participant_moved" } })).toBe(0);
    // Give a wrongly sent navigation the time to arrive before saying none came.
    expect(await participant.request("time:sync")).toMatchObject({ ok: true });
    expect(moved.events.filter((e) => e.event === "live:navigate" || e.event === "stage:changed")).toEqual([]);
  });

  it("refuses before joining a room, and malformed payloads", async () => {
    const organiser = await connectAs("organisatrice@majlis.test");
    expect(await organiser.request("console:summary")).toEqual({ ok: false, error: "notInRoom" });
    await organiser.join(live.workshopId, PLENARY);
    expect(await organiser.request("stage:set", { stage: "EVERYWHERE" })).toEqual({ ok: false, error: "invalidPayload" });
    expect(await organiser.request("participant:move", { userId: "x" })).toEqual({ ok: false, error: "invalidPayload" });
    expect(await organiser.request("participant:move", { userId: "x".repeat(500), toRoom: PLENARY })).toEqual({ ok: false, error: "invalidPayload" });
    expect(await organiser.request("console:summary", { extra: true })).toEqual({ ok: false, error: "invalidPayload" });
  });

  it("keeps the console page for organisers: 403 for a participant, redirect to sign in for strangers", async () => {
    const anonymous = new HttpClient(live.url);
    expect((await anonymous.get(`/workshops/${live.workshopId}/console`)).status).toBe(302);
    const participant = new HttpClient(live.url);
    await participant.signIn("salma.bennani@majlis.test", "majlis-demo-2023");
    expect((await participant.get(`/workshops/${live.workshopId}/console`)).status).toBe(403);
    const organiser = new HttpClient(live.url);
    await organiser.signIn("organisatrice@majlis.test", "majlis-demo-2023");
    const page = await organiser.get(`/workshops/${live.workshopId}/console`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Console de facilitation");
  });
});
