import type http from "node:http";
import { randomUUID } from "node:crypto";
import { WebSocketServer } from "ws";
import { encodeVotingChangedMessage } from "~/boards/protocol";
import { getEnv } from "~/env.server";
import { InProcessBoardBus, type BoardBus } from "./bus";
import { DEFAULT_BOARD_LIMITS, type BoardLimits } from "./limits";
import { BoardRegistry } from "./registry";
import { boardUpgradeHandler } from "./upgrade";

export interface BoardOptions {
  /** How processes serving the same board exchange changes; a private in-process bus by default. */
  bus?: BoardBus;
  /** This process's name on the bus; random by default. */
  nodeId?: string;
  limits?: Partial<BoardLimits>;
}

/** Yjs whiteboards over the y-websocket protocol at /yjs/<boardId>, on the app's own HTTP server. */
export function attachBoards(httpServer: http.Server, options: BoardOptions = {}) {
  const limits = { ...DEFAULT_BOARD_LIMITS, ...options.limits };
  const registry = new BoardRegistry({ nodeId: options.nodeId ?? randomUUID(), bus: options.bus ?? new InProcessBoardBus(), limits });
  // The transport's own cut-off sits above the protocol's limit, so that an oversized message still gets its named
  // close code (MESSAGE_TOO_LARGE); only absurd frames are cut earlier, by `ws` itself, before being buffered.
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes * 2, perMessageDeflate: false });
  httpServer.on("upgrade", boardUpgradeHandler({ registry, wss, publicUrl: getEnv().PUBLIC_URL }));
  return {
    registry,
    /** Every client with the board open fetches its voting state again. */
    votingChanged(boardId: string) {
      registry.signal(boardId, encodeVotingChangedMessage());
    },
    /** Closes every board connection, saves and compacts every board; the HTTP server stays. */
    async close() {
      await registry.close();
      wss.close();
    },
  };
}
