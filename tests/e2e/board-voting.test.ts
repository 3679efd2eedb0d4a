import { describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { DEMO_PASSWORD } from "~/db/seed-demo.server";
import { createBoard } from "~/models/boards.server";
import { LAPTOP, PHONE, seriousA11yViolations, signInWithBrowser, useAppInBrowser } from "../support/browser";

const app = useAppInBrowser();

describe("dot voting on a whiteboard, in real browsers", () => {
  it("a facilitator runs a round, a participant puts their dots on notes by touch, and everyone sees the named results", async () => {
    const session = await getDb().session.findFirstOrThrow({ where: { workshopId: app.demoWorkshopId }, orderBy: { position: "asc" } });
    const facilitatorUser = await getDb().user.findUniqueOrThrow({ where: { email: "facilitateur@majlis.test" } });
    const created = await createBoard({ workshopId: app.demoWorkshopId, sessionId: session.id, actorId: facilitatorUser.id, title: "Priorités", template: "FEATURES_MOSCOW", language: "fr" });
    if (!created.ok) throw new Error("board not created");
    const boardPath = `/workshops/${app.demoWorkshopId}/boards/${created.boardId}?lng=fr`;

    const laptop = await app.browser.newContext({ ...LAPTOP, locale: "fr-FR" });
    const facilitator = await laptop.newPage();
    await signInWithBrowser(facilitator, app.url, "facilitateur@majlis.test", DEMO_PASSWORD);
    await facilitator.goto(`${app.url}${boardPath}`);
    await facilitator.locator('[data-save-state="saved"]').waitFor();

    // Two notes to vote on, added from the canvas.
    const canvas = await facilitator.locator(".board-canvas__svg").boundingBox();
    if (!canvas) throw new Error("no canvas");
    for (const [text, dy] of [["Guichet unique", 60], ["Cartographie des talents", 240]] as const) {
      await facilitator.getByRole("button", { name: "Note", exact: true }).click();
      await facilitator.mouse.click(canvas.x + canvas.width * 0.15, canvas.y + dy + 80);
      await facilitator.getByRole("textbox", { name: "Texte de la note", exact: true }).fill(text);
      await facilitator.keyboard.press("Control+Enter");
    }
    await facilitator.locator('[data-save-state="saved"]').waitFor();

    await facilitator.getByRole("button", { name: "Afficher le vote" }).click();
    await facilitator.getByLabel("Question (facultative)").fill("Quelles fonctionnalités en premier ?");
    await facilitator.getByLabel("Points par personne").fill("2");
    await facilitator.getByRole("button", { name: "Lancer le vote" }).click();
    await facilitator.getByText("Vote en cours", { exact: true }).waitFor();

    const phone = await app.browser.newContext({ ...PHONE, locale: "fr-FR" });
    const participant = await phone.newPage();
    await signInWithBrowser(participant, app.url, "participante@majlis.test", DEMO_PASSWORD);
    await participant.goto(`${app.url}${boardPath}`);
    await participant.getByText("Vote en cours — points restants : 2").waitFor();

    // Both dots on one note, by tapping it in vote mode; a third is refused, nothing more recorded.
    await participant.getByRole("button", { name: "Voter" }).tap();
    const note = participant.locator(".board-canvas__svg [data-element-id]", { hasText: "Guichet unique" });
    await note.locator("rect").nth(1).tap();
    await participant.getByText("Vote en cours — points restants : 1").waitFor();
    await note.locator("rect").nth(1).tap();
    await participant.getByText("Vote en cours — points restants : 0").waitFor();
    await note.locator("rect").nth(1).tap();
    const refusal = "Vous avez utilisé tous vos points. Retirez-en un pour le placer ailleurs.";
    await participant.locator(".board-bar__dots", { hasText: refusal }).waitFor();
    await participant.getByRole("button", { name: "Afficher le vote" }).tap();
    await participant.getByRole("alert").filter({ hasText: refusal }).waitFor();
    const round = await getDb().boardVoteRound.findFirstOrThrow({ where: { boardId: created.boardId }, include: { votes: true } });
    expect(round.votes).toHaveLength(2);
    expect(await seriousA11yViolations(participant)).toEqual([]);

    await facilitator.getByRole("button", { name: "Clore le vote et afficher les résultats" }).click();
    await facilitator.getByText("Résultats", { exact: true }).waitFor();
    await facilitator.locator(".voting-list__voters", { hasText: "Par : Leila Amrani" }).waitFor();
    // The count is on the note on the canvas too, for everyone.
    await expect.poll(() => participant.locator(`[data-votes-for] text`).first().textContent()).toBe("2");
    expect(await seriousA11yViolations(facilitator)).toEqual([]);
    await laptop.close();
    await phone.close();
  });
});
