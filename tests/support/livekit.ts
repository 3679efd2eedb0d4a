/**
 * A stand-in for a LiveKit server, since none can run here (LiveKit is a Go binary in neither npm nor Debian). It
 * answers the Twirp endpoints the app calls through livekit-server-sdk, checks each call's token the way LiveKit
 * does (signed with our API key, admin of the room it acts on, or allowed to record), and records what it received
 * so tests can assert on it. It also signs webhooks the way LiveKit does.
 */
import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { AccessToken, TokenVerifier, type ClaimGrants } from "livekit-server-sdk";
import { afterAll, beforeAll, vi } from "vitest";
import { started } from "./app";

export const LIVEKIT_KEY = "devkey";
export const LIVEKIT_SECRET = "secret-of-at-least-32-characters-for-tests";

export interface ReceivedCall {
  service: "RoomService" | "Egress";
  method: string;
  body: Record<string, unknown>;
  grants: ClaimGrants;
}

interface StandInParticipant {
  identity: string;
  attributes?: Record<string, string>;
}

export class LiveKitStandIn {
  readonly calls: ReceivedCall[] = [];
  /** Who is in each room, for ListParticipants; RemoveParticipant takes people out. */
  readonly rooms = new Map<string, StandInParticipant[]>();
  /** Methods that answer a Twirp error, as LiveKit does when, say, egress is not deployed. */
  readonly failures = new Map<string, { status: number; code: string; msg: string }>();
  private egressCount = 0;

  private constructor(private readonly server: http.Server, readonly url: string) {}

  static async start(): Promise<LiveKitStandIn> {
    let standIn: LiveKitStandIn | undefined;
    const server = http.createServer((request, response) => void standIn!.handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    standIn = new LiveKitStandIn(server, `ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return standIn;
  }

  /** The calls received for one method, oldest first. */
  received(method: string) {
    return this.calls.filter((call) => call.method === method);
  }

  reset() {
    this.calls.length = 0;
    this.rooms.clear();
    this.failures.clear();
  }

  close() {
    return new Promise<void>((resolve) => {
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse) {
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { "Content-Type": "application/json" });
      response.end(JSON.stringify(body));
    };
    const match = /^\/twirp\/livekit\.(RoomService|Egress)\/(\w+)$/.exec(request.url ?? "");
    if (request.method !== "POST" || !match) return reply(404, { code: "bad_route", msg: "no such endpoint" });
    let raw = "";
    for await (const chunk of request) raw += chunk;
    let grants: ClaimGrants;
    try {
      grants = await new TokenVerifier(LIVEKIT_KEY, LIVEKIT_SECRET).verify((request.headers.authorization ?? "").replace(/^Bearer /, ""));
    } catch {
      return reply(401, { code: "unauthenticated", msg: "invalid token" });
    }
    const service = match[1] as ReceivedCall["service"];
    const method = match[2];
    const body = JSON.parse(raw || "{}") as Record<string, unknown>;
    const allowed = service === "Egress" ? grants.video?.roomRecord === true : grants.video?.roomAdmin === true && grants.video.room === body.room;
    if (!allowed) return reply(403, { code: "permission_denied", msg: "not allowed" });
    this.calls.push({ service, method, body, grants });

    const failure = this.failures.get(method);
    if (failure) return reply(failure.status, { code: failure.code, msg: failure.msg });
    const people = this.rooms.get(String(body.room)) ?? [];
    const present = people.find((person) => person.identity === body.identity);
    switch (method) {
      case "ListParticipants":
        return reply(200, { participants: people.map((person) => ({ identity: person.identity, attributes: person.attributes ?? {} })) });
      case "MutePublishedTrack":
        if (!present) return reply(404, { code: "not_found", msg: "participant not found" });
        return reply(200, { track: { sid: body.trackSid, muted: true } });
      case "RemoveParticipant":
        if (!present) return reply(404, { code: "not_found", msg: "participant not found" });
        this.rooms.set(String(body.room), people.filter((person) => person !== present));
        return reply(200, {});
      case "UpdateParticipant":
        if (!present) return reply(404, { code: "not_found", msg: "participant not found" });
        return reply(200, { identity: present.identity, permission: body.permission });
      case "StartRoomCompositeEgress":
        this.egressCount += 1;
        return reply(200, { egressId: `EG_standin${this.egressCount}`, roomName: body.roomName, status: "EGRESS_STARTING" });
      case "StopEgress":
        return reply(200, { egressId: body.egressId, status: "EGRESS_ENDING" });
      default:
        return reply(404, { code: "bad_route", msg: `${method} is not part of this stand-in` });
    }
  }
}

/**
 * A webhook as LiveKit sends it: the JSON body, and in `Authorization` a token of the API key carrying the body's
 * SHA-256. `signedAt` back-dates the token (LiveKit's tokens for webhooks live five minutes), for stale deliveries.
 */
export async function signWebhook(body: string, { secret = LIVEKIT_SECRET, signedAt }: { secret?: string; signedAt?: Date } = {}) {
  if (signedAt) vi.useFakeTimers({ now: signedAt, toFake: ["Date"] });
  try {
    const token = new AccessToken(LIVEKIT_KEY, secret, { ttl: "5m" });
    token.sha256 = createHash("sha256").update(body).digest("base64");
    return await token.toJwt();
  } finally {
    if (signedAt) vi.useRealTimers();
  }
}

let eventCount = 0;

/** The JSON of a LiveKit webhook event about a participant (protobuf's JSON mapping, as LiveKit writes it). */
export function participantEvent(event: "participant_joined" | "participant_left", roomName: string, identity: string, id = `EV_test${++eventCount}`) {
  return JSON.stringify({ event, id, createdAt: String(Math.floor(Date.now() / 1000)), room: { name: roomName, sid: "RM_test" }, participant: { identity, sid: "PA_test", state: "ACTIVE" } });
}

const LIVEKIT_VARIABLES = ["LIVEKIT_URL", "LIVEKIT_API_KEY", "LIVEKIT_API_SECRET"] as const;

/**
 * Sets the LIVEKIT_* variables for the server this file starts (call it before useApp: the app reads its
 * environment once) and puts them back afterwards, since a worker may run other files next.
 */
export function useLiveKitEnv(url: () => string) {
  const before = Object.fromEntries(LIVEKIT_VARIABLES.map((name) => [name, process.env[name]]));
  beforeAll(() => {
    process.env.LIVEKIT_URL = url();
    process.env.LIVEKIT_API_KEY = LIVEKIT_KEY;
    process.env.LIVEKIT_API_SECRET = LIVEKIT_SECRET;
  });
  afterAll(() => {
    for (const name of LIVEKIT_VARIABLES) {
      if (before[name] === undefined) delete process.env[name];
      else process.env[name] = before[name];
    }
  });
}

/** The stand-in LiveKit for this file, with the app configured to use it; call it before useApp. */
export function useLiveKitStandIn() {
  let standIn: LiveKitStandIn | undefined;
  beforeAll(async () => {
    standIn = await LiveKitStandIn.start();
  });
  useLiveKitEnv(() => started(standIn, "The LiveKit stand-in").url);
  afterAll(async () => {
    await standIn?.close();
  });
  return {
    get current() {
      return started(standIn, "The LiveKit stand-in");
    },
  };
}
