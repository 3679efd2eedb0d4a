import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { documentFromState, readElements, sortSections } from "~/boards/document";
import { MessageType } from "~/boards/protocol";
import { getDb } from "~/db/client.server";
import { readBoardState } from "~/models/board-storage.server";
import { CloseCode } from "../../app/boards/close-codes";
import { createServer, loadServerBuild, type RunningServer } from "../../realtime/server";
import { BoardClient, closeCode, demoSessions, makeBoard, opened, rawSocket, storedUpdates, upgradeStatus, waitFor } from "../support/boards";
import { seedDemo } from "../support/demo";

/** Texts of the sticky notes stored for a board, as a fresh load would see them. */
async function storedNotes(boardId: string) {
  const doc = documentFromState(await readBoardState({ boardId }));
  return readElements(doc)
    .filter((element) => element.type === "sticky")
    .map((element) => element.text);
}

const clients: BoardClient[] = [];
function client(url: string, boardId: string, cookie: string, options: { origin?: string } = {}) {
  const created = new BoardClient(url, boardId, cookie, options);
  clients.push(created);
  return created;
}
afterEach(() => {
  for (const created of clients.splice(0)) created.destroy();
});

let workshopId: string;
let boardId: string;
let cookies: Record<"facilitator" | "participant" | "observer" | "committee", string>;

