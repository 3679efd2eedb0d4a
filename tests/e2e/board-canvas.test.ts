import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { readElements } from "~/boards/document";
import { getDb } from "~/db/client.server";
import { DEMO_PASSWORD } from "~/db/seed-demo.server";
import { readBoardState } from "~/models/board-storage.server";
import { documentFromState } from "~/boards/document";
import { setText } from "~/boards/editing";
import { freezeBoardVersion } from "~/models/board-versions.server";
import { createBoard } from "~/models/boards.server";
import { BoardClient } from "../support/boards";
import { startTcpProxy } from "../support/tcp-proxy";
import { LAPTOP, PHONE, seriousA11yViolations, signInWithBrowser, useAppInBrowser } from "../support/browser";

const app = useAppInBrowser();

async function boardInSessionOne(title: string) {
  const session = await getDb().session.findFirstOrThrow({ where: { workshopId: app.demoWorkshopId }, orderBy: { position: "asc" } });
  const facilitator = await getDb().user.findUniqueOrThrow({ where: { email: "facilitateur@majlis.test" } });
  const created = await createBoard({ workshopId: app.demoWorkshopId, sessionId: session.id, actorId: facilitator.id, title, template: "FEATURES_MOSCOW", language: "fr" });
  if (!created.ok) throw new Error("board not created");
  return created.boardId;
}

async function openBoard(context: BrowserContext, email: string, boardId: string, query = "", baseUrl = app.url): Promise<Page> {
  const page = await context.newPage();
  await signInWithBrowser(page, baseUrl, email, DEMO_PASSWORD);
  await page.goto(`${baseUrl}/workshops/${app.demoWorkshopId}/boards/${boardId}${query}`);
  await page.locator('[data-save-state="saved"]').waitFor();
  return page;
}

/** The on-screen centre of the canvas, then an offset from it. */
async function canvasPoint(page: Page, dx = 0, dy = 0) {
  const box = await page.locator(".board-canvas__svg").boundingBox();
  if (!box) throw new Error("no canvas");
  return { x: box.x + box.width / 2 + dx, y: box.y + box.height / 2 + dy };
}

function noteOnCanvas(page: Page, text: string) {
  return page.locator(".board-canvas__svg [data-element-id]", { hasText: text });
}

async function savedNotes(boardId: string) {
  const doc = documentFromState(await readBoardState({ boardId }));
  return readElements(doc).filter((element) => element.type === "sticky");
}

