import { describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { PLENARY } from "~/live/protocol";
import type { HelpRequestView, HelpRequestsEvent, HelpState, HelpStateEvent } from "~/live/tools-protocol";
import { useLiveWorkshop } from "../support/live";

const live = useLiveWorkshop({ cleanUp: (workshopId) => getDb().helpRequest.deleteMany({ where: { workshopId } }) });
const { joinAs } = live;

const openInDb = () => getDb().helpRequest.findMany({ where: { workshopId: live.workshopId, resolvedAt: null }, select: { room: true, userId: true } });

describe("calling the organiser", () => {
  it("a call reaches the organisers wherever they are, once, and resolving it tells the person who called", async () => {
    const organiser = await joinAs("organisatrice@majlis.test", PLENARY);
    const hicham = await joinAs("hicham.ouazzani@majlis.test", live.sessions[0]);
    const facilitator = await joinAs("facilitateur@majlis.test", live.sessions[0]);

    const first = await hicham.client.request<{ request: HelpRequestView }>("help:request");
    expect(first.ok).toBe(true);
    const request = first.ok ? first.data.request : null;
    expect(request).toMatchObject({ room: live.sessions[0], name: "Hicham Ouazzani", mode: "IN_PERSON", status: "open" });
    expect(request?.roomTitle).toMatch(/^Session 1/);

    const seen = await organiser.client.next<HelpRequestsEvent>("help:requests", (event) => event.open.length === 1);
    expect(seen.open).toEqual([request]);
    expect(await hicham.client.next<HelpStateEvent>("help:state")).toEqual({ request });
    // Only organisers get the list of calls.
    expect(facilitator.client.events.some((e) => e.event === "help:requests")).toBe(false);

    // A second tap (or a retry after a dropped connection) gives back the same call.
    const again = await hicham.client.request<{ request: HelpRequestView }>("help:request");
    expect(again.ok && again.data.request.id).toBe(request?.id);
    await Promise.all([hicham.client.request("help:request"), hicham.client.request("help:request")]);
    expect(await openInDb()).toHaveLength(1);

    // Re-joining finds one's own call, and organisers find every open call, in the snapshot.
    const rejoined = await hicham.client.join(live.workshopId, live.sessions[0]);
    expect(rejoined.features.help).toEqual({ mine: request, open: [] });
    const organiserElsewhere = await joinAs("organisatrice@majlis.test", live.sessions[1]);
    expect((organiserElsewhere.snapshot.features.help as HelpState).open).toEqual([request]);

    const resolved = await organiser.client.request<{ request: HelpRequestView }>("help:resolve", { requestId: request?.id });
    expect(resolved.ok && resolved.data.request.status).toBe("answered");
    expect(await hicham.client.next<HelpStateEvent>("help:state", (event) => event.request.status === "answered")).toMatchObject({
      request: { id: request?.id, status: "answered" },
    });
    expect(await organiser.client.next<HelpRequestsEvent>("help:requests", (event) => event.open.length === 0)).toEqual({ open: [] });
    expect(await openInDb()).toEqual([]);

    // Once answered, the person may call again.
    const next = await hicham.client.request<{ request: HelpRequestView }>("help:request");
    expect(next.ok && next.data.request.id).not.toBe(request?.id);
  });

  it("a participant cannot resolve calls, and an organiser cannot resolve another workshop's", async () => {
    const salma = await joinAs("salma.bennani@majlis.test", live.sessions[0]);
    const imane = await joinAs("imane.kettani@majlis.test", live.sessions[1]);
    const organiser = await joinAs("organisatrice@majlis.test", PLENARY);
    const call = await imane.client.request<{ request: HelpRequestView }>("help:request");
    const requestId = call.ok ? call.data.request.id : "";

    expect(await salma.client.request("help:resolve", { requestId })).toEqual({ ok: false, error: "forbidden" });
    expect(await openInDb()).toHaveLength(1);

    const other = await getDb().workshop.create({
      data: { title: "Autre atelier", startsAt: new Date(), endsAt: new Date(Date.now() + 3600_000), joinCode: "HELP777", status: "PUBLISHED" },
    });
    const foreign = await getDb().helpRequest.create({ data: { workshopId: other.id, room: PLENARY, userId: (await getDb().user.findFirstOrThrow()).id } });
    expect(await organiser.client.request("help:resolve", { requestId: foreign.id })).toEqual({ ok: false, error: "notFound" });
    expect(await getDb().helpRequest.findUniqueOrThrow({ where: { id: foreign.id } })).toMatchObject({ resolvedAt: null });
    expect(await organiser.client.request("help:resolve", { requestId: "no-such-request" })).toEqual({ ok: false, error: "notFound" });
    expect(await organiser.client.request("help:resolve", { requestId: 7 })).toEqual({ ok: false, error: "invalidPayload" });
  });

  it("the person who called may cancel, and organisers see the call go", async () => {
    const organiser = await joinAs("organisatrice@majlis.test", PLENARY);
    const observer = await joinAs("observateur@majlis.test", live.sessions[0]);
    const call = await observer.client.request<{ request: HelpRequestView }>("help:request");
    expect(call.ok).toBe(true);
    await organiser.client.next<HelpRequestsEvent>("help:requests", (event) => event.open.length === 1);

    expect(await observer.client.request("help:cancel")).toMatchObject({ ok: true, data: { request: { status: "cancelled" } } });
    await organiser.client.next<HelpRequestsEvent>("help:requests", (event) => event.open.length === 0);
    expect(await openInDb()).toEqual([]);
    // Nothing left to cancel: answered without change.
    expect(await observer.client.request("help:cancel")).toEqual({ ok: true, data: { request: null } });
  });
});
