import type { Server, Socket } from "socket.io";
import type { SessionUser } from "~/auth/session.server";
import type { RoomKey, RoomSelf } from "~/live/protocol";
import { refuse } from "./errors";
import type { RateLimiter } from "./rate-limit";

/** The room a connection has joined, with who the person is there. One room per connection at a time. */
export interface JoinedRoom {
  workshopId: string;
  room: RoomKey;
  self: RoomSelf;
  /** A projector screen following the room: no presence, no actions. */
  display?: boolean;
}

export interface SocketData {
  user: SessionUser;
  joined?: JoinedRoom;
}

export type LiveServer = Server<Record<string, never>, Record<string, never>, Record<string, never>, SocketData>;
export type LiveSocket = Socket<Record<string, never>, Record<string, never>, Record<string, never>, SocketData>;

/** What every event handler receives besides its payload. */
export interface LiveContext {
  io: LiveServer;
  socket: LiveSocket;
  nodeId: string;
  limiter: RateLimiter;
}

export function requireRoom(ctx: LiveContext): JoinedRoom {
  return ctx.socket.data.joined ?? refuse("notInRoom");
}

export function requireParticipant(ctx: LiveContext): JoinedRoom {
  const joined = requireRoom(ctx);
  if (!joined.self.canParticipate) refuse("forbidden");
  return joined;
}

export function requireFacilitator(ctx: LiveContext): JoinedRoom {
  const joined = requireRoom(ctx);
  if (!joined.self.isFacilitator) refuse("forbidden");
  return joined;
}

export function requireOrganiser(ctx: LiveContext): JoinedRoom {
  const joined = requireRoom(ctx);
  if (!joined.self.isOrganiser) refuse("forbidden");
  return joined;
}