describe("two people on one whiteboard, in real browsers", () => {
  it("see each other's notes, cursors and moves live; undo takes back one's own change; Arabic reads right to left", async () => {
    const boardId = await boardInSessionOne("Co-conception de la plateforme");
    const laptop = await app.browser.newContext({ ...LAPTOP, locale: "fr-FR" });
    const phone = await app.browser.newContext({ ...PHONE, locale: "ar-MA" });
    const facilitator = await openBoard(laptop, "facilitateur@majlis.test", boardId);
    const participant = await openBoard(phone, "participante@majlis.test", boardId, "?lng=ar");

    // The template's sections are on both screens.
    await noteOnCanvas(facilitator, "Indispensable (Must)").waitFor();
    await noteOnCanvas(participant, "Indispensable (Must)").waitFor();
    expect(await seriousA11yViolations(facilitator)).toEqual([]);

    // The facilitator adds a sticky note with the Note tool and types in place.
    await facilitator.getByRole("button", { name: "Note" }).click();
    const spot = await canvasPoint(facilitator, 0, 120);
    await facilitator.mouse.click(spot.x, spot.y);
    await facilitator.getByRole("textbox", { name: "Texte de la note", exact: true }).fill("Annuaire des compétences de la diaspora");
    await facilitator.keyboard.press("Control+Enter");
    await facilitator.locator('[data-save-state="saved"]').waitFor();
    await noteOnCanvas(participant, "Annuaire des compétences de la diaspora").waitFor();
    // Its author's name is on the note, on the other screen too.
    await noteOnCanvas(participant, "Youssef Benali").waitFor();
    expect((await savedNotes(boardId)).map((note) => note.text)).toContain("Annuaire des compétences de la diaspora");

    // The participant sees the facilitator's cursor with their name.
    const over = await canvasPoint(facilitator, 60, -60);
    await facilitator.mouse.move(over.x, over.y);
    await participant.locator('[data-cursor-of="Youssef Benali"]').waitFor();
    // …and the note they have selected, with their name on it.
    await participant.locator('[data-selection-of="Youssef Benali"]').waitFor();

    // The participant, on a phone in Arabic, adds a note by touch.
    await participant.getByRole("button", { name: "ملاحظة" }).tap();
    const tapAt = await canvasPoint(participant, 0, 150);
    await participant.touchscreen.tap(tapAt.x, tapAt.y);
    await participant.getByRole("textbox", { name: "نص الملاحظة", exact: true }).fill("منصة رقمية للكفاءات Majlis");
    await participant.locator(".board-bar").tap();
    await participant.locator('[data-save-state="saved"]').waitFor();
    const arabicNote = noteOnCanvas(facilitator, "منصة رقمية للكفاءات");
    await arabicNote.waitFor();
    expect(await arabicNote.locator("text").first().getAttribute("direction")).toBe("rtl");

    // The facilitator drags their note; the participant sees it move.
    const note = noteOnCanvas(facilitator, "Annuaire des compétences de la diaspora");
    const before = await note.locator("rect").nth(1).getAttribute("x");
    const noteBox = await note.boundingBox();
    if (!noteBox) throw new Error("note not drawn");
    await facilitator.mouse.move(noteBox.x + noteBox.width / 2, noteBox.y + noteBox.height / 2);
    await facilitator.mouse.down();
    await facilitator.mouse.move(noteBox.x + noteBox.width / 2 + 200, noteBox.y + noteBox.height / 2, { steps: 8 });
    await facilitator.mouse.up();
    const remoteNote = noteOnCanvas(participant, "Annuaire des compétences de la diaspora").locator("rect").nth(1);
    await expect.poll(() => remoteNote.getAttribute("x")).not.toBe(before);

    // Undo takes the move back, for everyone, and leaves the participant's note alone.
    await facilitator.locator(".board-canvas").focus();
    await facilitator.keyboard.press("Control+z");
    await expect.poll(() => remoteNote.getAttribute("x")).toBe(before);
    await expect.poll(async () => (await savedNotes(boardId)).map((saved) => saved.text).sort()).toEqual(["Annuaire des compétences de la diaspora", "منصة رقمية للكفاءات Majlis"].sort());

    expect(await seriousA11yViolations(participant)).toEqual([]);
    await laptop.close();
    await phone.close();
  });

  it("keeps a participant's changes made offline and merges them when the connection returns", async () => {
    const boardId = await boardInSessionOne("Parcours hors ligne");
    const first = await app.browser.newContext({ ...LAPTOP, locale: "fr-FR" });
    const second = await app.browser.newContext({ ...LAPTOP, locale: "fr-FR" });
    const network = await startTcpProxy(Number(new URL(app.url).port));
    const facilitator = await openBoard(first, "facilitateur@majlis.test", boardId);
    // The participant chose Arabic in the test above; this one reads French.
    const participant = await openBoard(second, "participante@majlis.test", boardId, "?lng=fr", network.url);

    network.cut();
    await participant.locator('[data-save-state="offline"]').waitFor();
    await participant.getByRole("button", { name: "Note" }).click();
    const spot = await canvasPoint(participant, -100, 140);
    await participant.mouse.click(spot.x, spot.y);
    await participant.getByRole("textbox", { name: "Texte de la note", exact: true }).fill("Écrit sans connexion");
    await participant.keyboard.press("Control+Enter");
    await noteOnCanvas(participant, "Écrit sans connexion").waitFor();
    expect(await noteOnCanvas(facilitator, "Écrit sans connexion").count()).toBe(0);

    network.restore();
    await participant.locator('[data-save-state="saved"]').waitFor({ timeout: 20_000 });
    await noteOnCanvas(facilitator, "Écrit sans connexion").waitFor();
    expect((await savedNotes(boardId)).map((note) => note.text)).toContain("Écrit sans connexion");
    await first.close();
    await second.close();
    await network.close();
  });

  it("exports the board as SVG and PNG images, and shows an observer a read-only board", async () => {
    const boardId = await boardInSessionOne("Export des fonctionnalités");
    const context = await app.browser.newContext({ ...LAPTOP, locale: "fr-FR", acceptDownloads: true });
    const page = await openBoard(context, "facilitateur@majlis.test", boardId);
    await noteOnCanvas(page, "Important (Should)").waitFor();

    await page.getByText("Exporter", { exact: true }).click();
    const [svgDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Image SVG" }).click()]);
    expect(svgDownload.suggestedFilename()).toBe("Export-des-fonctionnalités.svg");
    const svg = await readDownload(svgDownload);
    expect(svg.toString("utf8")).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.toString("utf8")).toContain("Important (Should)");

    const [pngDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Image PNG" }).click()]);
    const png = await readDownload(pngDownload);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.length).toBeGreaterThan(5_000);
    await context.close();

    const observerContext = await app.browser.newContext({ ...PHONE, locale: "fr-FR" });
    const observer = await observerContext.newPage();
    await signInWithBrowser(observer, app.url, "observateur@majlis.test", DEMO_PASSWORD);
    await observer.goto(`${app.url}/workshops/${app.demoWorkshopId}/boards/${boardId}`);
    await observer.locator(".board-status", { hasText: "Lecture seule" }).waitFor();
    await noteOnCanvas(observer, "Important (Should)").waitFor();
    expect(await observer.getByRole("button", { name: "Note" }).count()).toBe(0);
    expect(await seriousA11yViolations(observer)).toEqual([]);
    await observerContext.close();
  });

  it("shows organisers a live thumbnail of every board, which follows changes", async () => {
    const boardId = await boardInSessionOne("Vue d'ensemble");
    const organiserContext = await app.browser.newContext({ ...LAPTOP, locale: "fr-FR" });
    const organiser = await organiserContext.newPage();
    await signInWithBrowser(organiser, app.url, "organisatrice@majlis.test", DEMO_PASSWORD);
    await organiser.goto(`${app.url}/workshops/${app.demoWorkshopId}/boards`);
    const thumbnail = organiser.locator(`[data-board-thumbnail="${boardId}"]`);
    await expect.poll(() => thumbnail.getAttribute("data-elements")).toBe("4");

    const facilitatorContext = await app.browser.newContext({ ...LAPTOP, locale: "fr-FR" });
    const facilitator = await openBoard(facilitatorContext, "facilitateur@majlis.test", boardId);
    await facilitator.getByRole("button", { name: "Note" }).click();
    const spot = await canvasPoint(facilitator, 0, 100);
    await facilitator.mouse.click(spot.x, spot.y);
    await facilitator.getByRole("textbox", { name: "Texte de la note", exact: true }).fill("Guichet unique");
    await facilitator.keyboard.press("Control+Enter");
    await thumbnail.getByText("Guichet unique").waitFor();
    expect(await thumbnail.getAttribute("data-elements")).toBe("5");
    expect(await seriousA11yViolations(organiser)).toEqual([]);
    await organiserContext.close();
    await facilitatorContext.close();
  });
});

