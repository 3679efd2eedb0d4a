import { describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { PLENARY, type AgendaItemView } from "~/live/protocol";
import { createUser } from "~/models/user.server";
import { HttpClient } from "../support/app";
import { LiveClient, useLiveWorkshop } from "../support/live";

const live = useLiveWorkshop();
const { connectAs } = live;

const userId = async (email: string) => (await getDb().user.findUniqueOrThrow({ where: { email } })).id;
const sessionOf = async (email: string) =>
  (await getDb().registration.findFirstOrThrow({ where: { workshopId: live.workshopId, user: { email } }, select: { sessionId: true } })).sessionId;
const livePath = (room: string) => `/workshops/${live.workshopId}/live${room === PLENARY ? "" : `/${room}`}`;
type Navigate = { to: string };

/** A round trip on each client: what the server sent them before it has arrived by then. */
async function settle(...everyone: LiveClient[]) {
  await Promise.all(everyone.map((client) => client.request("time:sync")));
}
const navigations = (client: LiveClient) => client.events.filter((e) => e.event === "live:navigate").map((e) => e.payload);

describe("moving a participant to another session", () => {
  it("moves their registration and sends every device of theirs to the new room", async () => {
    const organiser = await connectAs("organisatrice@majlis.test");
    await organiser.join(live.workshopId, PLENARY);
    const phone = await connectAs("mehdi.berrada@majlis.test");
    const laptop = await connectAs("mehdi.berrada@majlis.test");
    await phone.join(live.workshopId, live.sessions[0]);
    await laptop.join(live.workshopId, PLENARY);
    const bystander = await connectAs("salma.bennani@majlis.test");
    await bystander.join(live.workshopId, live.sessions[0]);
    const mehdi = await userId("mehdi.berrada@majlis.test");

    const answer = await organiser.request("participant:move", { userId: mehdi, toRoom: live.sessions[1] });
    expect(answer).toEqual({ ok: true, data: { to: livePath(live.sessions[1]) } });
    expect(await phone.next<Navigate>("live:navigate")).toEqual({ to: livePath(live.sessions[1]) });
    expect(await laptop.next<Navigate>("live:navigate")).toEqual({ to: livePath(live.sessions[1]) });
    await settle(bystander);
    expect(navigations(bystander)).toEqual([]);

    expect(await sessionOf("mehdi.berrada@majlis.test")).toBe(live.sessions[1]);
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { workshopId: live.workshopId, action: "live.participant_moved", subjectId: mehdi } });
    expect(audit).toMatchObject({ actorId: await userId("organisatrice@majlis.test"), data: { fromSessionId: live.sessions[0], toRoom: live.sessions[1] } });
  });

  it("sends someone to the plenary without taking their seat in their session", async () => {
    const organiser = await connectAs("organisatrice@majlis.test");
    await organiser.join(live.workshopId, PLENARY);
    const salma = await connectAs("salma.bennani@majlis.test");
    await salma.join(live.workshopId, live.sessions[0]);
    const answer = await organiser.request("participant:move", { userId: await userId("salma.bennani@majlis.test"), toRoom: PLENARY });
    expect(answer).toEqual({ ok: true, data: { to: livePath(PLENARY) } });
    expect(await salma.next<Navigate>("live:navigate")).toEqual({ to: livePath(PLENARY) });
    expect(await sessionOf("salma.bennani@majlis.test")).toBe(live.sessions[0]);
  });

  it("refuses a full session, an unknown room and a person who is not a member, and changes nothing", async () => {
    const db = getDb();
    const organiser = await connectAs("organisatrice@majlis.test");
    await organiser.join(live.workshopId, PLENARY);
    const hichamClient = await connectAs("hicham.ouazzani@majlis.test");
    await hichamClient.join(live.workshopId, live.sessions[0]);
    const hicham = await userId("hicham.ouazzani@majlis.test");
    const taken = await db.registration.count({ where: { workshopId: live.workshopId, sessionId: live.sessions[1] } });
    await db.session.update({ where: { id: live.sessions[1] }, data: { capacity: taken } });
    const outsider = await db.user.create({ data: { name: "Not A Member", email: "not.member@example.test" } });
    const otherWorkshop = await db.workshop.create({
      data: { title: "Autre", startsAt: new Date(), endsAt: new Date(Date.now() + 3600_000), joinCode: "MOVES77", status: "PUBLISHED" },
    });
    const foreignSession = await db.session.create({ data: { workshopId: otherWorkshop.id, title: "Ailleurs" } });

    expect(await organiser.request("participant:move", { userId: hicham, toRoom: live.sessions[1] })).toEqual({ ok: false, error: "sessionFull" });
    expect(await organiser.request("participant:move", { userId: hicham, toRoom: "no-such-session" })).toEqual({ ok: false, error: "notFound" });
    expect(await organiser.request("participant:move", { userId: hicham, toRoom: foreignSession.id })).toEqual({ ok: false, error: "notFound" });
    expect(await organiser.request("participant:move", { userId: outsider.id, toRoom: live.sessions[0] })).toEqual({ ok: false, error: "notFound" });

    expect(await sessionOf("hicham.ouazzani@majlis.test")).toBe(live.sessions[0]);
    await settle(hichamClient);
    expect(navigations(hichamClient)).toEqual([]);
    expect(await db.auditLog.count({ where: { workshopId: live.workshopId, action: "live.participant_moved", subjectId: { in: [hicham, outsider.id] } } })).toBe(0);
    await db.session.update({ where: { id: live.sessions[1] }, data: { capacity: 40 } });
  });
});

