import type { Page } from "playwright-core";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import type { ChatMessageView } from "~/live/chat";
import { PLENARY } from "~/live/protocol";
import { LiveClient } from "../support/live";
import { LAPTOP, PHONE, seriousA11yViolations, signInWithBrowser, useAppInBrowser } from "../support/browser";

const app = useAppInBrowser();

let sessions: Array<{ id: string; title: string }>;
beforeAll(async () => {
  sessions = await getDb().session.findMany({ where: { workshopId: app.demoWorkshopId }, orderBy: { position: "asc" }, select: { id: true, title: true } });
});

const clients: LiveClient[] = [];
async function connectAs(email: string, room: string) {
  const client = await LiveClient.signedIn(app.url, email);
  clients.push(client);
  await client.join(app.demoWorkshopId, room);
  return client;
}
afterEach(() => {
  for (const client of clients.splice(0)) client.close();
});

async function openConsole() {
  const context = await app.browser.newContext({ ...LAPTOP, locale: "en-GB" });
  const page = await context.newPage();
  await signInWithBrowser(page, app.url, "organisatrice@majlis.test", "majlis-demo-2023");
  await page.goto(`${app.url}/workshops/${app.demoWorkshopId}/console`);
  await page.getByRole("status").filter({ hasText: "Live" }).waitFor();
  return { context, page };
}

const card = (page: Page, room: string) => page.locator(`article[data-room="${room}"]`);
const present = (page: Page, room: string) => card(page, room).locator(".console-present");
const counts = (page: Page, room: string) => card(page, room).locator(".console-count__value").allTextContents();

