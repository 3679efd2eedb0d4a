import { describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { PLENARY } from "~/live/protocol";
import type { TimerView } from "~/live/timer-clock";
import type { TimerEvent, TimersState } from "~/live/tools-protocol";
import { LiveClient, useLiveWorkshop } from "../support/live";

const live = useLiveWorkshop({ cleanUp: (workshopId) => getDb().liveTimer.deleteMany({ where: { workshopId } }) });
const joinAs = async (email: string, room: string) => (await live.joinAs(email, room)).client;

const MINUTE = 60_000;
const storedTimers = () => getDb().liveTimer.findMany({ where: { workshopId: live.workshopId }, orderBy: { scope: "asc" } });

/** Sends a timer request and returns the timer it answered with, with the server-clock window it happened in. */
async function timed(client: LiveClient, event: string, payload: unknown) {
  const before = Date.now();
  const answer = await client.request<TimerEvent>(event, payload);
  const after = Date.now();
  if (!answer.ok) throw new Error(`${event} refused: ${answer.error}`);
  return { timer: answer.data.timer as TimerView, before, after };
}

describe("timers", () => {
  it("a facilitator's timer runs in their session only, and latecomers find it in the snapshot", async () => {
    const facilitator = await joinAs("facilitateur@majlis.test", live.sessions[0]);
    const participant = await joinAs("hicham.ouazzani@majlis.test", live.sessions[0]);
    const elsewhere = await joinAs("rachid.elmansouri@majlis.test", live.sessions[1]);

    const { timer, before, after } = await timed(facilitator, "timer:start", { durationMs: 5 * MINUTE, scope: "room" });
    expect(timer).toMatchObject({ scope: "room", durationMs: 5 * MINUTE, remainingMs: null });
    expect(timer.endsAt).toBeGreaterThanOrEqual(before + 5 * MINUTE);
    expect(timer.endsAt).toBeLessThanOrEqual(after + 5 * MINUTE);

    expect(await participant.next<TimerEvent>("timer:state")).toEqual({ scope: "room", timer });
    await expect(elsewhere.next("timer:state", () => true, 500)).rejects.toThrow();

    const late = await live.connectAs("salma.bennani@majlis.test");
    expect((await late.join(live.workshopId, live.sessions[0])).features.timers).toEqual({ room: timer, allSessions: null });
    const otherLate = await live.connectAs("imane.kettani@majlis.test");
    expect((await otherLate.join(live.workshopId, live.sessions[1])).features.timers).toEqual({ room: null, allSessions: null });
  });

  it("an organiser's all-sessions timer reaches every session, the plenary included", async () => {
    const organiser = await joinAs("organisatrice@majlis.test", PLENARY);
    const session1 = await joinAs("hicham.ouazzani@majlis.test", live.sessions[0]);
    const session2 = await joinAs("rachid.elmansouri@majlis.test", live.sessions[1]);
    const plenary = await joinAs("rapporteur@majlis.test", PLENARY);

    const { timer } = await timed(organiser, "timer:start", { durationMs: 20 * MINUTE, scope: "allSessions" });
    for (const client of [session1, session2, plenary]) {
      expect(await client.next<TimerEvent>("timer:state")).toEqual({ scope: "allSessions", timer });
    }
    const late = await live.connectAs("imane.kettani@majlis.test");
    expect((await late.join(live.workshopId, live.sessions[1])).features.timers).toEqual({ room: null, allSessions: timer });
    expect(await storedTimers()).toMatchObject([{ scope: "all", durationMs: 20 * MINUTE }]);

    // A session's own timer does not replace the all-sessions one: both are kept, the room shows its own first.
    const facilitator = await joinAs("facilitatrice@majlis.test", live.sessions[1]);
    const own = await timed(facilitator, "timer:start", { durationMs: 3 * MINUTE, scope: "room" });
    const again = await live.connectAs("participante@majlis.test");
    expect((await again.join(live.workshopId, live.sessions[1])).features.timers).toEqual({ room: own.timer, allSessions: timer });

    await organiser.request("timer:stop", { scope: "allSessions" });
    expect(await session2.next<TimerEvent>("timer:state", (event) => event.timer === null)).toEqual({ scope: "allSessions", timer: null });
    expect(await storedTimers()).toMatchObject([{ scope: live.sessions[1] }]);
  });

  it("refuses the all-sessions timer to a session's facilitator, and any timer to a participant, changing nothing", async () => {
    const organiser = await joinAs("organisatrice@majlis.test", PLENARY);
    const facilitator = await joinAs("facilitateur@majlis.test", live.sessions[0]);
    const participant = await joinAs("hicham.ouazzani@majlis.test", live.sessions[0]);
    const observer = await joinAs("observateur@majlis.test", live.sessions[0]);

    expect(await facilitator.request("timer:start", { durationMs: MINUTE, scope: "allSessions" })).toEqual({ ok: false, error: "forbidden" });
    expect(await participant.request("timer:start", { durationMs: MINUTE, scope: "room" })).toEqual({ ok: false, error: "forbidden" });
    expect(await observer.request("timer:start", { durationMs: MINUTE, scope: "room" })).toEqual({ ok: false, error: "forbidden" });
    expect(await storedTimers()).toEqual([]);

    const { timer } = await timed(organiser, "timer:start", { durationMs: 10 * MINUTE, scope: "allSessions" });
    for (const event of ["timer:pause", "timer:stop"]) {
      expect(await facilitator.request(event, { scope: "allSessions" })).toEqual({ ok: false, error: "forbidden" });
    }
    expect(await facilitator.request("timer:extend", { scope: "allSessions", ms: MINUTE })).toEqual({ ok: false, error: "forbidden" });
    expect(await participant.request("timer:pause", { scope: "room" })).toEqual({ ok: false, error: "forbidden" });
    expect(await storedTimers()).toMatchObject([{ scope: "all", endsAt: new Date(timer.endsAt!), remainingMs: null }]);
  });

  it("refuses invalid durations and malformed timer events", async () => {
    const facilitator = await joinAs("facilitateur@majlis.test", live.sessions[0]);
    for (const payload of [
      { durationMs: 9_999, scope: "room" },
      { durationMs: 4 * 60 * MINUTE + 1, scope: "room" },
      { durationMs: 60_000.5, scope: "room" },
      { durationMs: -MINUTE, scope: "room" },
      { durationMs: "60000", scope: "room" },
      { durationMs: MINUTE },
      { durationMs: MINUTE, scope: "everyone" },
      { durationMs: MINUTE, scope: "room", extra: 1 },
      null,
    ]) {
      expect(await facilitator.request("timer:start", payload)).toEqual({ ok: false, error: "invalidPayload" });
    }
    expect(await facilitator.request("timer:extend", { scope: "room", ms: 0 })).toEqual({ ok: false, error: "invalidPayload" });
    expect(await facilitator.request("timer:extend", { scope: "room", ms: "60000" })).toEqual({ ok: false, error: "invalidPayload" });
    expect(await facilitator.request("timer:pause", {})).toEqual({ ok: false, error: "invalidPayload" });
    expect(await storedTimers()).toEqual([]);
    // Changing a timer that is not there is refused as unknown.
    expect(await facilitator.request("timer:pause", { scope: "room" })).toEqual({ ok: false, error: "notFound" });
    expect(await facilitator.request("timer:stop", { scope: "room" })).toEqual({ ok: false, error: "notFound" });
  });

  it("pauses, resumes and extends by the server's clock, the same for every client", async () => {
    // Session 2's facilitator: session 1's has just spent their allowance of requests on malformed ones.
    const facilitator = await joinAs("facilitatrice@majlis.test", live.sessions[1]);
    const participant = await joinAs("imane.kettani@majlis.test", live.sessions[1]);

    const started = await timed(facilitator, "timer:start", { durationMs: 5 * MINUTE, scope: "room" });
    const startedAt = started.timer.endsAt! - 5 * MINUTE;

    // Paused: what is left is frozen, and is what was left when the pause arrived.
    const paused = await timed(facilitator, "timer:pause", { scope: "room" });
    expect(paused.timer.endsAt).toBeNull();
    expect(paused.timer.remainingMs).toBeLessThanOrEqual(5 * MINUTE - (paused.before - startedAt));
    expect(paused.timer.remainingMs).toBeGreaterThanOrEqual(5 * MINUTE - (paused.after - startedAt));
    expect(await participant.next<TimerEvent>("timer:state", (event) => event.timer?.endsAt === null)).toEqual({ scope: "room", timer: paused.timer });
    // Pausing again changes nothing.
    expect((await timed(facilitator, "timer:pause", { scope: "room" })).timer).toEqual(paused.timer);

    // Extended while paused: exactly one more minute, and the whole length grows with it.
    const extended = await timed(facilitator, "timer:extend", { scope: "room", ms: MINUTE });
    expect(extended.timer).toEqual({ scope: "room", endsAt: null, remainingMs: paused.timer.remainingMs! + MINUTE, durationMs: 6 * MINUTE });

    // Resumed: runs on from what was left, from the moment of resuming.
    const resumed = await timed(facilitator, "timer:resume", { scope: "room" });
    const left = extended.timer.remainingMs!;
    expect(resumed.timer.remainingMs).toBeNull();
    expect(resumed.timer.endsAt).toBeGreaterThanOrEqual(resumed.before + left);
    expect(resumed.timer.endsAt).toBeLessThanOrEqual(resumed.after + left);

    // Extending a running timer moves its end by exactly that much, either way.
    const later = await timed(facilitator, "timer:extend", { scope: "room", ms: 2 * MINUTE });
    expect(later.timer.endsAt).toBe(resumed.timer.endsAt! + 2 * MINUTE);
    const sooner = await timed(facilitator, "timer:extend", { scope: "room", ms: -MINUTE });
    expect(sooner.timer.endsAt).toBe(later.timer.endsAt! - MINUTE);

    // Taking away more than is left ends it now, never below zero.
    const ended = await timed(facilitator, "timer:extend", { scope: "room", ms: -60 * MINUTE });
    expect(ended.timer.endsAt).toBeGreaterThanOrEqual(ended.before);
    expect(ended.timer.endsAt).toBeLessThanOrEqual(ended.after);
    const [row] = await storedTimers();
    expect(row.endsAt?.getTime()).toBe(ended.timer.endsAt);
    expect(await participant.next<TimerEvent>("timer:state", (event) => event.timer?.endsAt === ended.timer.endsAt)).toEqual({ scope: "room", timer: ended.timer });
  });
});
