import { STATUS_CODES, type IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { WebSocketServer } from "ws";
import { BOARD_SOCKET_PATH } from "~/boards/protocol";
import { getUser } from "~/auth/session.server";
import { boardRefusal, findBoardAccess } from "~/models/boards.server";
import { isSameOrigin } from "../live/authenticate";
import { UpgradeRefusal, type UpgradeRefusalName } from "~/boards/close-codes";
import type { BoardRegistry } from "./registry";

const BOARD_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The board id of a `/yjs/<boardId>` path; null for another path under /yjs/; undefined when not ours at all. */
export function boardIdFromUrl(url: string | undefined): string | null | undefined {
  const path = (url ?? "").split("?")[0];
  if (!path.startsWith(`${BOARD_SOCKET_PATH}/`)) return undefined;
  const id = path.slice(BOARD_SOCKET_PATH.length + 1);
  return BOARD_ID.test(id) ? id : null;
}

function refuse(socket: Duplex, name: UpgradeRefusalName) {
  const { status, error } = UpgradeRefusal[name];
  const body = JSON.stringify({ error });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/**
 * The HTTP `upgrade` listener for board sockets. Everything is checked before the WebSocket exists: the Origin
 * (a page of another site would otherwise ride on the person's cookie), the session cookie, and the person's
 * access to this board. Other paths are left alone (socket.io upgrades /socket.io on the same server).
 */
export function boardUpgradeHandler({ registry, wss, publicUrl }: { registry: BoardRegistry; wss: WebSocketServer; publicUrl?: string }) {
  return (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const boardId = boardIdFromUrl(request.url);
    if (boardId === undefined) return;
    // A client that gives up while we check must not bring the process down.
    socket.on("error", () => socket.destroy());
    void admit({ request, socket, head, boardId, registry, wss, publicUrl }).catch((error: unknown) => {
      console.error("boards: checking an upgrade failed:", error);
      if (!socket.destroyed) refuse(socket, "UNAVAILABLE");
    });
  };
}

async function admit(input: {
  request: IncomingMessage;
  socket: Duplex;
  head: Buffer;
  boardId: string | null;
  registry: BoardRegistry;
  wss: WebSocketServer;
  publicUrl?: string;
}) {
  const { request, socket, head, boardId, registry, wss, publicUrl } = input;
  if (registry.isClosing) return refuse(socket, "SHUTTING_DOWN");
  if (!isSameOrigin(request.headers.origin, request.headers.host, publicUrl)) return refuse(socket, "FOREIGN_ORIGIN");
  const user = await getUser(new Request("http://boards.invalid/", { headers: { Cookie: request.headers.cookie ?? "" } }));
  if (!user) return refuse(socket, "UNAUTHENTICATED");
  if (boardId === null) return refuse(socket, "NOT_FOUND");
  const found = await findBoardAccess({ boardId, userId: user.id });
  const refusal = boardRefusal(found, "view");
  if (refusal || !found) return refuse(socket, refusal === "forbidden" ? "FORBIDDEN" : "NOT_FOUND");
  if (socket.destroyed || registry.isClosing) return socket.destroy();
  wss.handleUpgrade(request, socket, head, (ws) => registry.connect(ws, { boardId, user, readOnly: found.permission !== "edit" }));
}
