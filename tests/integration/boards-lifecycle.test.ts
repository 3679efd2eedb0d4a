import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import pg from "pg";
import type WebSocket from "ws";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addElement, documentFromState, elementsOf, readElements } from "~/boards/document";
import { MessageType, SyncMessageType } from "~/boards/protocol";
import * as Y from "yjs";
import { getDb } from "~/db/client.server";
import { readBoardState } from "~/models/board-storage.server";
import { InProcessBoardBus } from "../../realtime/boards/bus";
import { createServer, loadServerBuild, type RunningServer, type ServerConfig } from "../../realtime/server";
import { BoardClient, demoSessions, makeBoard, opened, rawSocket, storedUpdates, waitFor } from "../support/boards";
import { seedDemo } from "../support/demo";

async function storedNotes(boardId: string) {
  return readElements(documentFromState(await readBoardState({ boardId })))
    .filter((element) => element.type === "sticky")
    .map((element) => element.text)
    .sort();
}

/** Holds a lock that makes every INSERT into BoardUpdate wait until `release()`. */
async function blockBoardWrites() {
  const blocker = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await blocker.connect();
  await blocker.query("BEGIN");
  await blocker.query(`LOCK TABLE "BoardUpdate" IN SHARE MODE`);
  return {
    async release() {
      await blocker.query("COMMIT");
      await blocker.end();
    },
  };
}

const servers: RunningServer[] = [];
async function startServer(boards?: ServerConfig["boards"]) {
  const server = await createServer({ port: 0, host: "127.0.0.1", build: await loadServerBuild(), mode: "production", boards });
  servers.push(server);
  return server;
}

const clients: BoardClient[] = [];
function client(url: string, boardId: string, cookie: string) {
  const created = new BoardClient(url, boardId, cookie);
  clients.push(created);
  return created;
}
afterEach(() => {
  for (const created of clients.splice(0)) created.destroy();
});
afterAll(async () => {
  for (const server of servers.splice(0)) await server.close();
});

let workshopId: string;
let sessionId: string;
const newBoard = () => makeBoard({ workshopId, sessionId, actorEmail: "facilitatrice@majlis.test", template: "BLANK" });

beforeAll(async () => {
  workshopId = await seedDemo();
  sessionId = (await demoSessions(workshopId))[1].id;
});

describe("loading and unloading boards", () => {
  let server: RunningServer;
  let cookie: string;

  beforeAll(async () => {
    server = await startServer();
    cookie = await BoardClient.signIn(server.url, "participante@majlis.test");
  });

  it("unloads a board when its last person leaves, compacts it, and loads it again from the database", async () => {
    const boardId = await newBoard();
    const writer = client(server.url, boardId, cookie);
    const reader = client(server.url, boardId, cookie);
    await Promise.all([writer.synced(), reader.synced()]);
    for (let i = 0; i < 10; i += 1) writer.addNote(`Note ${i}`);
    await writer.allSaved();
    expect(server.boards.loadedBoardIds()).toContain(boardId);

    writer.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.boards.loadedBoardIds()).toContain(boardId);
    reader.destroy();
    await waitFor(() => !server.boards.loadedBoardIds().includes(boardId), "the board to be unloaded");
    await waitFor(async () => (await storedUpdates(boardId)).length === 0, "the update rows to be compacted");
    const snapshot = await getDb().boardSnapshot.findUniqueOrThrow({ where: { boardId } });
    expect(snapshot.upToUpdateId).toBeGreaterThan(0n);

    const later = client(server.url, boardId, cookie);
    await later.synced();
    expect(later.notes()).toEqual(Array.from({ length: 10 }, (_, i) => `Note ${i}`).sort());
    expect(server.boards.loadedBoardIds()).toContain(boardId);
  });

  it("keeps a board in memory until its last changes are saved", async () => {
    const boardId = await newBoard();
    const writer = client(server.url, boardId, cookie);
    await writer.synced();
    const block = await blockBoardWrites();
    try {
      writer.addNote("Dernière note avant de partir");
      await waitFor(() => writer.sent > 1, "the note to be sent");
      await new Promise((resolve) => setTimeout(resolve, 100));
      writer.destroy();
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(server.boards.loadedBoardIds()).toContain(boardId);
    } finally {
      await block.release();
    }
    await waitFor(() => !server.boards.loadedBoardIds().includes(boardId), "the board to be unloaded");
    expect(await storedNotes(boardId)).toEqual(["Dernière note avant de partir"]);
  });

  it("loads a board once for people arriving together, and none of their first messages is lost", async () => {
    const boardId = await newBoard();
    const arriving = Array.from({ length: 6 }, () => client(server.url, boardId, cookie));
    await Promise.all(arriving.map((each) => each.synced()));
    arriving.forEach((each, i) => each.addNote(`Arrivée ${i}`));
    const expected = arriving.map((_, i) => `Arrivée ${i}`).sort();
    await waitFor(() => arriving.every((each) => each.notes().join() === expected.join()), "every client to see every note");
    await Promise.all(arriving.map((each) => each.allSaved()));
    expect(await storedNotes(boardId)).toEqual(expected);
  });
});

/** A y-websocket update message, as a client sends it. */
function updateMessage(update: Uint8Array) {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.SYNC);
  encoding.writeVarUint(encoder, SyncMessageType.UPDATE);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The counts of the "saved" messages a bare socket receives. */
function savedCounts(ws: WebSocket): number[] {
  const counts: number[] = [];
  ws.on("message", (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) === MessageType.SAVED) counts.push(decoding.readVarUint(decoder));
  });
  return counts;
}

