import { io } from "socket.io-client";
import { describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { PLENARY, type PresentPerson } from "~/live/protocol";
import { LiveClient, useLiveWorkshop } from "../support/live";

const live = useLiveWorkshop();
const { connectAs } = live;

const names = (present: PresentPerson[]) => present.map((p) => p.name);

describe("joining live rooms", () => {
  it("refuses a handshake without a session, and one with a forged cookie", async () => {
    await expect(LiveClient.connect(live.url, "")).rejects.toThrow("unauthenticated");
    await expect(LiveClient.connect(live.url, "majlis_session=forged.value")).rejects.toThrow("unauthenticated");
  });

  it("refuses a page of another site borrowing the cookie (Origin check)", async () => {
    const socket = io(live.url, { path: "/socket.io", transports: ["polling"], extraHeaders: { Origin: "https://evil.example" }, reconnection: false });
    const error = await new Promise<Error>((resolve) => socket.once("connect_error", resolve));
    socket.close();
    expect(error).toBeTruthy();
  });

  it("shows who is here, in person and remote, live, per room", async () => {
    const organiser = await connectAs("organisatrice@majlis.test"); // not registered: remote
    const inPerson = await connectAs("hicham.ouazzani@majlis.test"); // registered in person, session 1
    const remote = await connectAs("salma.bennani@majlis.test"); // registered remote, session 1
    const elsewhere = await connectAs("imane.kettani@majlis.test"); // session 2

    const first = await organiser.join(live.workshopId, live.sessions[0]);
    expect(first.self).toMatchObject({ isOrganiser: true, isFacilitator: true, canParticipate: true });
    await inPerson.join(live.workshopId, live.sessions[0]);
    await elsewhere.join(live.workshopId, live.sessions[1]);
    const snapshot = await remote.join(live.workshopId, live.sessions[0]);

    expect(names(snapshot.present)).toEqual(["Hicham Ouazzani", "Salma Bennani", "Samira El Idrissi"]);
    expect(snapshot.present.find((p) => p.name === "Hicham Ouazzani")?.mode).toBe("IN_PERSON");
    expect(snapshot.present.find((p) => p.name === "Salma Bennani")?.mode).toBe("REMOTE");
    expect(snapshot.self).toMatchObject({ name: "Salma Bennani", isFacilitator: false, canParticipate: true });

    // The organiser sees Salma arrive, then leave.
    await organiser.next<{ present: PresentPerson[] }>("presence:changed", (p) => names(p.present).includes("Salma Bennani"));
    remote.close();
    await organiser.next<{ present: PresentPerson[] }>("presence:changed", (p) => !names(p.present).includes("Salma Bennani"));
  });

  it("lets a facilitator open the room's projector screen, which follows the room without counting as present", async () => {
    const screen = await connectAs("facilitateur@majlis.test");
    const participant = await connectAs("hicham.ouazzani@majlis.test");
    const shown = await screen.request<{ present: PresentPerson[] }>("room:join", { workshopId: live.workshopId, room: live.sessions[0], display: true });
    expect(shown.ok).toBe(true);
    const snapshot = await participant.join(live.workshopId, live.sessions[0]);
    expect(names(snapshot.present)).toEqual(["Hicham Ouazzani"]);
    // The screen still hears the room.
    await screen.next<{ present: PresentPerson[] }>("presence:changed", (p) => names(p.present).includes("Hicham Ouazzani"));

    const notAFacilitator = await connectAs("salma.bennani@majlis.test");
    expect(await notAFacilitator.request("room:join", { workshopId: live.workshopId, room: live.sessions[0], display: true })).toEqual({ ok: false, error: "forbidden" });
  });

  it("records joins and leaves per room and mode for attendance reports", async () => {
    const participant = await connectAs("mehdi.berrada@majlis.test");
    await participant.join(live.workshopId, live.sessions[0]);
    await participant.join(live.workshopId, PLENARY);
    participant.close();
    const user = await getDb().user.findUniqueOrThrow({ where: { email: "mehdi.berrada@majlis.test" } });
    await expect
      .poll(() => getDb().attendanceEvent.findMany({ where: { userId: user.id }, orderBy: { at: "asc" }, select: { room: true, kind: true, mode: true } }))
      .toEqual([
        { room: live.sessions[0], kind: "JOIN", mode: "IN_PERSON" },
        { room: live.sessions[0], kind: "LEAVE", mode: "IN_PERSON" },
        { room: PLENARY, kind: "JOIN", mode: "IN_PERSON" },
        { room: PLENARY, kind: "LEAVE", mode: "IN_PERSON" },
      ]);
  });

  it("refuses rooms of workshops one is not a member of, and rooms that do not exist", async () => {
    const outsider = await getDb().user.create({ data: { name: "Outsider", email: "outsider@example.test" } });
    const other = await getDb().workshop.create({
      data: { title: "Autre", startsAt: new Date(), endsAt: new Date(Date.now() + 3600_000), joinCode: "OTHER77", status: "PUBLISHED" },
    });
    const participant = await connectAs("participante@majlis.test");
    expect(await participant.request("room:join", { workshopId: other.id, room: PLENARY })).toEqual({ ok: false, error: "forbidden" });
    expect(await participant.request("room:join", { workshopId: live.workshopId, room: "no-such-session" })).toEqual({ ok: false, error: "notFound" });
    expect(outsider.id).toBeTruthy();
  });

  it("answers malformed, oversized and unknown-room events with an error and keeps serving", async () => {
    const participant = await connectAs("participante@majlis.test");
    expect(await participant.request("room:join", { workshopId: 42 })).toEqual({ ok: false, error: "invalidPayload" });
    expect(await participant.request("room:join", "garbage")).toEqual({ ok: false, error: "invalidPayload" });
    expect(await participant.request("room:join", { workshopId: live.workshopId, room: "x".repeat(500) })).toEqual({ ok: false, error: "invalidPayload" });
    expect(await participant.request("room:leave")).toEqual({ ok: true, data: null });

    // A message over the transport's limit closes that connection only; the server keeps answering others.
    const flooder = await connectAs("rapporteur@majlis.test");
    const closed = new Promise((resolve) => flooder.socket.once("disconnect", resolve));
    flooder.socket.emit("room:join", { workshopId: live.workshopId, room: "y".repeat(100_000) });
    await closed;
    const snapshot = await participant.join(live.workshopId, PLENARY);
    expect(snapshot.room).toBe(PLENARY);
  });

  it("rate limits one person's flood without slowing the others", async () => {
    const flooder = await connectAs("pair@majlis.test");
    const calm = await connectAs("comite@majlis.test");
    const answers = await Promise.all(Array.from({ length: 60 }, () => flooder.request("time:sync")));
    expect(answers.filter((a) => !a.ok && a.error === "rateLimited").length).toBeGreaterThan(0);
    expect(await calm.request("time:sync")).toMatchObject({ ok: true, data: { serverNow: expect.any(Number) } });
  });
});
