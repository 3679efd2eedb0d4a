import { describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import type { HandsState } from "~/live/tools-protocol";
import { useLiveWorkshop } from "../support/live";

const live = useLiveWorkshop({ cleanUp: (workshopId) => getDb().raisedHand.deleteMany({ where: { workshopId } }) });
async function joinAs(email: string, room: string) {
  const { client, snapshot } = await live.joinAs(email, room);
  return { client, snapshot, userId: snapshot.self.userId };
}

const names = (state: HandsState) => state.queue.map((hand) => hand.name);
const handsInDb = (room: string) =>
  getDb().raisedHand.findMany({ where: { workshopId: live.workshopId, room }, orderBy: { raisedAt: "asc" }, select: { userId: true } });

describe("raised hands", () => {
  it("queues hands in the order they were raised, per session, and everyone sees the queue", async () => {
    const facilitator = await joinAs("facilitateur@majlis.test", live.sessions[0]);
    const hicham = await joinAs("hicham.ouazzani@majlis.test", live.sessions[0]);
    const salma = await joinAs("salma.bennani@majlis.test", live.sessions[0]);
    const mehdi = await joinAs("mehdi.berrada@majlis.test", live.sessions[0]);
    const rachid = await joinAs("rachid.elmansouri@majlis.test", live.sessions[1]);

    expect(await salma.client.request("hand:raise")).toMatchObject({ ok: true });
    expect(await hicham.client.request("hand:raise")).toMatchObject({ ok: true });
    expect(await mehdi.client.request("hand:raise")).toMatchObject({ ok: true });
    // Session 2 has its own queue.
    const other = await rachid.client.request<HandsState>("hand:raise");
    expect(other.ok && names(other.data)).toEqual(["Rachid El Mansouri"]);

    const seen = await facilitator.client.next<HandsState>("hand:queue", (state) => state.queue.length === 3);
    expect(names(seen)).toEqual(["Salma Bennani", "Hicham Ouazzani", "Mehdi Berrada"]);
    expect(seen.queue.map((hand) => hand.mode)).toEqual(["REMOTE", "IN_PERSON", "IN_PERSON"]);
    expect(facilitator.client.events.some((e) => e.event === "hand:queue" && names(e.payload as HandsState).includes("Rachid El Mansouri"))).toBe(false);

    // Raising again keeps one's place (a retry after a dropped connection).
    const again = await salma.client.request<HandsState>("hand:raise");
    expect(again.ok && names(again.data)).toEqual(["Salma Bennani", "Hicham Ouazzani", "Mehdi Berrada"]);

    // A participant who joins later finds the queue in the snapshot and sees their place in it.
    const lateMehdi = await live.connectAs("mehdi.berrada@majlis.test");
    const snapshot = await lateMehdi.join(live.workshopId, live.sessions[0]);
    const hands = snapshot.features.hands as HandsState;
    expect(hands.queue.findIndex((hand) => hand.userId === snapshot.self.userId) + 1).toBe(3);
    const session2 = await joinAs("imane.kettani@majlis.test", live.sessions[1]);
    expect(names(session2.snapshot.features.hands as HandsState)).toEqual(["Rachid El Mansouri"]);
  });

  it("refuses a participant lowering someone else's hand, and lowering all, changing nothing", async () => {
    const hicham = await joinAs("hicham.ouazzani@majlis.test", live.sessions[0]);
    const salma = await joinAs("salma.bennani@majlis.test", live.sessions[0]);
    await hicham.client.request("hand:raise");
    await salma.client.request("hand:raise");

    expect(await salma.client.request("hand:lower", { userId: hicham.userId })).toEqual({ ok: false, error: "forbidden" });
    expect(await salma.client.request("hand:lowerAll")).toEqual({ ok: false, error: "forbidden" });
    expect(await handsInDb(live.sessions[0])).toEqual([{ userId: hicham.userId }, { userId: salma.userId }]);

    // Their own hand, they may lower.
    const lowered = await salma.client.request<HandsState>("hand:lower");
    expect(lowered.ok && names(lowered.data)).toEqual(["Hicham Ouazzani"]);
  });

  it("an observer follows the queue but cannot raise a hand", async () => {
    const observer = await joinAs("observateur@majlis.test", live.sessions[0]);
    expect(await observer.client.request("hand:raise")).toEqual({ ok: false, error: "forbidden" });
    expect(await handsInDb(live.sessions[0])).toEqual([]);
  });

  it("a facilitator lowers one hand, then all of them, in their room only", async () => {
    const facilitator = await joinAs("facilitateur@majlis.test", live.sessions[0]);
    const hicham = await joinAs("hicham.ouazzani@majlis.test", live.sessions[0]);
    const salma = await joinAs("salma.bennani@majlis.test", live.sessions[0]);
    const mehdi = await joinAs("mehdi.berrada@majlis.test", live.sessions[0]);
    const rachid = await joinAs("rachid.elmansouri@majlis.test", live.sessions[1]);
    for (const person of [hicham, salma, mehdi, rachid]) await person.client.request("hand:raise");

    const afterOne = await facilitator.client.request<HandsState>("hand:lower", { userId: salma.userId });
    expect(afterOne.ok && names(afterOne.data)).toEqual(["Hicham Ouazzani", "Mehdi Berrada"]);
    // Salma sees her hand go down.
    await salma.client.next<HandsState>("hand:queue", (state) => names(state).join() === "Hicham Ouazzani,Mehdi Berrada");

    // Rachid's hand is in another room: lowering it from session 1 touches nothing there.
    await facilitator.client.request("hand:lower", { userId: rachid.userId });
    expect(await handsInDb(live.sessions[1])).toEqual([{ userId: rachid.userId }]);

    expect(await facilitator.client.request("hand:lowerAll")).toEqual({ ok: true, data: { queue: [] } });
    await hicham.client.next<HandsState>("hand:queue", (state) => state.queue.length === 0);
    expect(await handsInDb(live.sessions[0])).toEqual([]);
    expect(await handsInDb(live.sessions[1])).toEqual([{ userId: rachid.userId }]);
  });

  it("keeps a hand while the person is still connected on another device, lowers it when their last connection leaves", async () => {
    const facilitator = await joinAs("facilitateur@majlis.test", live.sessions[0]);
    const laptop = await joinAs("salma.bennani@majlis.test", live.sessions[0]);
    const phone = await joinAs("salma.bennani@majlis.test", live.sessions[0]);
    await laptop.client.request("hand:raise");

    // The room hears of a leave only once every clean-up of it, hands included, is done.
    facilitator.client.events.splice(0);
    laptop.client.close();
    await facilitator.client.next("presence:changed");
    expect(await handsInDb(live.sessions[0])).toEqual([{ userId: laptop.userId }]);

    phone.client.close();
    const seen = await facilitator.client.next<HandsState>("hand:queue", (state) => state.queue.length === 0);
    expect(seen.queue).toEqual([]);
    expect(await handsInDb(live.sessions[0])).toEqual([]);
  });

  it("lowers a hand when its owner moves on to another room", async () => {
    const hicham = await joinAs("hicham.ouazzani@majlis.test", live.sessions[0]);
    await hicham.client.request("hand:raise");
    await hicham.client.join(live.workshopId, "plenary");
    expect(await handsInDb(live.sessions[0])).toEqual([]);
  });

  it("refuses malformed hand events", async () => {
    const facilitator = await joinAs("facilitateur@majlis.test", live.sessions[0]);
    expect(await facilitator.client.request("hand:lower", { userId: 42 })).toEqual({ ok: false, error: "invalidPayload" });
    expect(await facilitator.client.request("hand:lower", { userId: "x", extra: true })).toEqual({ ok: false, error: "invalidPayload" });
    expect(await facilitator.client.request("hand:raise", "please")).toEqual({ ok: false, error: "invalidPayload" });
    const outside = await live.connectAs("salma.bennani@majlis.test");
    expect(await outside.request("hand:raise")).toEqual({ ok: false, error: "notInRoom" });
  });
});
