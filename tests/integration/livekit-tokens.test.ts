import { TokenVerifier, type ClaimGrants } from "livekit-server-sdk";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "~/db/client.server";
import { DEMO_PASSWORD } from "~/db/seed-demo.server";
import { PLENARY } from "~/live/protocol";
import { HttpClient } from "../support/app";
import { LIVEKIT_KEY, LIVEKIT_SECRET, useLiveKitEnv } from "../support/livekit";
import { useLiveWorkshop } from "../support/live";

// Tokens are signed locally: no LiveKit server is contacted, so any address will do.
const SERVER_URL = "wss://livekit.majlis.test";
useLiveKitEnv(() => SERVER_URL);
const live = useLiveWorkshop();

const verifier = new TokenVerifier(LIVEKIT_KEY, LIVEKIT_SECRET);
const userId = async (email: string) => (await getDb().user.findUniqueOrThrow({ where: { email } })).id;
const roomName = (room: string) => `majlis.${live.workshopId}.${room}`;

async function signedIn(email: string) {
  const http = new HttpClient(live.url);
  await http.signIn(email, DEMO_PASSWORD);
  return http;
}

function tokenPath(sessionId: string, extra: Record<string, string> = {}) {
  return `/api/livekit/token?${new URLSearchParams({ sessionId, ...(sessionId === PLENARY ? { workshopId: live.workshopId } : {}), ...extra })}`;
}

/** The token the route mints for this person and room, as LiveKit will read it. */
async function tokenFor(email: string, sessionId: string, extra: Record<string, string> = {}) {
  const response = await (await signedIn(email)).get(tokenPath(sessionId, extra));
  expect(response.status).toBe(200);
  expect(response.headers.get("cache-control")).toContain("no-store");
  const body = (await response.json()) as { serverUrl: string; roomName: string; token: string };
  return { ...body, claims: await verifier.verify(body.token) };
}

const sources = (claims: ClaimGrants) => claims.video?.canPublishSources as unknown as string[] | undefined;

afterEach(async () => {
  vi.useRealTimers();
  await getDb().liveRoomState.deleteMany({ where: { workshopId: live.workshopId } });
  await getDb().callRemoval.deleteMany({ where: { workshopId: live.workshopId } });
});

describe("call tokens", () => {
  it("gives a session's facilitator a token for that room only, who publishes anything and moderates", async () => {
    const { serverUrl, roomName: name, claims } = await tokenFor("facilitateur@majlis.test", live.sessions[0]);
    expect(serverUrl).toBe(SERVER_URL);
    expect(name).toBe(roomName(live.sessions[0]));
    expect(claims.sub).toBe(await userId("facilitateur@majlis.test"));
    expect(claims.name).toBe("Youssef Benali");
    expect(claims.video).toMatchObject({ roomJoin: true, room: roomName(live.sessions[0]), canPublish: true, canSubscribe: true, roomAdmin: true });
    expect(sources(claims)).toEqual(["camera", "microphone", "screen_share", "screen_share_audio"]);
    expect(claims.attributes).toMatchObject({ role: "facilitator", device: "personal" });
  });

  it("gives participants camera and microphone while the room allows it, and only the right to follow once it does not", async () => {
    const { claims } = await tokenFor("hicham.ouazzani@majlis.test", live.sessions[0]);
    expect(claims.video).toMatchObject({ roomJoin: true, room: roomName(live.sessions[0]), canPublish: true, canSubscribe: true, canPublishData: false });
    expect(claims.video?.roomAdmin).toBeUndefined();
    expect(sources(claims)).toEqual(["camera", "microphone"]);
    // Registered in person: the call panel starts silent on their phone.
    expect(claims.attributes).toMatchObject({ role: "participant", mode: "IN_PERSON", device: "personal" });

    await getDb().liveRoomState.create({ data: { workshopId: live.workshopId, room: live.sessions[0], callParticipantsPublish: false } });
    const stopped = await tokenFor("hicham.ouazzani@majlis.test", live.sessions[0]);
    expect(stopped.claims.video).toMatchObject({ roomJoin: true, canPublish: false, canSubscribe: true });
    expect(sources(stopped.claims)).toBeUndefined();
    // The facilitator still publishes.
    expect((await tokenFor("facilitateur@majlis.test", live.sessions[0])).claims.video?.canPublish).toBe(true);
  });

  it("lets observers and committee members only subscribe, whatever the room allows", async () => {
    for (const email of ["observateur@majlis.test", "comite@majlis.test"]) {
      const { claims } = await tokenFor(email, live.sessions[1]);
      expect(claims.video).toMatchObject({ roomJoin: true, room: roomName(live.sessions[1]), canPublish: false, canSubscribe: true, canPublishData: false });
      expect(claims.video?.roomAdmin).toBeUndefined();
      expect(claims.attributes).toMatchObject({ role: "listener" });
    }
  });

  it("makes a facilitator a plain participant in a session they do not run, and organisers facilitators of the plenary", async () => {
    const elsewhere = await tokenFor("facilitateur@majlis.test", live.sessions[1]);
    expect(elsewhere.claims.video?.roomAdmin).toBeUndefined();
    expect(elsewhere.claims.attributes).toMatchObject({ role: "participant" });

    const plenary = await tokenFor("organisatrice@majlis.test", PLENARY);
    expect(plenary.roomName).toBe(roomName(PLENARY));
    expect(plenary.claims.video).toMatchObject({ room: roomName(PLENARY), roomAdmin: true, canPublish: true });
  });

  it("lives ten minutes at most and is refused after that", async () => {
    const { token, claims } = await tokenFor("salma.bennani@majlis.test", live.sessions[0]);
    expect(claims.exp! - claims.nbf!).toBeLessThanOrEqual(600);
    expect(claims.exp! * 1000).toBeGreaterThan(Date.now() + 9 * 60_000);
    vi.useFakeTimers({ now: Date.now() + 11 * 60_000, toFake: ["Date"] });
    await expect(verifier.verify(token)).rejects.toThrow(/exp/);
  });

  it("gives the room's laptop its own identity, named after the room, for facilitators only", async () => {
    const session = await getDb().session.findUniqueOrThrow({ where: { id: live.sessions[0] } });
    const { claims } = await tokenFor("facilitateur@majlis.test", live.sessions[0], { device: "room" });
    expect(claims.sub).toBe(`${await userId("facilitateur@majlis.test")}#room`);
    expect(claims.name).toBe(session.room || session.title);
    expect(claims.attributes).toMatchObject({ device: "room", mode: "IN_PERSON" });
    expect(claims.video).toMatchObject({ canPublish: true, room: roomName(live.sessions[0]) });
    expect(claims.video?.roomAdmin).toBeUndefined();

    const participant = await signedIn("salma.bennani@majlis.test");
    const refused = await participant.get(tokenPath(live.sessions[0], { device: "room" }));
    expect(refused.status).toBe(403);
  });
});