describe("changes that arrive before what they build on", () => {
  it("stores them as they came, so that confirming them is true, and applies them once the rest arrives", async () => {
    const server = await startServer();
    const cookie = await BoardClient.signIn(server.url, "participante@majlis.test");
    const boardId = await newBoard();

    // Another tab's change (a note) and this tab's edit of that note, which the server receives first.
    const tab = new Y.Doc();
    const noteId = addElement(tab, { type: "sticky", text: "Note" });
    const created = Y.encodeStateAsUpdate(tab);
    const before = Y.encodeStateVector(tab);
    (elementsOf(tab).get(noteId)!.get("text") as Y.Text).insert(4, " modifiée");
    const edited = Y.encodeStateAsUpdate(tab, before);

    const early = rawSocket(server.url, boardId, { Cookie: cookie });
    const confirmations = savedCounts(early);
    await opened(early);
    early.send(updateMessage(edited));
    await waitFor(() => confirmations.includes(1), "the edit to be confirmed");
    const rows = await storedUpdates(boardId);
    expect(rows.some((row) => Buffer.from(row.update).equals(Buffer.from(edited)))).toBe(true);
    early.close();
    await waitFor(() => !server.boards.loadedBoardIds().includes(boardId), "the board to be unloaded");

    const late = rawSocket(server.url, boardId, { Cookie: cookie });
    await opened(late);
    late.send(updateMessage(created));
    const reader = client(server.url, boardId, cookie);
    await waitFor(() => reader.provider.synced && reader.notes().includes("Note modifiée"), "the note with its edit");
    late.close();
  });
});

describe("compaction while people work", () => {
  it("merges the stored updates into the snapshot every N updates, losing nothing", async () => {
    const server = await startServer({ limits: { compactEvery: 5 } });
    const cookie = await BoardClient.signIn(server.url, "participante@majlis.test");
    const boardId = await newBoard();
    const writer = client(server.url, boardId, cookie);
    await writer.synced();
    for (let i = 0; i < 12; i += 1) {
      writer.addNote(`Compactée ${String(i).padStart(2, "0")}`);
      await writer.allSaved();
    }
    await waitFor(async () => (await getDb().boardSnapshot.findUniqueOrThrow({ where: { boardId } })).upToUpdateId > 0n, "a compaction");
    expect(server.boards.loadedBoardIds()).toContain(boardId);
    expect((await storedUpdates(boardId)).length).toBeLessThan(12);
    expect(await storedNotes(boardId)).toEqual(Array.from({ length: 12 }, (_, i) => `Compactée ${String(i).padStart(2, "0")}`));
  });
});

describe("shutdown", () => {
  it("waits for every board's changes to be saved before the pool closes", async () => {
    const server = await startServer();
    const cookie = await BoardClient.signIn(server.url, "participante@majlis.test");
    const boardId = await newBoard();
    const writer = client(server.url, boardId, cookie);
    await writer.synced();
    const block = await blockBoardWrites();
    let closed = false;
    let closing: Promise<void>;
    try {
      writer.addNote("Écrite juste avant l'arrêt");
      await waitFor(() => writer.sent > 1, "the note to be sent");
      await new Promise((resolve) => setTimeout(resolve, 100));
      closing = server.close().then(() => {
        closed = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(closed).toBe(false);
    } finally {
      await block.release();
    }
    await closing;
    writer.destroy();
    expect(await storedNotes(boardId)).toEqual(["Écrite juste avant l'arrêt"]);
    const snapshot = await getDb().boardSnapshot.findUniqueOrThrow({ where: { boardId } });
    expect(snapshot.upToUpdateId).toBeGreaterThan(0n);
  });
});

describe("a board open on two server processes", () => {
  it("converges through the update bus, cursors included", async () => {
    const bus = new InProcessBoardBus();
    const first = await startServer({ bus });
    const second = await startServer({ bus });
    const boardId = await newBoard();
    const onFirst = client(first.url, boardId, await BoardClient.signIn(first.url, "participante@majlis.test"));
    const onSecond = client(second.url, boardId, await BoardClient.signIn(second.url, "facilitatrice@majlis.test"));
    await Promise.all([onFirst.synced(), onSecond.synced()]);

    onFirst.addNote("Depuis le premier nœud");
    onSecond.addNote("Depuis le second nœud");
    const both = ["Depuis le premier nœud", "Depuis le second nœud"];
    await waitFor(() => onFirst.notes().join() === both.join() && onSecond.notes().join() === both.join(), "both nodes' notes everywhere");

    onFirst.provider.awareness.setLocalStateField("cursor", { x: 5, y: 6 });
    await waitFor(() => onSecond.provider.awareness.getStates().get(onFirst.doc.clientID)?.cursor !== undefined, "the cursor across nodes");
    expect(onSecond.provider.awareness.getStates().get(onFirst.doc.clientID)).toMatchObject({ user: { name: "Leila Amrani" } });

    await Promise.all([onFirst.allSaved(), onSecond.allSaved()]);
    // Each change is stored once, by the process its author is connected to.
    const rows = await storedUpdates(boardId);
    const texts = rows.map((row) => readElements(documentFromState(row.update)).map((element) => element.text)).flat();
    expect(texts.sort()).toEqual(both);

    // A third person arriving on the second node later, after the first node's changes, sees everything.
    onFirst.addNote("Encore du premier nœud");
    await onFirst.allSaved();
    const late = client(second.url, boardId, await BoardClient.signIn(second.url, "rapporteur@majlis.test"));
    await late.synced();
    await waitFor(() => late.notes().length === 3, "the late client to see all three notes");
  });
});