describe("a whiteboard on a phone", () => {
  it("pans with one finger and zooms with two, around the fingers", async () => {
    const boardId = await boardInSessionOne("Au doigt");
    const context = await app.browser.newContext({ ...PHONE, locale: "fr-FR" });
    const page = await openBoard(context, "participante@majlis.test", boardId, "?lng=fr");
    const zoomLevel = async () => Number((await page.getByLabel("Niveau de zoom").textContent())?.replace(/\D/g, ""));
    const section = page.locator(".board-canvas__svg [data-element-id]", { hasText: "Indispensable (Must)" }).locator("rect").first();
    const before = await zoomLevel();
    const start = await section.boundingBox();
    const centre = await canvasPoint(page);
    const touch = await context.newCDPSession(page);
    const fingers = async (type: "touchStart" | "touchMove" | "touchEnd", points: Array<{ x: number; y: number }>) =>
      touch.send("Input.dispatchTouchEvent", { type, touchPoints: points.map((point, id) => ({ ...point, id })) });

    // One finger drags the board 80 px down.
    await fingers("touchStart", [centre]);
    for (let step = 1; step <= 8; step += 1) await fingers("touchMove", [{ x: centre.x, y: centre.y + step * 10 }]);
    await fingers("touchEnd", []);
    await expect.poll(async () => Math.round(((await section.boundingBox())?.y ?? 0) - (start?.y ?? 0))).toBe(80);

    // Two fingers moving apart zoom in.
    await fingers("touchStart", [{ x: centre.x - 40, y: centre.y }, { x: centre.x + 40, y: centre.y }]);
    for (let step = 1; step <= 8; step += 1) await fingers("touchMove", [{ x: centre.x - 40 - step * 10, y: centre.y }, { x: centre.x + 40 + step * 10, y: centre.y }]);
    await fingers("touchEnd", []);
    await expect.poll(zoomLevel).toBeGreaterThan(before * 1.5);
    await context.close();
  });
});

describe("a frozen version of a board, in a real browser", () => {
  it("shows the board as it was, read-only, framing and naming the cited note, even after the live board changed", async () => {
    const boardId = await boardInSessionOne("Version citée");
    const facilitatorUser = await getDb().user.findUniqueOrThrow({ where: { email: "facilitateur@majlis.test" } });
    const client = new BoardClient(app.url, boardId, await BoardClient.signIn(app.url, "facilitateur@majlis.test"));
    await client.synced();
    const noteId = client.addNote("Tableau de bord des porteurs de projets", { x: 40, y: 120, w: 160, h: 160, authorId: facilitatorUser.id });
    await client.allSaved();
    const frozen = await freezeBoardVersion({ workshopId: app.demoWorkshopId, boardId, actorId: facilitatorUser.id, name: "Fin de la session 1" });
    if (!frozen.ok) throw new Error("not frozen");
    setText(client.doc, noteId, "Texte changé après le gel", null);
    await client.allSaved();
    client.destroy();

    const context = await app.browser.newContext({ ...PHONE, locale: "ar-MA" });
    const page = await context.newPage();
    await signInWithBrowser(page, app.url, "observateur@majlis.test", DEMO_PASSWORD);
    await page.goto(`${app.url}/workshops/${app.demoWorkshopId}/boards/${boardId}/versions/${frozen.id}?element=${noteId}&lng=fr`);
    await page.getByText("Élément cité : « Tableau de bord des porteurs de projets »").waitFor();
    await noteOnCanvas(page, "Tableau de bord des porteurs de projets").waitFor();
    expect(await noteOnCanvas(page, "Texte changé après le gel").count()).toBe(0);
    await expect.poll(() => page.locator(".board-selection").count()).toBe(1);
    expect(await page.getByRole("button", { name: "Note" }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });
});

async function readDownload(download: import("playwright-core").Download): Promise<Buffer> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
