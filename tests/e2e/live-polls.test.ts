import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { DEMO_PASSWORD } from "~/db/seed-demo.server";
import { LAPTOP, PHONE, seriousA11yViolations, signInWithBrowser, useAppInBrowser } from "../support/browser";

const app = useAppInBrowser();

/** Serious or critical accessibility problems inside the polls panel (other panels have their own tests). */
async function pollsPanelViolations(page: Page) {
  const results = await new AxeBuilder({ page }).include(".polls-panel").analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(" ")) }));
}

async function openLiveRoom() {
  const session = await getDb().session.findFirstOrThrow({ where: { workshopId: app.demoWorkshopId }, orderBy: { position: "asc" } });
  const liveUrl = `${app.url}/workshops/${app.demoWorkshopId}/live/${session.id}`;

  const facilitatorContext = await app.browser.newContext({ ...LAPTOP, locale: "en-GB" });
  const facilitator = await facilitatorContext.newPage();
  await signInWithBrowser(facilitator, app.url, "facilitateur@majlis.test", DEMO_PASSWORD);

  const participantContext = await app.browser.newContext({ ...PHONE, locale: "fr-FR" });
  const participant = await participantContext.newPage();
  await signInWithBrowser(participant, app.url, "hicham.ouazzani@majlis.test", DEMO_PASSWORD);

  return {
    session,
    liveUrl,
    facilitator,
    participant,
    async close() {
      await facilitatorContext.close();
      await participantContext.close();
    },
  };
}

