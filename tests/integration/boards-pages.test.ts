import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addElement, documentFromState, readElements, sortSections } from "~/boards/document";
import { getDb } from "~/db/client.server";
import { DEMO_PASSWORD } from "~/db/seed-demo.server";
import { appendBoardUpdates, readBoardState } from "~/models/board-storage.server";
import { HttpClient, useApp } from "../support/app";
import { demoSessions, makeBoard } from "../support/boards";
import { seedDemo } from "../support/demo";
import { pageHtml, visibleText } from "../support/page-html";
import { parseCsv } from "../support/parse-csv";

const ORGANISER = "organisatrice@majlis.test";
const FACILITATOR_S1 = "facilitateur@majlis.test";
const FACILITATOR_S2 = "facilitatrice@majlis.test";
const PARTICIPANT = "participante@majlis.test";
const OBSERVER = "observateur@majlis.test";
const OUTSIDER = "exterieur@majlis.test";

const app = useApp();
let workshopId: string;
let sessions: Array<{ id: string; title: string }>;

beforeAll(async () => {
  workshopId = await seedDemo();
  sessions = await demoSessions(workshopId);
  const hicham = await getDb().user.findUniqueOrThrow({ where: { email: "hicham.ouazzani@majlis.test" }, select: { passwordHash: true } });
  // Signed in, but a member of nothing.
  await getDb().user.create({ data: { email: OUTSIDER, name: "Personne extérieure", passwordHash: hicham.passwordHash } });
});

async function signedIn(email: string, language = "fr") {
  const http = new HttpClient(app.url, { "Accept-Language": language });
  await http.signIn(email, DEMO_PASSWORD);
  return http;
}

