import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addElement, elementsOf, newElementId, notesBySection, readElement, readElements, readMeta, sectionOf, sortSections } from "~/boards/document";
import { boardPermission, mayManageBoards } from "~/boards/permissions";
import { carriesDocumentUpdate, encodeSavedMessage, MessageType, readSavedCount } from "~/boards/protocol";
import type { WorkshopRole } from "~/generated/prisma/enums";
import { templateState } from "~/models/board-templates.server";
import { InProcessBoardBus, type BoardBusMessage } from "../../realtime/boards/bus";
import { UpdatePersister, type QueuedUpdate } from "../../realtime/boards/persister";
import { boardIdFromUrl } from "../../realtime/boards/upgrade";

describe("board permissions", () => {
  const access = (role: WorkshopRole | null, facilitatedSessionIds: string[] = []) => ({ role, facilitatedSessionIds });

  it("lets the people doing the work edit, observers and committee members view, and nobody else in", () => {
    expect(boardPermission(access("ORGANISER"))).toBe("edit");
    expect(boardPermission(access("FACILITATOR"))).toBe("edit");
    expect(boardPermission(access("RAPPORTEUR"))).toBe("edit");
    expect(boardPermission(access("PARTICIPANT"))).toBe("edit");
    expect(boardPermission(access("PEER"))).toBe("edit");
    expect(boardPermission(access("OBSERVER"))).toBe("view");
    expect(boardPermission(access("COMMITTEE_MEMBER"))).toBe("view");
    expect(boardPermission(access(null))).toBeNull();
    expect(boardPermission(access(null, ["s1"]))).toBe("edit");
  });

  it("lets organisers manage every session's boards, facilitators only their sessions'", () => {
    expect(mayManageBoards(access("ORGANISER"), "s2")).toBe(true);
    expect(mayManageBoards(access("FACILITATOR", ["s1"]), "s1")).toBe(true);
    expect(mayManageBoards(access("FACILITATOR", ["s1"]), "s2")).toBe(false);
    expect(mayManageBoards(access("PARTICIPANT"), "s1")).toBe(false);
  });
});

