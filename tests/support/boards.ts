import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { addElement, readElements, type ElementFields } from "~/boards/document";
import { BOARD_SOCKET_PATH, carriesDocumentUpdate, MessageType, readSavedCount } from "~/boards/protocol";
import { getDb } from "~/db/client.server";
import { DEMO_PASSWORD } from "~/db/seed-demo.server";
import { createBoard } from "~/models/boards.server";
import type { BoardTemplate } from "~/generated/prisma/enums";
import { HttpClient } from "./app";

/** Polls until the condition holds; the failure names what was awaited. */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function socketBase(baseUrl: string) {
  return `${baseUrl.replace(/^http/, "ws")}${BOARD_SOCKET_PATH}`;
}

function bytesOf(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(0);
}

/**
 * The stock y-websocket client, as the board page will use it: a WebSocket class that sends the session cookie
 * (a browser does that by itself) and counts the document-update messages it sends, so that the "saved" message
 * (app/boards/protocol.ts) tells exactly which changes are stored.
 */
export class BoardClient {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  /** Document-update messages sent on the current connection. */
  sent = 0;
  /** The last "saved" count received on the current connection. */
  saved = 0;
  /** Close codes the server sent, in order. */
  readonly closeCodes: number[] = [];
  /** VOTING_CHANGED messages received, over every connection. */
  votingSignals = 0;

  constructor(baseUrl: string, boardId: string, cookie: string, options: { origin?: string } = {}) {
    const counters = this;
    class CountingSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { Cookie: cookie, ...(options.origin ? { Origin: options.origin } : {}) } });
        // A new connection: the server counts from zero again.
        counters.sent = 0;
        counters.saved = 0;
      }

      override send(data: Parameters<WebSocket["send"]>[0], ...rest: unknown[]) {
        if (carriesDocumentUpdate(bytesOf(data))) counters.sent += 1;
        (super.send as (...args: unknown[]) => void)(data, ...rest);
      }
    }
    this.provider = new WebsocketProvider(socketBase(baseUrl), boardId, this.doc, {
      WebSocketPolyfill: CountingSocket as unknown as typeof globalThis.WebSocket,
      // Two clients in one process would otherwise sync through a BroadcastChannel, around the server.
      disableBc: true,
      maxBackoffTime: 300,
    });
    this.provider.messageHandlers[MessageType.SAVED] = (_encoder, decoder) => {
      this.saved = readSavedCount(decoder);
    };
    this.provider.messageHandlers[MessageType.VOTING_CHANGED] = () => {
      this.votingSignals += 1;
    };
    this.provider.on("connection-close", (event) => {
      if (event) this.closeCodes.push(event.code);
    });
  }

  static async signIn(baseUrl: string, email: string, password = DEMO_PASSWORD) {
    const http = new HttpClient(baseUrl);
    await http.signIn(email, password);
    return http.cookieHeader();
  }

  async synced() {
    await waitFor(() => this.provider.synced, "the board to sync");
  }

  /** Every change sent so far is confirmed as stored. */
  async allSaved() {
    await waitFor(() => this.provider.synced && this.saved === this.sent, `"saved" for ${this.sent} message(s) (got ${this.saved})`);
  }

  addNote(text: string, fields: Partial<ElementFields> = {}): string {
    return addElement(this.doc, { type: "sticky", text, ...fields });
  }

  notes(): string[] {
    return readElements(this.doc)
      .filter((element) => element.type === "sticky")
      .map((element) => element.text)
      .sort();
  }

  async closedWith(code: number) {
    await waitFor(() => this.closeCodes.includes(code), `close code ${code} (got ${this.closeCodes.join(", ") || "none"})`);
  }

  destroy() {
    this.provider.destroy();
    this.doc.destroy();
  }
}

/** A bare WebSocket to the board server (no y-websocket client), to send what a real client never would. */
export function rawSocket(baseUrl: string, boardId: string, headers: Record<string, string>): WebSocket {
  return new WebSocket(`${socketBase(baseUrl)}/${boardId}`, { headers });
}

/** How the server answers an upgrade: the HTTP status of a refusal, or 101 once the socket opened. */
export function upgradeStatus(baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${baseUrl.replace(/^http/, "ws")}${path}`, { headers });
    ws.on("unexpected-response", (_request, response) => {
      resolve(response.statusCode ?? 0);
      ws.terminate();
    });
    ws.on("open", () => {
      resolve(101);
      ws.close();
    });
    ws.on("error", (error) => reject(error));
  });
}

/** Resolves with the close code the server gives this socket. */
export function closeCode(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once("close", (code) => resolve(code)));
}

export function opened(ws: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
}

/** A board in the given session of the demo workshop, made by that organiser or facilitator. */
export async function makeBoard(input: { workshopId: string; sessionId: string; actorEmail: string; template?: BoardTemplate; title?: string }) {
  const actor = await getDb().user.findUniqueOrThrow({ where: { email: input.actorEmail }, select: { id: true } });
  const created = await createBoard({
    workshopId: input.workshopId,
    sessionId: input.sessionId,
    actorId: actor.id,
    title: input.title ?? "Tableau de test",
    template: input.template ?? "FEATURES_MOSCOW",
    language: "fr",
  });
  if (!created.ok) throw new Error("board creation refused");
  return created.boardId;
}

export async function demoSessions(workshopId: string) {
  return getDb().session.findMany({ where: { workshopId }, orderBy: { position: "asc" }, select: { id: true, title: true } });
}

export async function storedUpdates(boardId: string) {
  return getDb().boardUpdate.findMany({ where: { boardId }, orderBy: { id: "asc" }, select: { id: true, byUserId: true, update: true } });
}
