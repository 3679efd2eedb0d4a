import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { DEMO_PASSWORD } from "~/db/seed-demo.server";
import { closeVoteRound, startVoteRound } from "~/models/board-votes.server";
import { createBoard, findBoardAccess } from "~/models/boards.server";
import { LAPTOP, PHONE, seriousA11yViolations, signInWithBrowser, useAppInBrowser } from "../support/browser";

const app = useAppInBrowser();

const MUST = "Indispensable (Must)";
const SHOULD = "Important (Should)";

async function createDemoBoard() {
  const session = await getDb().session.findFirstOrThrow({ where: { workshopId: app.demoWorkshopId }, orderBy: { position: "asc" } });
  const facilitator = await getDb().user.findUniqueOrThrow({ where: { email: "facilitateur@majlis.test" } });
  const created = await createBoard({ workshopId: app.demoWorkshopId, sessionId: session.id, actorId: facilitator.id, title: "Priorités du portail", template: "FEATURES_MOSCOW", language: "fr" });
  if (!created.ok) throw new Error("the board was not created");
  return { url: `${app.url}/workshops/${app.demoWorkshopId}/boards/${created.boardId}`, boardId: created.boardId, facilitatorId: facilitator.id };
}

async function openBoard(options: { email: string; url: string; device: typeof LAPTOP | typeof PHONE; locale: string; query?: string }) {
  const context = await app.browser.newContext({ ...options.device, locale: options.locale });
  const page = await context.newPage();
  await signInWithBrowser(page, app.url, options.email, DEMO_PASSWORD);
  await page.goto(`${options.url}${options.query ?? ""}`);
  await page.locator("[data-save-state='saved']").waitFor();
  return { context, page };
}