describe("the organisers' console in a browser", () => {
  it("shows every session side by side, live, and is accessible", async () => {
    const { context, page } = await openConsole();
    expect(await page.getByRole("heading", { level: 2, name: "Facilitator console" }).count()).toBe(1);
    await connectAs("hicham.ouazzani@majlis.test", sessions[0].id); // in person
    await connectAs("salma.bennani@majlis.test", sessions[0].id); // remote
    await connectAs("mehdi.berrada@majlis.test", sessions[0].id); // in person
    await connectAs("imane.kettani@majlis.test", sessions[1].id); // remote

    await present(page, sessions[0].id).getByText("Mehdi Berrada").waitFor();
    await present(page, sessions[1].id).getByText("Imane Kettani").waitFor();
    await expect.poll(() => counts(page, sessions[0].id)).toEqual(["2", "1"]);
    await expect.poll(() => counts(page, sessions[1].id)).toEqual(["0", "1"]);
    expect(await card(page, sessions[0].id).getByRole("heading", { level: 3 }).textContent()).toBe(sessions[0].title);

    // The sessions sit side by side on a laptop.
    const [first, second] = await Promise.all([card(page, sessions[0].id).boundingBox(), card(page, sessions[1].id).boundingBox()]);
    expect(Math.abs(first!.y - second!.y)).toBeLessThan(2);
    expect(second!.x).toBeGreaterThan(first!.x + first!.width - 1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A help request appears, and is handled from the console.
    const imane = clients[3];
    expect(await imane.request("help:request")).toMatchObject({ ok: true });
    const help = card(page, sessions[1].id).locator(".console-help");
    await help.getByText("Imane Kettani", { exact: true }).waitFor();
    await help.getByRole("button", { name: /Mark as handled/ }).click();
    await card(page, sessions[1].id).getByText("No call waiting.").waitFor();
    expect(await getDb().helpRequest.count({ where: { workshopId: app.demoWorkshopId, resolvedAt: null } })).toBe(0);
    await context.close();
  });

  it("moves a participant: their page follows to the other session", async () => {
    const { context, page } = await openConsole();
    const participant = await app.browser.newContext({ ...PHONE, locale: "en-GB" });
    const phone = await participant.newPage();
    await signInWithBrowser(phone, app.url, "rachid.elmansouri@majlis.test", "majlis-demo-2023");
    await phone.goto(`${app.url}/workshops/${app.demoWorkshopId}/live/${sessions[1].id}`);
    await phone.getByRole("status").filter({ hasText: "Live" }).waitFor();

    const from = card(page, sessions[1].id);
    await present(page, sessions[1].id).getByText("Rachid El Mansouri").waitFor();
    await from.getByRole("combobox", { name: "Person" }).selectOption({ label: "Rachid El Mansouri" });
    await from.getByRole("combobox", { name: "To" }).selectOption({ label: sessions[0].title });
    await from.getByRole("button", { name: "Move" }).click();

    await phone.waitForURL(`**/workshops/${app.demoWorkshopId}/live/${sessions[0].id}`);
    await phone.getByRole("heading", { level: 1, name: sessions[0].title }).waitFor();
    await present(page, sessions[0].id).getByText("Rachid El Mansouri").waitFor();
    await from.getByText(`Rachid El Mansouri is going to ${sessions[0].title}.`).waitFor();
    const registration = await getDb().registration.findFirstOrThrow({ where: { workshopId: app.demoWorkshopId, user: { email: "rachid.elmansouri@majlis.test" } } });
    expect(registration.sessionId).toBe(sessions[0].id);
    await participant.close();
    await context.close();
  });

  it("broadcasts to every session, starts a timer for all, and ends the parallel sessions", async () => {
    const { context, page } = await openConsole();
    const inFirst = await connectAs("salma.bennani@majlis.test", PLENARY);
    const inSecond = await connectAs("imane.kettani@majlis.test", PLENARY);

    await page.getByRole("button", { name: "Start the parallel sessions" }).click();
    expect(await inFirst.next("live:navigate")).toEqual({ to: `/workshops/${app.demoWorkshopId}/live/${sessions[0].id}` });
    expect(await inSecond.next("live:navigate")).toEqual({ to: `/workshops/${app.demoWorkshopId}/live/${sessions[1].id}` });
    await inFirst.join(app.demoWorkshopId, sessions[0].id);
    await inSecond.join(app.demoWorkshopId, sessions[1].id);
    await page.getByText("The parallel sessions are running.").first().waitFor();
    // The console steers the rooms: it is not sent into one of them.
    expect(new URL(page.url()).pathname).toBe(`/workshops/${app.demoWorkshopId}/console`);

    await page.getByRole("textbox", { name: "Message" }).fill("Dix minutes avant la restitution en plénière.");
    await page.getByRole("button", { name: "Send to every session" }).click();
    await page.getByText("Message sent to every session.").waitFor();
    for (const client of [inFirst, inSecond]) {
      const message = await client.next<ChatMessageView>("chat:message");
      expect(message).toMatchObject({ body: "Dix minutes avant la restitution en plénière.", broadcast: true });
    }
    expect(await page.getByRole("textbox", { name: "Message" }).inputValue()).toBe("");

    await page.getByLabel("Duration in minutes").fill("5");
    await page.getByRole("button", { name: "Start in all sessions" }).click();
    await page.getByText("Timer started in all sessions.").waitFor();
    await page.locator(".console-timer-now").getByText(/^[45]:\d\d$/).waitFor();
    expect(await inFirst.next("timer:state")).toMatchObject({ scope: "allSessions" });

    await page.getByRole("button", { name: "End the parallel sessions: everyone back to the plenary" }).click();
    expect(await inFirst.next("live:navigate")).toEqual({ to: `/workshops/${app.demoWorkshopId}/live` });
    expect(await inSecond.next("live:navigate")).toEqual({ to: `/workshops/${app.demoWorkshopId}/live` });
    await page.getByText("Everyone is in the plenary.").first().waitFor();
    expect(new URL(page.url()).pathname).toBe(`/workshops/${app.demoWorkshopId}/console`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });

  it("stays usable on a phone: the sessions scroll within their row, not the page", async () => {
    const context = await app.browser.newContext({ ...PHONE, locale: "ar" });
    const page = await context.newPage();
    await signInWithBrowser(page, app.url, "organisatrice@majlis.test", "majlis-demo-2023");
    await page.goto(`${app.url}/workshops/${app.demoWorkshopId}/console?lng=ar`);
    await card(page, sessions[1].id).waitFor();
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect((await card(page, PLENARY).boundingBox())!.width).toBeLessThanOrEqual(390);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });
});