describe("the board document", () => {
  it("reads elements as plain data, skipping and repairing what a client wrote wrongly", () => {
    const doc = new Y.Doc();
    const id = addElement(doc, { type: "sticky", text: "Bonjour", x: 10, y: 20, colour: "pink" });
    const bogus = new Y.Map<unknown>();
    elementsOf(doc).set("bogus", bogus);
    bogus.set("type", "hologram");
    const odd = new Y.Map<unknown>();
    elementsOf(doc).set("odd", odd);
    odd.set("type", "shape");
    odd.set("x", "far away");
    odd.set("colour", "ultraviolet");
    odd.set("points", [1, "two", 3]);
    odd.set("text", "plain string");

    expect(readElements(doc).map((element) => element.id).sort()).toEqual([id, "odd"].sort());
    expect(readElement(id, elementsOf(doc).get(id))).toMatchObject({ type: "sticky", text: "Bonjour", x: 10, y: 20, colour: "pink", authorId: null });
    expect(readElement("odd", odd)).toMatchObject({ x: 0, colour: "yellow", points: [1, 3], text: "plain string", shape: null });
    expect(readElement("nope", "not a map")).toBeNull();
  });

  it("finds a note's section by parentId first, then by where its centre lies", () => {
    const doc = new Y.Doc();
    const left = addElement(doc, { type: "section", text: "Gauche", x: 0, y: 0, w: 100, h: 100 });
    const right = addElement(doc, { type: "section", text: "Droite", x: 200, y: 0, w: 100, h: 100 });
    addElement(doc, { type: "sticky", text: "placée", parentId: right, x: 10, y: 10, w: 20, h: 20 });
    addElement(doc, { type: "sticky", text: "posée", x: 20, y: 20, w: 20, h: 20 });
    addElement(doc, { type: "sticky", text: "dehors", x: 500, y: 500, w: 20, h: 20 });
    const elements = readElements(doc);
    const sections = sortSections(elements.filter((element) => element.type === "section"));
    const note = (text: string) => elements.find((element) => element.text === text)!;
    expect(sectionOf(note("placée"), sections)?.id).toBe(right);
    expect(sectionOf(note("posée"), sections)?.id).toBe(left);
    expect(sectionOf(note("dehors"), sections)).toBeNull();
    expect(notesBySection(doc).map(({ section, notes }) => [section?.text ?? null, notes.map((n) => n.text)])).toEqual([
      ["Gauche", ["posée"]],
      ["Droite", ["placée"]],
      [null, ["dehors"]],
    ]);
  });

  it("names elements with random ids that need no secure context", () => {
    const ids = new Set(Array.from({ length: 100 }, () => newElementId()));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe("board templates", () => {
  const sectionsOf = (state: Uint8Array) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    return { meta: readMeta(doc), titles: sortSections(readElements(doc).filter((e) => e.type === "section")).map((e) => e.text), doc };
  };

  it("seeds each co-design template with its sections, titled in the creator's language", () => {
    expect(sectionsOf(templateState({ template: "FEATURES_MOSCOW", language: "en", authorId: "u" })).titles).toEqual([
      "Must have",
      "Should have",
      "Could have",
      "Won't have this time",
    ]);
    expect(sectionsOf(templateState({ template: "PROJECT_HOLDER_JOURNEY", language: "fr", authorId: "u" })).titles).toHaveLength(6);
    expect(sectionsOf(templateState({ template: "DATA_INVENTORY", language: "fr", authorId: "u" })).titles).toEqual([
      "Jeu de données",
      "Détenteur",
      "Source",
      "Sensibilité",
      "Fréquence de mise à jour",
    ]);
    // Problem tree first (effects, problem, causes), each row facing its solution.
    expect(sectionsOf(templateState({ template: "PROBLEM_SOLUTION_TREE", language: "ar", authorId: "u" })).titles).toEqual([
      "النتائج",
      "الغايات",
      "المشكلة المركزية",
      "الهدف المركزي",
      "الأسباب",
      "الوسائل",
    ]);
    const blank = sectionsOf(templateState({ template: "BLANK", language: "fr", authorId: "u" }));
    expect(blank.titles).toEqual([]);
    expect(blank.meta).toEqual({ schemaVersion: 1, template: "BLANK" });
    const seeded = sectionsOf(templateState({ template: "FEATURES_MOSCOW", language: "fr", authorId: "creator" }));
    expect(readElements(seeded.doc).every((element) => element.authorId === "creator")).toBe(true);
  });
});

describe("the board protocol", () => {
  const syncMessage = (syncType: number) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.SYNC);
    encoding.writeVarUint(encoder, syncType);
    encoding.writeVarUint8Array(encoder, new Uint8Array([0, 0]));
    return encoding.toUint8Array(encoder);
  };

  it("counts sync step 2 and update messages as carrying document content, nothing else", () => {
    expect(carriesDocumentUpdate(syncMessage(0))).toBe(false);
    expect(carriesDocumentUpdate(syncMessage(1))).toBe(true);
    expect(carriesDocumentUpdate(syncMessage(2))).toBe(true);
    expect(carriesDocumentUpdate(new Uint8Array([MessageType.AWARENESS, 0]))).toBe(false);
    expect(carriesDocumentUpdate(new Uint8Array([]))).toBe(false);
  });

  it("encodes the saved message as its type then the count", () => {
    const message = encodeSavedMessage(300);
    const decoder = decoding.createDecoder(message);
    expect(decoding.readVarUint(decoder)).toBe(MessageType.SAVED);
    expect(readSavedCount(decoder)).toBe(300);
  });

  it("takes /yjs/<boardId> paths only", () => {
    expect(boardIdFromUrl("/yjs/cm123abc?token=1")).toBe("cm123abc");
    expect(boardIdFromUrl("/yjs/a/b")).toBeNull();
    expect(boardIdFromUrl("/yjs/")).toBeNull();
    expect(boardIdFromUrl("/socket.io/?EIO=4")).toBeUndefined();
    expect(boardIdFromUrl("/yjsx/abc")).toBeUndefined();
  });
});

describe("the in-process update bus", () => {
  it("delivers after the publisher's call returns, to every subscriber of that board, until they unsubscribe", async () => {
    const bus = new InProcessBoardBus();
    const received: Array<[string, BoardBusMessage]> = [];
    const stopA = bus.subscribe("b1", (message) => received.push(["a", message]));
    bus.subscribe("b1", (message) => received.push(["b", message]));
    bus.subscribe("b2", (message) => received.push(["other board", message]));
    const message: BoardBusMessage = { kind: "update", payload: new Uint8Array([1]), originNode: "n1" };
    const publishing = bus.publish("b1", message);
    expect(received).toEqual([]);
    await publishing;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(received.map(([who]) => who)).toEqual(["a", "b"]);
    stopA();
    await bus.publish("b1", message);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(received.map(([who]) => who)).toEqual(["a", "b", "b"]);
  });
});

describe("the board write queue", () => {
  const update = (byte: number): QueuedUpdate => ({ update: new Uint8Array([byte]), byUserId: "u" });

  it("writes in order, batching what arrives during a write, and counts a change as saved only after its write", async () => {
    const batches: number[][] = [];
    const savedReports: number[] = [];
    let finishWrite: (() => void) | undefined;
    const persister = new UpdatePersister({
      write: (batch) =>
        new Promise<void>((resolve) => {
          batches.push(batch.map((item) => item.update[0]));
          finishWrite = resolve;
        }),
      saved: (lastSaved) => savedReports.push(lastSaved),
      failed: () => undefined,
    });
    expect(persister.enqueue(update(1))).toBe(1);
    persister.enqueue(update(2));
    persister.enqueue(update(3));
    expect(persister.lastSaved).toBe(0);
    finishWrite!();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(persister.lastSaved).toBe(1);
    finishWrite!();
    await persister.idle();
    expect(batches).toEqual([[1], [2, 3]]);
    expect(savedReports).toEqual([1, 3]);
    expect(persister.isIdle).toBe(true);
  });

  it("retries a failed write, keeping the change unsaved until it succeeds", async () => {
    let attempts = 0;
    const failures: unknown[] = [];
    const persister = new UpdatePersister({
      write: async () => {
        attempts += 1;
        if (attempts < 3) throw new Error("database unreachable");
      },
      saved: () => undefined,
      failed: (error) => failures.push(error),
    });
    persister.enqueue(update(1));
    await persister.idle();
    expect(attempts).toBe(3);
    expect(failures).toHaveLength(2);
    expect(persister.lastSaved).toBe(1);
  });

  it("stops retrying when told to, leaving what could not be saved unsaved", async () => {
    const persister = new UpdatePersister({
      write: async () => {
        throw new Error("database unreachable");
      },
      saved: () => undefined,
      failed: () => undefined,
    });
    persister.enqueue(update(1));
    const idle = persister.idle();
    persister.stop();
    await idle;
    expect(persister.lastSaved).toBe(0);
    expect(persister.isStopped).toBe(true);
  });
});