describe("refusals", () => {
  it("answers 401 when not signed in, with a JSON reason", async () => {
    const response = await fetch(`${live.url}${tokenPath(live.sessions[0])}`, { redirect: "manual" });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: "unauthenticated" });
  });

  it("answers 404 for a session that does not exist, 400 without a session, and never mints a token for them", async () => {
    const http = await signedIn("salma.bennani@majlis.test");
    const missing = await http.get(tokenPath("c000000000000000000000000"));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: "notFound" });
    // The plenary needs its workshop.
    expect((await http.get(`/api/livekit/token?sessionId=${PLENARY}`)).status).toBe(404);
    expect((await http.get(`/api/livekit/token?sessionId=${PLENARY}&workshopId=nope`)).status).toBe(404);
    expect((await http.get("/api/livekit/token")).status).toBe(400);
    expect((await http.get(tokenPath(live.sessions[0], { device: "tv" }))).status).toBe(400);
  });

  it("refuses another workshop's session to someone who is not a member of it (403), whatever workshop they name", async () => {
    const other = await getDb().workshop.create({
      data: {
        title: "Autre atelier",
        startsAt: new Date("2023-12-01T09:00:00Z"),
        endsAt: new Date("2023-12-01T17:00:00Z"),
        joinCode: "OTHER24",
        status: "PUBLISHED",
        sessions: { create: { title: "Session privée" } },
      },
      include: { sessions: true },
    });
    const http = await signedIn("salma.bennani@majlis.test");
    const refused = await http.get(`/api/livekit/token?sessionId=${other.sessions[0].id}`);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: "forbidden" });
    // Naming one's own workshop with another workshop's session does not open it either.
    expect((await http.get(`/api/livekit/token?sessionId=${other.sessions[0].id}&workshopId=${live.workshopId}`)).status).toBe(404);
    expect((await http.get(`/api/livekit/token?sessionId=${PLENARY}&workshopId=${other.id}`)).status).toBe(403);
  });

  it("refuses someone a facilitator removed from this room's call, and only that room", async () => {
    const salma = await userId("salma.bennani@majlis.test");
    const facilitator = await userId("facilitateur@majlis.test");
    await getDb().callRemoval.create({ data: { workshopId: live.workshopId, room: live.sessions[0], userId: salma, removedById: facilitator } });
    const http = await signedIn("salma.bennani@majlis.test");
    const refused = await http.get(tokenPath(live.sessions[0]));
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: "removed" });
    expect((await http.get(tokenPath(live.sessions[1]))).status).toBe(200);
  });
});