describe("plenary and parallel sessions", () => {
  it("starting the parallel sessions sends each connected person to their own session; ending them brings all back", async () => {
    const organiser = await connectAs("organisatrice@majlis.test");
    await organiser.join(live.workshopId, PLENARY);
    const people = {
      hicham: await connectAs("hicham.ouazzani@majlis.test"), // registered in session 1
      imane: await connectAs("imane.kettani@majlis.test"), // registered in session 2
      facilitator: await connectAs("facilitatrice@majlis.test"), // facilitates session 2, not registered
      observer: await connectAs("observateur@majlis.test"), // no session: stays in the plenary
    };
    for (const client of Object.values(people)) await client.join(live.workshopId, PLENARY);

    expect(await organiser.request("stage:set", { stage: "PARALLEL" })).toEqual({ ok: true, data: { stage: "PARALLEL" } });
    expect(await people.hicham.next<Navigate>("live:navigate")).toEqual({ to: livePath(live.sessions[0]) });
    expect(await people.imane.next<Navigate>("live:navigate")).toEqual({ to: livePath(live.sessions[1]) });
    expect(await people.facilitator.next<Navigate>("live:navigate")).toEqual({ to: livePath(live.sessions[1]) });
    for (const client of Object.values(people)) expect(await client.next("stage:changed")).toEqual({ stage: "PARALLEL" });
    await settle(people.observer);
    expect(navigations(people.observer)).toEqual([]);
    expect((await getDb().liveState.findUniqueOrThrow({ where: { workshopId: live.workshopId } })).stage).toBe("PARALLEL");

    // They follow; a newcomer reads the stage from the snapshot.
    await people.hicham.join(live.workshopId, live.sessions[0]);
    await people.imane.join(live.workshopId, live.sessions[1]);
    const late = await connectAs("rachid.elmansouri@majlis.test");
    expect((await late.join(live.workshopId, live.sessions[1])).stage).toBe("PARALLEL");

    expect(await organiser.request("stage:set", { stage: "PLENARY" })).toEqual({ ok: true, data: { stage: "PLENARY" } });
    for (const client of [people.hicham, people.imane, people.observer, late]) {
      expect(await client.next<Navigate>("live:navigate")).toEqual({ to: livePath(PLENARY) });
      expect(await client.next("stage:changed", (p: { stage: string }) => p.stage === "PLENARY")).toEqual({ stage: "PLENARY" });
    }
    expect((await getDb().liveState.findUniqueOrThrow({ where: { workshopId: live.workshopId } })).stage).toBe("PLENARY");
  });
});