describe("the board server with the stock y-websocket client", () => {
  let server: RunningServer;

  beforeAll(async () => {
    workshopId = await seedDemo();
    const [session] = await demoSessions(workshopId);
    boardId = await makeBoard({ workshopId, sessionId: session.id, actorEmail: "facilitateur@majlis.test" });
    server = await createServer({ port: 0, host: "127.0.0.1", build: await loadServerBuild(), mode: "production" });
    cookies = {
      facilitator: await BoardClient.signIn(server.url, "facilitateur@majlis.test"),
      participant: await BoardClient.signIn(server.url, "participante@majlis.test"),
      observer: await BoardClient.signIn(server.url, "observateur@majlis.test"),
      committee: await BoardClient.signIn(server.url, "comite@majlis.test"),
    };
  });
  afterAll(async () => {
    await server?.close();
  });

  it("syncs two clients both ways, starting from the template's sections", async () => {
    const a = client(server.url, boardId, cookies.facilitator);
    const b = client(server.url, boardId, cookies.participant);
    await Promise.all([a.synced(), b.synced()]);
    const sections = sortSections(readElements(b.doc).filter((element) => element.type === "section")).map((element) => element.text);
    expect(sections).toEqual(["Indispensable (Must)", "Important (Should)", "Souhaitable (Could)", "Pas cette fois (Won't)"]);

    a.addNote("Guichet unique pour les porteurs de projets");
    b.addNote("نافذة موحدة للمستثمرين");
    await waitFor(() => a.notes().length === 2 && b.notes().length === 2, "both notes on both clients");
    expect(a.notes()).toEqual(b.notes());
    await Promise.all([a.allSaved(), b.allSaved()]);
    expect((await storedNotes(boardId)).sort()).toEqual(a.notes());
  });

  it("shows each person's cursor with the name from their session, whatever name their client claims", async () => {
    const a = client(server.url, boardId, cookies.participant);
    const b = client(server.url, boardId, cookies.facilitator);
    await Promise.all([a.synced(), b.synced()]);
    a.provider.awareness.setLocalState({ user: { id: "someone-else", name: "Ministre" }, cursor: { x: 10, y: 20 } });
    await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID)?.cursor !== undefined, "a's cursor on b");
    const seen = b.provider.awareness.getStates().get(a.doc.clientID);
    const participant = await getDb().user.findUniqueOrThrow({ where: { email: "participante@majlis.test" } });
    expect(seen).toMatchObject({ user: { id: participant.id, name: "Leila Amrani", readOnly: false }, cursor: { x: 10, y: 20 } });
  });

  it("records the sender as the author of what they add, whatever author their client writes", async () => {
    const a = client(server.url, boardId, cookies.participant);
    const b = client(server.url, boardId, cookies.facilitator);
    await Promise.all([a.synced(), b.synced()]);
    const facilitator = await getDb().user.findUniqueOrThrow({ where: { email: "facilitateur@majlis.test" } });
    const participant = await getDb().user.findUniqueOrThrow({ where: { email: "participante@majlis.test" } });
    const id = a.addNote("Attribuée à quelqu'un d'autre", { authorId: facilitator.id });
    await waitFor(() => readElements(b.doc).find((element) => element.id === id)?.authorId === participant.id, "the corrected author on b");
    await a.allSaved();
    expect(readElements(a.doc).find((element) => element.id === id)?.authorId).toBe(participant.id);
    const stored = readElements(documentFromState(await readBoardState({ boardId }))).find((element) => element.id === id);
    expect(stored?.authorId).toBe(participant.id);
  });

  it("lets observers and committee members follow, refuses their changes with READ_ONLY and never stores them", async () => {
    const editor = client(server.url, boardId, cookies.facilitator);
    const observer = client(server.url, boardId, cookies.observer);
    const committee = client(server.url, boardId, cookies.committee);
    await Promise.all([editor.synced(), observer.synced(), committee.synced()]);
    editor.addNote("Vu par les observateurs");
    await waitFor(() => observer.notes().includes("Vu par les observateurs") && committee.notes().includes("Vu par les observateurs"), "read-only clients see changes");
    await editor.allSaved();

    observer.addNote("Ajout d'un observateur");
    committee.addNote("Ajout du comité");
    await Promise.all([observer.closedWith(CloseCode.READ_ONLY), committee.closedWith(CloseCode.READ_ONLY)]);
    // The code is final for the stock client: it does not come back to try again.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(observer.provider.shouldConnect).toBe(false);
    expect(observer.closeCodes).toEqual([CloseCode.READ_ONLY]);

    const fresh = client(server.url, boardId, cookies.participant);
    await fresh.synced();
    expect(fresh.notes()).toContain("Vu par les observateurs");
    expect(fresh.notes()).not.toContain("Ajout d'un observateur");
    expect(await storedNotes(boardId)).not.toContain("Ajout d'un observateur");
    expect(await storedNotes(boardId)).not.toContain("Ajout du comité");
    const readers = await getDb().user.findMany({ where: { email: { in: ["observateur@majlis.test", "comite@majlis.test"] } } });
    const stored = await storedUpdates(boardId);
    expect(stored.filter((row) => readers.some((reader) => reader.id === row.byUserId))).toEqual([]);
  });

  it("confirms a change as saved only once its row is committed", async () => {
    const a = client(server.url, boardId, cookies.participant);
    const b = client(server.url, boardId, cookies.facilitator);
    await Promise.all([a.synced(), b.synced()]);
    await a.allSaved();
    const rowsBefore = (await storedUpdates(boardId)).length;

    // Another session holds a lock that makes every INSERT into BoardUpdate wait.
    const blocker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await blocker.connect();
    try {
      await blocker.query("BEGIN");
      await blocker.query(`LOCK TABLE "BoardUpdate" IN SHARE MODE`);
      a.addNote("Écrite pendant que la base est bloquée");
      const sentAt = a.sent;
      // Other people see it at once: storage does not hold up the fan-out...
      await waitFor(() => b.notes().includes("Écrite pendant que la base est bloquée"), "b sees the note");
      await new Promise((resolve) => setTimeout(resolve, 500));
      // ...but its sender is not told it is saved, because it is not.
      expect(a.saved).toBeLessThan(sentAt);
      expect((await storedUpdates(boardId)).length).toBe(rowsBefore);
      await blocker.query("COMMIT");
    } finally {
      await blocker.end();
    }
    await a.allSaved();
    expect((await storedUpdates(boardId)).length).toBeGreaterThan(rowsBefore);
    expect(await storedNotes(boardId)).toContain("Écrite pendant que la base est bloquée");
  });

  describe("refuses the upgrade before any WebSocket exists", () => {
    let others: { publishedBoardId: string; draftBoardId: string };

    beforeAll(async () => {
      const db = getDb();
      const owner = await db.user.create({ data: { email: "autre-organisatrice@majlis.test", name: "Autre organisatrice", canOrganise: true } });
      const workshop = (status: "PUBLISHED" | "DRAFT", joinCode: string) =>
        db.workshop.create({
          data: {
            title: `Autre atelier ${status}`,
            startsAt: new Date("2024-01-01T09:00:00Z"),
            endsAt: new Date("2024-01-01T17:00:00Z"),
            joinCode,
            status,
            createdById: owner.id,
            memberships: { create: { userId: owner.id, role: "ORGANISER" } },
            sessions: { create: { title: "Session unique" } },
          },
          select: { id: true, sessions: { select: { id: true } } },
        });
      const published = await workshop("PUBLISHED", "OTHERPUB");
      const draft = await workshop("DRAFT", "OTHERDRF");
      others = {
        publishedBoardId: await makeBoard({ workshopId: published.id, sessionId: published.sessions[0].id, actorEmail: "autre-organisatrice@majlis.test" }),
        draftBoardId: await makeBoard({ workshopId: draft.id, sessionId: draft.sessions[0].id, actorEmail: "autre-organisatrice@majlis.test" }),
      };
    });

    it("401 without a session cookie, or with one that is not ours", async () => {
      expect(await upgradeStatus(server.url, `/yjs/${boardId}`)).toBe(401);
      expect(await upgradeStatus(server.url, `/yjs/${boardId}`, { Cookie: "majlis_session=forged" })).toBe(401);
    });

    it("403 when a page of another site opens it, 101 for our own pages", async () => {
      expect(await upgradeStatus(server.url, `/yjs/${boardId}`, { Cookie: cookies.participant, Origin: "https://evil.example" })).toBe(403);
      expect(await upgradeStatus(server.url, `/yjs/${boardId}`, { Cookie: cookies.participant, Origin: server.url })).toBe(101);
    });

    it("404 for an unknown board or a path that is no board id", async () => {
      expect(await upgradeStatus(server.url, "/yjs/no-such-board", { Cookie: cookies.participant })).toBe(404);
      expect(await upgradeStatus(server.url, "/yjs/a/b", { Cookie: cookies.participant })).toBe(404);
    });

    it("403 for a board of a public workshop the person is not part of, 404 for one of a draft they cannot see", async () => {
      expect(await upgradeStatus(server.url, `/yjs/${others.publishedBoardId}`, { Cookie: cookies.participant })).toBe(403);
      expect(await upgradeStatus(server.url, `/yjs/${others.draftBoardId}`, { Cookie: cookies.participant })).toBe(404);
    });

    it("leaves /socket.io upgrades to socket.io", async () => {
      expect(await upgradeStatus(server.url, "/socket.io/?EIO=4&transport=websocket", { Cookie: cookies.participant })).toBe(101);
    });
  });

  describe("closes a connection that sends a malformed message, and only that one", () => {
    const malformed: Array<[string, Buffer | string]> = [
      ["an unknown message type", Buffer.from([42])],
      ["an unknown sync message type", Buffer.from([MessageType.SYNC, 7, 0])],
      ["a length prefix longer than the message", Buffer.from([MessageType.SYNC, 2, 100, 1, 2])],
      ["bytes that are no Yjs update", Buffer.from([MessageType.SYNC, 2, 5, 9, 200, 200, 200, 200])],
      ["an awareness update that is not JSON", Buffer.concat([Buffer.from([MessageType.AWARENESS, 7, 1, 7, 1, 3]), Buffer.from("{x:")])],
      ["a text frame", "hello"],
      ["an empty message", Buffer.alloc(0)],
    ];

    for (const [what, message] of malformed) {
      it(`${what}: MALFORMED_MESSAGE`, async () => {
        const bystander = client(server.url, boardId, cookies.facilitator);
        await bystander.synced();
        const ws = rawSocket(server.url, boardId, { Cookie: cookies.participant });
        await opened(ws);
        const closed = closeCode(ws);
        ws.send(message);
        expect(await closed).toBe(CloseCode.MALFORMED_MESSAGE);

        const other = client(server.url, boardId, cookies.participant);
        await other.synced();
        other.addNote(`Toujours là après ${what}`);
        await waitFor(() => bystander.notes().includes(`Toujours là après ${what}`), "the server still relays changes");
        expect(bystander.closeCodes).toEqual([]);
        expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      });
    }
  });
});