const userId = async (email: string) => (await getDb().user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;

/** Notes stored the way the board server stores a change: one more update row. */
async function storeNotes(boardId: string, notes: Array<{ text: string; sectionIndex: number | null; authorEmail: string }>) {
  const doc = documentFromState(await readBoardState({ boardId }));
  const sections = sortSections(readElements(doc).filter((element) => element.type === "section"));
  const before = Y.encodeStateVector(doc);
  for (const [index, note] of notes.entries()) {
    const section = note.sectionIndex === null ? null : sections[note.sectionIndex];
    addElement(doc, {
      type: "sticky",
      text: note.text,
      authorId: await userId(note.authorEmail),
      parentId: section?.id ?? null,
      x: 2000 + index * 10,
      y: index * 10,
    });
  }
  await appendBoardUpdates({ boardId, updates: [{ update: Y.encodeStateAsUpdate(doc, before), byUserId: await userId(notes[0].authorEmail) }] });
}

async function storedNoteTexts(boardId: string) {
  return readElements(documentFromState(await readBoardState({ boardId })))
    .filter((element) => element.type === "sticky")
    .map((element) => element.text)
    .sort();
}

const csvOf = async (response: Response) => {
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
  expect(text.startsWith("\uFEFF")).toBe(true);
  return parseCsv(text.slice(1));
};

describe("the boards page", () => {
  const page = (http: HttpClient) => http.get(`/workshops/${workshopId}/boards`);

  it("lists the boards per session and offers organisers to create one in every session", async () => {
    const response = await page(await signedIn(ORGANISER));
    expect(response.status).toBe(200);
    const html = await pageHtml(response);
    for (const session of sessions) expect(html).toContain(session.title);
    expect(html.match(/name="intent" value="create"/g)?.length).toBe(2);
    expect(html).toContain("Arbre à problèmes et à solutions");
    expect(html).toContain(`href="/workshops/${workshopId}/boards"`);
  });

  it("lets a facilitator create a board from a template in their own session only, seeded in their language", async () => {
    const facilitator = await signedIn(FACILITATOR_S1, "ar");
    const html = await pageHtml(await page(facilitator));
    expect(html.match(/name="intent" value="create"/g)?.length).toBe(1);

    const created = await facilitator.post(`/workshops/${workshopId}/boards`, {
      intent: "create",
      sessionId: sessions[0].id,
      title: "Inventaire des données du dispositif",
      template: "DATA_INVENTORY",
    });
    expect(created.status).toBe(302);
    const board = await getDb().board.findFirstOrThrow({ where: { title: "Inventaire des données du dispositif" } });
    expect(created.headers.get("Location")).toBe(`/workshops/${workshopId}/boards#board-${board.id}`);
    expect(board).toMatchObject({ workshopId, sessionId: sessions[0].id, template: "DATA_INVENTORY", createdById: await userId(FACILITATOR_S1) });
    const sections = sortSections(readElements(documentFromState(await readBoardState({ boardId: board.id }))).filter((e) => e.type === "section"));
    expect(sections.map((section) => section.text)).toEqual(["مجموعة البيانات", "الجهة المالكة", "المصدر", "درجة الحساسية", "وتيرة التحديث"]);

    const elsewhere = await facilitator.post(`/workshops/${workshopId}/boards`, {
      intent: "create",
      sessionId: sessions[1].id,
      title: "Pas ma session",
      template: "BLANK",
    });
    expect(elsewhere.status).toBe(403);
    expect(await getDb().board.count({ where: { title: "Pas ma session" } })).toBe(0);
  });

  it("answers a form with errors in the reader's language and keeps what was typed", async () => {
    const organiser = await signedIn(ORGANISER, "en");
    const response = await organiser.post(`/workshops/${workshopId}/boards`, { intent: "create", sessionId: sessions[1].id, title: "  ", template: "MIND_MAP" });
    expect(response.status).toBe(400);
    const text = visibleText(await pageHtml(response));
    expect(text).toContain("This field is required.");
    expect(text).toContain("Choose one of the options offered.");
  });

  it("shows the boards to participants and observers without the organisers' forms, and refuses their changes", async () => {
    const participant = await signedIn(PARTICIPANT);
    const html = await pageHtml(await page(participant));
    expect(html).not.toContain('value="create"');
    expect(html).toContain("Inventaire des données du dispositif");
    const refused = await participant.post(`/workshops/${workshopId}/boards`, { intent: "create", sessionId: sessions[0].id, title: "Non", template: "BLANK" });
    expect(refused.status).toBe(403);

    const observerPage = visibleText(await pageHtml(await page(await signedIn(OBSERVER))));
    expect(observerPage).toContain("Vous suivez les tableaux en lecture seule.");
  });

  it("is refused to people who are not part of the workshop, and sends anonymous visitors to sign in", async () => {
    expect((await page(await signedIn(OUTSIDER))).status).toBe(403);
    const anonymous = await new HttpClient(app.url).get(`/workshops/${workshopId}/boards`);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });
});

describe("exports", () => {
  let boardId: string;

  beforeAll(async () => {
    boardId = await makeBoard({ workshopId, sessionId: sessions[0].id, actorEmail: FACILITATOR_S1, template: "FEATURES_MOSCOW", title: "Fonctionnalités" });
    await storeNotes(boardId, [
      { text: "Guichet unique, en ligne", sectionIndex: 0, authorEmail: PARTICIPANT },
      { text: "=HYPERLINK(\"x\")", sectionIndex: 1, authorEmail: PARTICIPANT },
      { text: "تطبيق على الهاتف", sectionIndex: 0, authorEmail: FACILITATOR_S1 },
      { text: "Hors cadre", sectionIndex: null, authorEmail: PARTICIPANT },
    ]);
  });

  it("gives the board as JSON, with each element's author", async () => {
    const response = await (await signedIn(OBSERVER)).get(`/boards/${boardId}.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const body = (await response.json()) as {
      board: { id: string; title: string; template: string; sessionTitle: string };
      version: null;
      meta: { schemaVersion: number; template: string };
      elements: Array<{ type: string; text: string; authorName: string | null }>;
    };
    expect(body.board).toMatchObject({ id: boardId, title: "Fonctionnalités", template: "FEATURES_MOSCOW", sessionTitle: sessions[0].title });
    expect(body.version).toBeNull();
    expect(body.meta).toEqual({ schemaVersion: 1, template: "FEATURES_MOSCOW" });
    expect(body.elements.filter((element) => element.type === "section")).toHaveLength(4);
    expect(body.elements.find((element) => element.text === "تطبيق على الهاتف")).toMatchObject({ type: "sticky", authorName: "Youssef Benali" });
  });

  it("gives the notes as CSV: text, author, section, votes, sections in reading order, in the reader's language", async () => {
    const response = await (await signedIn(PARTICIPANT, "en")).get(`/boards/${boardId}/notes.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(new RegExp(`^attachment; filename="board-notes-${boardId}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
    const rows = await csvOf(response);
    expect(rows[0]).toEqual(["Text", "Author", "Section", "Votes"]);
    expect(rows.slice(1).sort((a, b) => a[0].localeCompare(b[0]))).toEqual(
      [
        ["Guichet unique, en ligne", "Leila Amrani", "Indispensable (Must)", "0"],
        ["تطبيق على الهاتف", "Youssef Benali", "Indispensable (Must)", "0"],
        // A spreadsheet must not run a note as a formula.
        ["'=HYPERLINK(\"x\")", "Leila Amrani", "Important (Should)", "0"],
        ["Hors cadre", "Leila Amrani", "(outside any section)", "0"],
      ].sort((a, b) => a[0].localeCompare(b[0])),
    );
    expect(rows.map((row) => row[2])).toEqual(["Section", "Indispensable (Must)", "Indispensable (Must)", "Important (Should)", "(outside any section)"]);
  });

  it("checks access like the board itself: 403 outside the workshop, 404 for an unknown board, sign-in first", async () => {
    const outsider = await signedIn(OUTSIDER);
    expect((await outsider.get(`/boards/${boardId}.json`)).status).toBe(403);
    expect((await outsider.get(`/boards/${boardId}/notes.csv`)).status).toBe(403);
    const participant = await signedIn(PARTICIPANT);
    expect((await participant.get("/boards/no-such-board.json")).status).toBe(404);
    expect((await participant.get("/boards/no-such-board/notes.csv")).status).toBe(404);
    expect((await new HttpClient(app.url).get(`/boards/${boardId}.json`)).status).toBe(302);
  });
});

describe("frozen versions", () => {
  let boardId: string;

  beforeAll(async () => {
    boardId = await makeBoard({ workshopId, sessionId: sessions[0].id, actorEmail: FACILITATOR_S1, template: "PROJECT_HOLDER_JOURNEY", title: "Parcours" });
    await storeNotes(boardId, [{ text: "Trouver le bon interlocuteur", sectionIndex: 1, authorEmail: PARTICIPANT }]);
  });

  it("lets the session's facilitator freeze what is saved, and the version no longer follows the board", async () => {
    const facilitator = await signedIn(FACILITATOR_S1);
    const frozen = await facilitator.post(`/workshops/${workshopId}/boards`, { intent: "freeze", boardId, name: "Fin de la session 1" });
    expect(frozen.status).toBe(302);
    const version = await getDb().boardVersion.findFirstOrThrow({ where: { boardId } });
    expect(frozen.headers.get("Location")).toBe(`/workshops/${workshopId}/boards#version-${version.id}`);
    expect(version).toMatchObject({ name: "Fin de la session 1", createdById: await userId(FACILITATOR_S1) });

    await storeNotes(boardId, [{ text: "Ajoutée après le gel", sectionIndex: 2, authorEmail: PARTICIPANT }]);
    const versionJson = (await (await signedIn(OBSERVER)).get(`/boards/${boardId}.json?version=${version.id}`).then((r) => r.json())) as {
      version: { id: string; name: string };
      elements: Array<{ text: string }>;
    };
    expect(versionJson.version).toMatchObject({ id: version.id, name: "Fin de la session 1" });
    const texts = versionJson.elements.map((element) => element.text);
    expect(texts).toContain("Trouver le bon interlocuteur");
    expect(texts).not.toContain("Ajoutée après le gel");

    const html = visibleText(await pageHtml(await facilitator.get(`/workshops/${workshopId}/boards`)));
    expect(html).toContain("Fin de la session 1");
  });

  it("keeps versions immutable, down to the database", async () => {
    const version = await getDb().boardVersion.findFirstOrThrow({ where: { boardId } });
    await expect(getDb().boardVersion.update({ where: { id: version.id }, data: { name: "Réécrite" } })).rejects.toThrow(/frozen/);
    await expect(getDb().boardVersion.update({ where: { id: version.id }, data: { state: new Uint8Array([0, 0]) } })).rejects.toThrow(/frozen/);
    expect((await getDb().boardVersion.findUniqueOrThrow({ where: { id: version.id } })).name).toBe("Fin de la session 1");
  });

  it("restores a version as a new board of the same session, leaving the original as it is", async () => {
    const version = await getDb().boardVersion.findFirstOrThrow({ where: { boardId } });
    const organiser = await signedIn(ORGANISER);
    const restored = await organiser.post(`/workshops/${workshopId}/boards`, { intent: "restore", boardId, versionId: version.id });
    expect(restored.status).toBe(302);
    const copy = await getDb().board.findFirstOrThrow({ where: { title: "Parcours — Fin de la session 1" } });
    expect(restored.headers.get("Location")).toBe(`/workshops/${workshopId}/boards#board-${copy.id}`);
    expect(copy).toMatchObject({ sessionId: sessions[0].id, template: "PROJECT_HOLDER_JOURNEY", createdById: await userId(ORGANISER) });
    expect(await storedNoteTexts(copy.id)).toEqual(["Trouver le bon interlocuteur"]);
    expect(await storedNoteTexts(boardId)).toEqual(["Ajoutée après le gel", "Trouver le bon interlocuteur"]);
  });

  it("is for the organisers and the board's session facilitators only; a blank name is refused", async () => {
    const version = await getDb().boardVersion.findFirstOrThrow({ where: { boardId } });
    const count = await getDb().boardVersion.count();
    for (const email of [PARTICIPANT, FACILITATOR_S2]) {
      const http = await signedIn(email);
      expect((await http.post(`/workshops/${workshopId}/boards`, { intent: "freeze", boardId, name: "Non" })).status).toBe(403);
      expect((await http.post(`/workshops/${workshopId}/boards`, { intent: "restore", boardId, versionId: version.id })).status).toBe(403);
    }
    const facilitator = await signedIn(FACILITATOR_S1);
    const blank = await facilitator.post(`/workshops/${workshopId}/boards`, { intent: "freeze", boardId, name: " " });
    expect(blank.status).toBe(400);
    expect(visibleText(await pageHtml(blank))).toContain("Ce champ est obligatoire.");
    expect(await getDb().boardVersion.count()).toBe(count);
    expect((await facilitator.get(`/boards/${boardId}.json?version=no-such-version`)).status).toBe(404);
  });
});
