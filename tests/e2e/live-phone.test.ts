import type { Page } from "playwright-core";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { PLENARY } from "~/live/protocol";
import { LiveClient } from "../support/live";
import { PHONE, seriousA11yViolations, signInWithBrowser, useAppInBrowser } from "../support/browser";

const app = useAppInBrowser();

let sessions: Array<{ id: string; title: string }>;
beforeAll(async () => {
  sessions = await getDb().session.findMany({ where: { workshopId: app.demoWorkshopId }, orderBy: { position: "asc" }, select: { id: true, title: true } });
});

const clients: LiveClient[] = [];
async function connectAs(email: string) {
  const client = await LiveClient.signedIn(app.url, email);
  clients.push(client);
  return client;
}
afterEach(() => {
  for (const client of clients.splice(0)) client.close();
});

async function openOnPhone(email: string) {
  const context = await app.browser.newContext({ ...PHONE, locale: "en-GB" });
  const page = await context.newPage();
  await signInWithBrowser(page, app.url, email, "majlis-demo-2023");
  return { context, page };
}

/** Interactive controls smaller than a fingertip (44 CSS pixels), by their text. */
async function smallTouchTargets(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("main button, main .button, main select, main input:not([type=checkbox]):not([type=radio]), main textarea")]
      .filter((element) => element.offsetParent !== null)
      .filter((element) => element.getBoundingClientRect().height < 44)
      .map((element) => element.textContent?.trim() || element.getAttribute("name") || element.id),
  );
}

describe("a participant in the room, on a phone", () => {
  it("joins live from the workshop page into their session and finds a phone-friendly room", async () => {
    const organiser = await connectAs("organisatrice@majlis.test");
    await organiser.join(app.demoWorkshopId, PLENARY);
    expect(await organiser.request("stage:set", { stage: "PARALLEL" })).toMatchObject({ ok: true });

    const { context, page } = await openOnPhone("hicham.ouazzani@majlis.test");
    await page.goto(`${app.url}/workshops/${app.demoWorkshopId}`);
    const joinLive = page.getByRole("link", { name: "Join live" });
    expect((await joinLive.boundingBox())!.height).toBeGreaterThanOrEqual(48);
    await Promise.all([page.waitForURL(`**/workshops/${app.demoWorkshopId}/live/${sessions[0].id}`), joinLive.click()]);
    await page.getByRole("status").filter({ hasText: "Live" }).waitFor();
    await page.getByRole("heading", { level: 1, name: sessions[0].title }).waitFor();

    // Nothing overflows sideways, every control is a comfortable touch target.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await smallTouchTargets(page)).toEqual([]);
    // The compact header stays on screen with the connection status while scrolling through the panels.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const header = await page.locator(".live-room__header").boundingBox();
    expect(header!.y).toBeGreaterThanOrEqual(-1);
    expect(header!.y).toBeLessThan(10);
    expect(header!.height).toBeLessThan(844 / 4);
    expect(await page.getByRole("status").filter({ hasText: "Live" }).isVisible()).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);

    expect(await organiser.request("stage:set", { stage: "PLENARY" })).toMatchObject({ ok: true });
    await page.waitForURL(`**/workshops/${app.demoWorkshopId}/live`);
    await page.getByRole("heading", { level: 1, name: "Plenary" }).waitFor();
    await context.close();
  });

  it("loses the network, shows it, and catches up on what happened meanwhile once back", async () => {
    const { context, page } = await openOnPhone("salma.bennani@majlis.test");
    await page.goto(`${app.url}/workshops/${app.demoWorkshopId}/live/${sessions[0].id}`);
    await page.getByRole("status").filter({ hasText: "Live" }).waitFor();
    await page.getByText("no agenda item running.").waitFor();

    await context.setOffline(true);
    await page.getByRole("status").filter({ hasText: "Offline" }).waitFor();

    // Meanwhile, the facilitator moves the room on to another item and someone else arrives.
    const item = await getDb().agendaItem.findFirstOrThrow({ where: { workshopId: app.demoWorkshopId, sessionId: sessions[0].id }, orderBy: { startsAt: "desc" } });
    const facilitator = await connectAs("facilitateur@majlis.test");
    await facilitator.join(app.demoWorkshopId, sessions[0].id);
    expect(await facilitator.request("agenda:setCurrent", { agendaItemId: item.id })).toMatchObject({ ok: true });
    const mehdi = await connectAs("mehdi.berrada@majlis.test");
    await mehdi.join(app.demoWorkshopId, sessions[0].id);
    expect(await page.getByText(item.title).count()).toBe(0);

    await context.setOffline(false);
    await page.getByRole("status").filter({ hasText: "Live" }).waitFor({ timeout: 20_000 });
    await page.locator(".live-room__agenda").getByText(item.title).waitFor();
    await page.locator(".presence-list").getByText("Mehdi Berrada").waitFor();
    await page.locator(".presence-list").getByText("Youssef Benali").waitFor();
    await context.close();
  });

  it("a facilitator sets the room's current item from their phone, and the room's screens follow", async () => {
    const participant = await connectAs("hicham.ouazzani@majlis.test");
    await participant.join(app.demoWorkshopId, sessions[0].id);
    const { context, page } = await openOnPhone("facilitateur@majlis.test");
    await page.goto(`${app.url}/workshops/${app.demoWorkshopId}/live/${sessions[0].id}`);
    await page.getByRole("status").filter({ hasText: "Live" }).waitFor();
    const item = await getDb().agendaItem.findFirstOrThrow({ where: { workshopId: app.demoWorkshopId, sessionId: sessions[0].id }, orderBy: { startsAt: "asc" } });

    const panel = page.getByRole("region", { name: "Current item" });
    await panel.getByRole("combobox", { name: "Current agenda item" }).selectOption({ label: `11:00 · ${item.title}` });
    await panel.getByRole("button", { name: "Set as current item" }).click();
    await panel.getByText("The current item is updated for the whole room.").waitFor();
    await page.locator(".live-room__agenda").getByText(item.title).waitFor();
    expect(await participant.next("agenda:current")).toMatchObject({ item: { id: item.id, title: item.title } });
    expect(await smallTouchTargets(page)).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });
});