describe("the board server's limits", () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await createServer({
      port: 0,
      host: "127.0.0.1",
      build: await loadServerBuild(),
      mode: "production",
      boards: { limits: { maxMessageBytes: 16 * 1024, maxBoardBytes: 48 * 1024, messagesPerSecond: 20, messageBurst: 40 } },
    });
    cookies.participant = await BoardClient.signIn(server.url, "participante@majlis.test");
  });
  afterAll(async () => {
    await server?.close();
  });

  it("closes a connection whose message is larger than allowed with MESSAGE_TOO_LARGE", async () => {
    const ws = rawSocket(server.url, boardId, { Cookie: cookies.participant });
    await opened(ws);
    const closed = closeCode(ws);
    ws.send(Buffer.concat([Buffer.from([MessageType.QUERY_AWARENESS]), Buffer.alloc(20 * 1024)]));
    expect(await closed).toBe(CloseCode.MESSAGE_TOO_LARGE);
  });

  it("cuts frames far beyond the limit in the transport, before buffering them", async () => {
    const ws = rawSocket(server.url, boardId, { Cookie: cookies.participant });
    await opened(ws);
    const closed = closeCode(ws);
    ws.send(Buffer.alloc(64 * 1024));
    expect(await closed).toBe(CloseCode.TRANSPORT_MESSAGE_TOO_BIG);
  });

  it("closes a connection that floods the server with RATE_LIMITED", async () => {
    const ws = rawSocket(server.url, boardId, { Cookie: cookies.participant });
    await opened(ws);
    const closed = closeCode(ws);
    for (let i = 0; i < 200; i += 1) ws.send(Buffer.from([MessageType.QUERY_AWARENESS]));
    expect(await closed).toBe(CloseCode.RATE_LIMITED);
  });

  it("refuses a change that would make the board too large with BOARD_TOO_LARGE, without storing it", async () => {
    const bystander = client(server.url, boardId, cookies.participant);
    const writer = client(server.url, boardId, cookies.participant);
    await Promise.all([bystander.synced(), writer.synced()]);
    const big = "x".repeat(12 * 1024);
    for (let i = 0; i < 5 && writer.closeCodes.length === 0; i += 1) {
      writer.addNote(`${i} ${big}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await writer.closedWith(CloseCode.BOARD_TOO_LARGE);
    const stored = await storedNotes(boardId);
    expect(stored.filter((text) => text.endsWith(big)).length).toBeLessThan(5);
    expect(bystander.closeCodes).toEqual([]);
    expect(bystander.notes().filter((text) => text.endsWith(big)).length).toBe(stored.filter((text) => text.endsWith(big)).length);
  });
});
