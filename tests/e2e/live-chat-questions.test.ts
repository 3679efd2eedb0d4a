import { describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { DEMO_PASSWORD } from "~/db/seed-demo.server";
import { LAPTOP, PHONE, seriousA11yViolations, signInWithBrowser, useAppInBrowser } from "../support/browser";

const app = useAppInBrowser();

describe("chat and questions in a live session, in a real browser", () => {
  it("a participant on a phone chats and asks; the facilitator on a laptop sees it live and moderates", async () => {
    const session = await getDb().session.findFirstOrThrow({ where: { workshopId: app.demoWorkshopId }, orderBy: { position: "asc" } });
    const liveUrl = `${app.url}/workshops/${app.demoWorkshopId}/live/${session.id}`;

    const participantContext = await app.browser.newContext({ ...PHONE, locale: "en-GB" });
    const participant = await participantContext.newPage();
    await signInWithBrowser(participant, app.url, "hicham.ouazzani@majlis.test", DEMO_PASSWORD);
    await participant.goto(liveUrl);
    await participant.getByRole("status").filter({ hasText: "Live" }).waitFor();

    const facilitatorContext = await app.browser.newContext({ ...LAPTOP, locale: "fr-FR" });
    const facilitator = await facilitatorContext.newPage();
    await signInWithBrowser(facilitator, app.url, "facilitateur@majlis.test", DEMO_PASSWORD);
    await facilitator.goto(liveUrl);
    await facilitator.getByRole("status").filter({ hasText: "En direct" }).waitFor();

    // The participant chats: the text leaves the input once the server has it, and reaches the facilitator.
    const input = participant.getByLabel("Your message");
    await input.fill("Hello from the room in Rabat");
    const send = participant.getByRole("button", { name: "Send" });
    expect((await send.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await send.click();
    await participant.getByRole("log", { name: "Chat messages" }).getByText("Hello from the room in Rabat").waitFor();
    await expect.poll(() => input.inputValue()).toBe("");
    const facilitatorLog = facilitator.getByRole("log", { name: "Messages de la discussion" });
    await facilitatorLog.getByText("Hello from the room in Rabat").waitFor();
    expect(await facilitatorLog.getByRole("button", { name: "Couper la parole" }).count()).toBe(1);

    // The participant asks anonymously; the facilitator alone sees who asked.
    await participant.getByLabel("Your question").fill("When will the skills platform open?");
    await participant.getByLabel(/Ask anonymously/).check();
    await participant.getByRole("button", { name: "Ask the question" }).click();
    await expect.poll(() => participant.getByLabel("Your question").inputValue()).toBe("");
    const ownQuestion = participant.locator(".question", { hasText: "When will the skills platform open?" });
    await ownQuestion.getByText("Anonymous", { exact: true }).waitFor();
    const facilitatorQuestion = facilitator.locator(".question", { hasText: "When will the skills platform open?" });
    await facilitatorQuestion.getByText("Anonyme pour les participants : Hicham Ouazzani").waitFor();

    // The participant upvotes; the button says it is pressed.
    const vote = ownQuestion.getByRole("button", { name: "Upvote" });
    await vote.click();
    await expect.poll(() => vote.getAttribute("aria-pressed")).toBe("true");
    await facilitatorQuestion.getByText("Votes : 1").waitFor();

    // The facilitator pins it and marks it answered; the participant's screen follows.
    await facilitatorQuestion.getByRole("button", { name: "Épingler" }).click();
    await ownQuestion.getByText("Pinned").waitFor();
    await facilitatorQuestion.getByRole("button", { name: "Marquer comme traitée" }).click();
    await ownQuestion.getByText("Answered", { exact: true }).waitFor();
    const answeredList = participant.locator("h3", { hasText: "Answered questions" }).locator("xpath=following-sibling::ol[1]");
    await answeredList.getByText("When will the skills platform open?").waitFor();

    expect(await participant.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await seriousA11yViolations(participant)).toEqual([]);
    expect(await seriousA11yViolations(facilitator)).toEqual([]);

    const stored = await getDb().question.findFirstOrThrow({ where: { body: "When will the skills platform open?" }, include: { votes: true } });
    expect(stored).toMatchObject({ anonymous: true, pinned: true, room: session.id });
    expect(stored.answeredAt).not.toBeNull();
    expect(stored.votes).toHaveLength(1);
    await participantContext.close();
    await facilitatorContext.close();
  });
});