describe("the current agenda item", () => {
  it("a facilitator sets it for their room; everyone there sees it, and on joining", async () => {
    const facilitator = await connectAs("facilitateur@majlis.test");
    const participant = await connectAs("hicham.ouazzani@majlis.test");
    const elsewhere = await connectAs("imane.kettani@majlis.test");
    await facilitator.join(live.workshopId, live.sessions[0]);
    await participant.join(live.workshopId, live.sessions[0]);
    await elsewhere.join(live.workshopId, live.sessions[1]);
    const item = await getDb().agendaItem.findFirstOrThrow({ where: { workshopId: live.workshopId, sessionId: live.sessions[0] }, orderBy: { startsAt: "desc" } });

    const answer = await facilitator.request<{ item: AgendaItemView }>("agenda:setCurrent", { agendaItemId: item.id });
    expect(answer).toMatchObject({ ok: true, data: { item: { id: item.id, title: item.title } } });
    expect(await participant.next<{ item: AgendaItemView }>("agenda:current")).toMatchObject({ item: { id: item.id } });
    await settle(elsewhere);
    expect(elsewhere.events.filter((e) => e.event === "agenda:current")).toEqual([]);
    const late = await connectAs("mehdi.berrada@majlis.test");
    expect((await late.join(live.workshopId, live.sessions[0])).currentAgendaItem).toMatchObject({ id: item.id, title: item.title });

    // Back to the planned times: the demo's date is long past, so nothing is running by the clock.
    expect(await facilitator.request("agenda:setCurrent", { agendaItemId: null })).toEqual({ ok: true, data: { item: null } });
    expect(await participant.next("agenda:current", (p: { item: unknown }) => p.item === null)).toEqual({ item: null });
  });

  it("refuses an item of another room, participants, and the facilitator of another session", async () => {
    const facilitator = await connectAs("facilitateur@majlis.test");
    const participant = await connectAs("hicham.ouazzani@majlis.test");
    const otherFacilitator = await connectAs("facilitatrice@majlis.test");
    await facilitator.join(live.workshopId, live.sessions[0]);
    await participant.join(live.workshopId, live.sessions[0]);
    await otherFacilitator.join(live.workshopId, live.sessions[0]);
    const [ofOtherSession, ofPlenary, ofThisSession] = await Promise.all([
      getDb().agendaItem.findFirstOrThrow({ where: { workshopId: live.workshopId, sessionId: live.sessions[1] } }),
      getDb().agendaItem.findFirstOrThrow({ where: { workshopId: live.workshopId, sessionId: null } }),
      getDb().agendaItem.findFirstOrThrow({ where: { workshopId: live.workshopId, sessionId: live.sessions[0] } }),
    ]);

    expect(await facilitator.request("agenda:setCurrent", { agendaItemId: ofOtherSession.id })).toEqual({ ok: false, error: "notFound" });
    expect(await facilitator.request("agenda:setCurrent", { agendaItemId: ofPlenary.id })).toEqual({ ok: false, error: "notFound" });
    expect(await facilitator.request("agenda:setCurrent", { agendaItemId: "no-such-item" })).toEqual({ ok: false, error: "notFound" });
    expect(await participant.request("agenda:setCurrent", { agendaItemId: ofThisSession.id })).toEqual({ ok: false, error: "forbidden" });
    expect(await otherFacilitator.request("agenda:setCurrent", { agendaItemId: ofThisSession.id })).toEqual({ ok: false, error: "forbidden" });
    expect(await facilitator.request("agenda:setCurrent", {})).toEqual({ ok: false, error: "invalidPayload" });

    const state = await getDb().liveRoomState.findUnique({ where: { workshopId_room: { workshopId: live.workshopId, room: live.sessions[0] } } });
    expect(state?.currentAgendaItemId ?? null).toBeNull();
    await settle(participant);
    expect(participant.events.filter((e) => e.event === "agenda:current")).toEqual([]);
  });

  it("gives the room's facilitators its agenda to choose from, and nobody else", async () => {
    const facilitator = await connectAs("facilitateur@majlis.test");
    const participant = await connectAs("hicham.ouazzani@majlis.test");
    const items = await getDb().agendaItem.findMany({ where: { workshopId: live.workshopId, sessionId: live.sessions[0] }, orderBy: { startsAt: "asc" } });
    const forFacilitator = await facilitator.join(live.workshopId, live.sessions[0]);
    expect(forFacilitator.features.stage).toEqual({
      agenda: items.map((item) => ({ id: item.id, title: item.title, startsAt: item.startsAt.toISOString(), endsAt: item.endsAt.toISOString() })),
      timezone: "Africa/Casablanca",
    });
    expect((await participant.join(live.workshopId, live.sessions[0])).features.stage).toBeUndefined();
  });
});

describe("joining live from the workshop page", () => {
  const joinLiveHref = async (email: string) => {
    const http = new HttpClient(live.url);
    await http.signIn(email, "majlis-demo-2023");
    const html = await (await http.get(`/workshops/${live.workshopId}`)).text();
    return html.match(/<a[^>]*href="([^"]*\/live[^"]*)"[^>]*>(?:Rejoindre le direct)<\/a>/)?.[1] ?? null;
  };

  it("leads members to the plenary, or to their own session while the parallel sessions run", async () => {
    await getDb().liveState.upsert({ where: { workshopId: live.workshopId }, create: { workshopId: live.workshopId, stage: "PLENARY" }, update: { stage: "PLENARY" } });
    expect(await joinLiveHref("imane.kettani@majlis.test")).toBe(livePath(PLENARY));
    await getDb().liveState.update({ where: { workshopId: live.workshopId }, data: { stage: "PARALLEL" } });
    expect(await joinLiveHref("imane.kettani@majlis.test")).toBe(livePath(live.sessions[1]));
    expect(await joinLiveHref("facilitateur@majlis.test")).toBe(livePath(live.sessions[0]));
    expect(await joinLiveHref("observateur@majlis.test")).toBe(livePath(PLENARY));
    await getDb().liveState.update({ where: { workshopId: live.workshopId }, data: { stage: "PLENARY" } });
  });

  it("offers nothing to people who are not members of the workshop", async () => {
    await createUser({ name: "Visitor", email: "visitor@example.test", password: "majlis-demo-2023" });
    expect(await joinLiveHref("visitor@example.test")).toBeNull();
  });
});