describe("polls in a live session, in a real browser", () => {
  it("a facilitator prepares a poll, opens it live, a participant answers on a phone and the chart follows", async () => {
    const { session, liveUrl, facilitator, participant, close } = await openLiveRoom();
    const item = await getDb().agendaItem.findFirstOrThrow({ where: { workshopId: app.demoWorkshopId, sessionId: session.id }, orderBy: { startsAt: "asc" } });

    // Preparing, on the polls page.
    await facilitator.goto(`${app.url}/workshops/${app.demoWorkshopId}/polls`);
    await facilitator.getByRole("heading", { level: 2, name: "Prepare a poll" }).waitFor();
    expect(await seriousA11yViolations(facilitator)).toEqual([]);
    const form = facilitator.locator("form", { has: facilitator.getByRole("button", { name: "Add the poll" }) });
    await form.getByLabel("Agenda item").selectOption(item.id);
    await form.getByLabel("Question").fill("Which support matters most to you?");
    await form.getByLabel("Kind of poll").selectOption("SINGLE");
    await form.getByLabel("Answers offered").fill("Mentoring\nFunding\nNetworks");
    await Promise.all([facilitator.waitForURL(/\/polls#poll-/), form.getByRole("button", { name: "Add the poll" }).click()]);
    await facilitator.getByRole("heading", { level: 4, name: "Which support matters most to you?" }).waitFor();
    expect(await seriousA11yViolations(facilitator)).toEqual([]);

    // Opening it in the live room.
    await facilitator.goto(liveUrl);
    await facilitator.locator(".live-status--online").waitFor();
    const facilitatorPanel = facilitator.locator(".polls-panel");
    await facilitatorPanel.getByText("Which support matters most to you?", { exact: true }).waitFor();
    await participant.goto(liveUrl);
    await participant.locator(".live-status--online").waitFor();
    const participantPanel = participant.locator(".polls-panel");
    await participantPanel.getByText("Aucun sondage ouvert pour le moment.").waitFor();
    await facilitatorPanel.getByRole("button", { name: /^Open : Which support/ }).click();

    // Answering on the phone: big targets, a clear confirmation, then the results.
    await participantPanel.getByRole("heading", { level: 3, name: "Which support matters most to you?" }).waitFor();
    const funding = participantPanel.locator("label", { hasText: "Funding" });
    expect((await funding.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await funding.click();
    const send = participantPanel.getByRole("button", { name: "Envoyer ma réponse" });
    expect((await send.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await send.click();
    await participantPanel.getByText("Votre réponse est enregistrée.").waitFor();
    await participantPanel.getByText("Réponses : 1").waitFor();

    // The facilitator's chart follows, with the numbers written out.
    const fundingBar = facilitatorPanel.locator(".poll-bars li", { hasText: "Funding" });
    await fundingBar.getByText("1 (100%)").waitFor();
    await facilitatorPanel.getByText("Answers: 1").waitFor();

    // A change of mind moves the answer rather than adding one.
    await participantPanel.locator("label", { hasText: "Networks" }).click();
    await participantPanel.getByRole("button", { name: "Modifier ma réponse" }).click();
    await facilitatorPanel.locator(".poll-bars li", { hasText: "Networks" }).getByText("1 (100%)").waitFor();
    await fundingBar.getByText("0 (0%)").waitFor();
    await facilitatorPanel.getByText("Answers: 1").waitFor();

    expect(await participant.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await pollsPanelViolations(participant)).toEqual([]);
    expect(await pollsPanelViolations(facilitator)).toEqual([]);
    const stored = await getDb().poll.findFirstOrThrow({ where: { question: "Which support matters most to you?" }, include: { votes: true } });
    expect(stored).toMatchObject({ status: "OPEN", room: session.id, agendaItemId: item.id });
    expect(stored.votes.map((vote) => vote.choices)).toEqual([[2]]);
    await close();
  });

  it("a facilitator creates an open-answer poll live; the answers become a word cloud; closing ends the answers", async () => {
    const { liveUrl, facilitator, participant, close } = await openLiveRoom();
    await facilitator.goto(liveUrl);
    await facilitator.locator(".live-status--online").waitFor();
    await participant.goto(liveUrl);
    await participant.locator(".live-status--online").waitFor();

    const facilitatorPanel = facilitator.locator(".polls-panel");
    await facilitatorPanel.getByText("Create a poll live").click();
    await facilitatorPanel.getByLabel("Question").fill("One word for the diaspora's skills?");
    await facilitatorPanel.getByLabel("Kind of poll").selectOption("OPEN");
    expect(await facilitatorPanel.getByLabel("Answers offered").isVisible()).toBe(false);
    await facilitatorPanel.getByRole("button", { name: "Create and open" }).click();
    await facilitatorPanel.getByText("The poll is open.").waitFor();
    expect(await facilitatorPanel.getByLabel("Question").inputValue()).toBe("");

    const participantPanel = participant.locator(".polls-panel");
    const participantPoll = participantPanel.getByRole("article", { name: "One word for the diaspora's skills?" });
    const answer = participantPoll.getByLabel("Votre réponse, en quelques mots");
    await answer.fill("Réseaux et expertise");
    await participantPoll.getByRole("button", { name: "Envoyer ma réponse" }).click();
    await participantPoll.getByText("Votre réponse est enregistrée.").waitFor();
    expect(await answer.inputValue()).toBe("Réseaux et expertise");

    const cloud = facilitatorPanel.getByRole("list", { name: "Words of the answers, most frequent first" });
    await cloud.getByText("Réseaux").waitFor();
    await cloud.getByText("expertise").waitFor();
    expect(await cloud.getByText("et", { exact: true }).count()).toBe(0);
    expect(await pollsPanelViolations(facilitator)).toEqual([]);

    await facilitatorPanel.getByRole("button", { name: /^Close the poll : One word/ }).click();
    // Closed polls move to a folded list, results kept, no answer form any more.
    await participantPanel.getByText("Sondages fermés (1)").click();
    await participantPoll.getByText("Fermé", { exact: true }).waitFor();
    await participantPoll.getByRole("list", { name: "Mots des réponses, les plus fréquents en premier" }).getByText("expertise").waitFor();
    expect(await participantPoll.getByRole("button", { name: "Modifier ma réponse" }).count()).toBe(0);
    expect(await pollsPanelViolations(participant)).toEqual([]);
    await close();
  });
});