/** Presses Tab until the focused element is the one wanted: what a keyboard user does. */
async function tabTo(page: Page, target: Locator, what: string) {
  for (let presses = 0; presses < 150; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${what}`);
}

const sectionOf = (page: Page, title: string) => page.locator("section.outline-section", { has: page.getByRole("heading", { name: title, exact: true }) });
const noteTexts = (section: Locator) => section.locator(".outline-note textarea, .outline-note__text").evaluateAll((nodes) => nodes.map((node) => (node instanceof HTMLTextAreaElement ? node.value : (node.textContent ?? ""))));

describe("the outline view of a board, in a real browser", () => {
  it("lets two people edit the same board as a list, live, with the keyboard, in French and Arabic; observers only read", async () => {
    const { url } = await createDemoBoard();
    const facilitator = await openBoard({ email: "facilitateur@majlis.test", url, device: LAPTOP, locale: "fr-FR" });
    const participant = await openBoard({ email: "participante@majlis.test", url, device: PHONE, locale: "ar-MA", query: "?lng=ar" });

    // The facilitator switches to the outline and adds a note to the first section, with the keyboard only.
    const planButton = facilitator.page.getByRole("button", { name: "Plan", exact: true });
    await tabTo(facilitator.page, planButton, "the Plan button");
    await facilitator.page.keyboard.press("Enter");
    expect(await planButton.getAttribute("aria-pressed")).toBe("true");
    const newNote = facilitator.page.getByLabel(`Nouvelle note (section « ${MUST} »)`);
    await tabTo(facilitator.page, newNote, "the new note field of the first section");
    await facilitator.page.keyboard.type("Simplifier l'inscription consulaire");
    await facilitator.page.keyboard.press("Enter");
    await expect.poll(() => newNote.inputValue()).toBe("");
    await expect.poll(() => noteTexts(sectionOf(facilitator.page, MUST))).toEqual(["Simplifier l'inscription consulaire"]);

    // The participant, on a phone in Arabic, sees it appear in the same section, and adds an Arabic note elsewhere.
    await participant.page.getByRole("button", { name: "المخطط", exact: true }).click();
    await expect.poll(() => noteTexts(sectionOf(participant.page, MUST))).toEqual(["Simplifier l'inscription consulaire"]);
    await participant.page.getByLabel(`ملاحظة جديدة (القسم «${SHOULD}»)`).fill("تبسيط الإجراءات عبر الإنترنت");
    await participant.page.getByRole("button", { name: `إضافة (القسم «${SHOULD}»)` }).click();

    // It reaches the facilitator, reads right to left there, and is announced politely, once the additions settle.
    const arabicNote = sectionOf(facilitator.page, SHOULD).locator("textarea");
    await expect.poll(() => noteTexts(sectionOf(facilitator.page, SHOULD))).toEqual(["تبسيط الإجراءات عبر الإنترنت"]);
    expect(await arabicNote.evaluate((element) => getComputedStyle(element).direction)).toBe("rtl");
    await facilitator.page.locator(".board-outline [role='status']").getByText("Notes ajoutées par d'autres : 1.").waitFor();

    // The facilitator types in the note without saving; the participant changes the same note meanwhile. The
    // facilitator's text stays, the change is pointed out, and saving keeps both.
    const facilitatorNote = sectionOf(facilitator.page, MUST).locator("textarea");
    await facilitatorNote.focus();
    await facilitator.page.keyboard.press("End");
    await facilitator.page.keyboard.type(" en ligne");
    const participantNote = sectionOf(participant.page, MUST).locator("textarea");
    await participantNote.fill("Vite : Simplifier l'inscription consulaire");
    await participantNote.press("Enter");
    await facilitator.page.getByText("Quelqu'un d'autre a modifié cette note pendant que vous écriviez.", { exact: false }).waitFor();
    expect(await facilitatorNote.inputValue()).toBe("Simplifier l'inscription consulaire en ligne");
    expect(await facilitatorNote.evaluate((element) => element === document.activeElement)).toBe(true);
    await facilitator.page.keyboard.press("Enter");
    await expect.poll(() => participantNote.inputValue()).toBe("Vite : Simplifier l'inscription consulaire en ligne");

    // Deleting can be undone at once, from the keyboard.
    await facilitator.page.getByRole("button", { name: /^Supprimer \(note « Vite : Simplifier/ }).press("Enter");
    const undo = facilitator.page.getByRole("button", { name: /^Annuler la suppression/ });
    await expect.poll(() => undo.evaluate((element) => element === document.activeElement)).toBe(true);
    await expect.poll(() => noteTexts(sectionOf(participant.page, MUST))).toEqual([]);
    await facilitator.page.keyboard.press("Enter");
    await expect.poll(() => noteTexts(sectionOf(participant.page, MUST))).toEqual(["Vite : Simplifier l'inscription consulaire en ligne"]);

    expect(await seriousA11yViolations(facilitator.page)).toEqual([]);
    expect(await participant.page.locator("html").getAttribute("dir")).toBe("rtl");
    expect(await participant.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await seriousA11yViolations(participant.page)).toEqual([]);

    // An observer reads the same list, right to left where it is Arabic, with nothing to edit.
    const observer = await openBoard({ email: "observateur@majlis.test", url, device: LAPTOP, locale: "fr-FR" });
    await observer.page.getByRole("button", { name: "Plan", exact: true }).click();
    await sectionOf(observer.page, SHOULD).getByText("تبسيط الإجراءات عبر الإنترنت").waitFor();
    expect(await sectionOf(observer.page, SHOULD).getByText("تبسيط الإجراءات عبر الإنترنت").evaluate((element) => getComputedStyle(element).direction)).toBe("rtl");
    expect(await observer.page.locator(".board-outline").locator("textarea, input, select, button").count()).toBe(0);
    expect(await seriousA11yViolations(observer.page)).toEqual([]);

    await Promise.all([facilitator.context.close(), participant.context.close(), observer.context.close()]);
  });

  it("places and takes back dots from the outline during a round, and shows the counts once it is closed", async () => {
    const { url, boardId, facilitatorId } = await createDemoBoard();
    // She chose Arabic in the test above; the choice is kept with her account.
    const participant = await openBoard({ email: "participante@majlis.test", url, device: LAPTOP, locale: "fr-FR", query: "?lng=fr" });
    await participant.page.getByRole("button", { name: "Plan", exact: true }).click();
    await participant.page.getByLabel(`Nouvelle note (section « ${SHOULD} »)`).fill("Un rendez-vous en ligne");
    await participant.page.getByLabel(`Nouvelle note (section « ${SHOULD} »)`).press("Enter");
    await expect.poll(() => noteTexts(sectionOf(participant.page, SHOULD))).toEqual(["Un rendez-vous en ligne"]);

    const found = await findBoardAccess({ boardId, userId: facilitatorId });
    expect(await startVoteRound({ found: found!, actorId: facilitatorId, dotsPerPerson: 2, anonymous: false })).toEqual({ ok: true });
    await participant.page.reload();
    await participant.page.locator("[data-save-state='saved']").waitFor();
    await participant.page.getByRole("button", { name: "Plan", exact: true }).click();
    const outline = participant.page.locator(".board-outline");
    const summary = outline.locator(".outline-voting");
    await summary.getByText("Points qu'il vous reste : 2").waitFor();
    const addDot = outline.getByRole("button", { name: "Ajouter un point (note « Un rendez-vous en ligne »)" });
    await addDot.click();
    await addDot.click();
    await outline.locator(".outline-note__meta").getByText("Vos points : 2").waitFor();
    await summary.getByText("Points qu'il vous reste : 0").waitFor();
    expect(await addDot.isDisabled()).toBe(true);
    await outline.getByRole("button", { name: "Retirer un point (note « Un rendez-vous en ligne »)" }).click();
    await outline.locator(".outline-note__meta").getByText("Vos points : 1").waitFor();
    const round = await getDb().boardVoteRound.findFirstOrThrow({ where: { boardId } });
    await expect.poll(() => getDb().boardVote.count({ where: { roundId: round.id } })).toBe(1);

    expect(await closeVoteRound({ found: found!, actorId: facilitatorId, roundId: round.id })).toEqual({ ok: true });
    await participant.page.reload();
    await participant.page.locator("[data-save-state='saved']").waitFor();
    await participant.page.getByRole("button", { name: "Plan", exact: true }).click();
    await sectionOf(participant.page, SHOULD).getByText("Points reçus : 1 · Par : Leila Amrani").waitFor();
    expect(await outline.getByRole("button", { name: /Ajouter un point/ }).count()).toBe(0);
    expect(await seriousA11yViolations(participant.page)).toEqual([]);
    await participant.context.close();
  });

  it("moves a note and renames a section from the keyboard, keeping the focus where the person is", async () => {
    const { url } = await createDemoBoard();
    const { context, page } = await openBoard({ email: "facilitateur@majlis.test", url, device: LAPTOP, locale: "fr-FR", query: "?lng=fr" });
    await page.getByRole("button", { name: "Plan", exact: true }).click();
    for (const text of ["Première", "Seconde"]) {
      await page.getByLabel(`Nouvelle note (section « ${MUST} »)`).fill(text);
      await page.getByLabel(`Nouvelle note (section « ${MUST} »)`).press("Enter");
    }
    await expect.poll(() => noteTexts(sectionOf(page, MUST))).toEqual(["Première", "Seconde"]);
    const focusedName = () => page.evaluate(() => document.activeElement?.textContent ?? "");

    // Up and down arrows go from a note's button to the same button of the next or previous note.
    await page.getByRole("button", { name: "Supprimer (note « Première »)" }).focus();
    await page.keyboard.press("ArrowDown");
    expect(await focusedName()).toBe("Supprimer (note « Seconde »)");
    await page.keyboard.press("ArrowUp");
    expect(await focusedName()).toBe("Supprimer (note « Première »)");

    // Moving a note to another section: it appears there, and the focus goes along with it.
    const sectionChoice = page.getByLabel("Section (note « Première »)");
    await sectionChoice.focus();
    await sectionChoice.selectOption({ label: "Souhaitable (Could)" });
    await page.keyboard.press("Tab");
    expect(await focusedName()).toBe("Déplacer (note « Première »)");
    await page.keyboard.press("Enter");
    await expect.poll(() => noteTexts(sectionOf(page, "Souhaitable (Could)"))).toEqual(["Première"]);
    expect(await noteTexts(sectionOf(page, MUST))).toEqual(["Seconde"]);
    await expect.poll(focusedName).toBe("Déplacer (note « Première »)");
    expect(await page.evaluate(() => document.activeElement?.closest("section")?.querySelector("h2")?.textContent)).toBe("Souhaitable (Could)");

    // Renaming a section: the field takes the focus, Enter saves, the focus comes back to the Rename button.
    await page.getByRole("button", { name: "Renommer (section « Pas cette fois (Won't) »)" }).press("Enter");
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe("Pas cette fois (Won't)");
    await page.keyboard.type("Plus tard");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Plus tard", exact: true }).waitFor();
    await expect.poll(focusedName).toBe("Renommer (section « Plus tard »)");
    await context.close();
  });
});
