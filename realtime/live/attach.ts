import type http from "node:http";
import { randomUUID } from "node:crypto";
import { Server } from "socket.io";
import { getEnv } from "~/env.server";
import { expireStalePresence, refreshPresence } from "~/models/live/presence.server";
import { authenticate, isSameOrigin } from "./authenticate";
import type { LiveContext, LiveServer } from "./context";
import { FEATURES } from "./features";
import { attachHandlers } from "./handler";
import { broadcastPresence } from "./presence-broadcast";
import { RateLimiter } from "./rate-limit";
import { leaveRoom, useFeatureRegistry } from "./room";
import { channels } from "./rooms";

export interface LiveOptions {
  /** socket.io adapter, e.g. the Redis adapter when several nodes serve the app; in-memory by default. */
  adapter?: Parameters<LiveServer["adapter"]>[0];
  /** How often this process marks its connections as alive. */
  heartbeatMs?: number;
}

// Events bigger than this are refused by the transport itself, before any parsing.
const MAX_MESSAGE_BYTES = 16 * 1024;

/** Live sessions over socket.io, on the app's own HTTP server (path /socket.io). */
export function attachLive(httpServer: http.Server, options: LiveOptions = {}) {
  const nodeId = randomUUID();
  const publicUrl = getEnv().PUBLIC_URL;
  const io: LiveServer = new Server(httpServer, {
    path: "/socket.io",
    serveClient: false,
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    allowRequest: (req, callback) => callback(null, isSameOrigin(req.headers.origin, req.headers.host, publicUrl)),
    // engine.io ends any other upgrade that wrote nothing after this delay; the board sockets (/yjs/) check the
    // session and the board in the database first, which may take longer than the default second under load.
    destroyUpgradeTimeout: 10_000,
  });
  if (options.adapter) io.adapter(options.adapter);
  useFeatureRegistry(() => FEATURES);
  const limiter = new RateLimiter();
  const handlers = FEATURES.flatMap((feature) => feature.handlers);

  // Leaves still being written, so that shutting down waits for them before the database pool closes.
  const pendingLeaves = new Set<Promise<void>>();

  io.use(authenticate);
  io.on("connection", (socket) => {
    const ctx: LiveContext = { io, socket, nodeId, limiter };
    void socket.join(channels.user(socket.data.user.id));
    attachHandlers(ctx, handlers);
    socket.on("disconnect", () => {
      const leaving = leaveRoom(ctx)
        .catch((error: unknown) => console.error("live: leaving on disconnect failed:", error))
        .finally(() => pendingLeaves.delete(leaving));
      pendingLeaves.add(leaving);
    });
  });

  const heartbeat = setInterval(() => {
    void (async () => {
      await refreshPresence({ nodeId, connectionIds: [...io.of("/").sockets.keys()] });
      // Connections of a process that died: each feature cleans up after them as after a normal leave.
      for (const left of await expireStalePresence()) {
        for (const feature of FEATURES) await feature.onLeave?.(io, left);
        await broadcastPresence(io, left.workshopId, left.room);
      }
    })().catch((error: unknown) => console.error("live: presence heartbeat failed:", error));
  }, options.heartbeatMs ?? 30_000);
  heartbeat.unref();

  return {
    io,
    /** Disconnects everyone cleanly (their presence ends, attendance records the leave); the HTTP server stays. */
    async close() {
      clearInterval(heartbeat);
      io.local.disconnectSockets(true);
      await Promise.all(pendingLeaves);
      io.engine.close();
    },
  };
}
