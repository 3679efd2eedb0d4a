import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { DEMO_PASSWORD } from "~/db/seed-demo.server";
import { LAPTOP, PHONE, seriousA11yViolations, signInWithBrowser, useAppInBrowser } from "../support/browser";

const app = useAppInBrowser();

const FIVE_MINUTES_FAST = 5 * 60_000;

/** The seconds a page's timer shows now ("1:05" → 65). */
async function shownSeconds(page: Page) {
  const text = (await page.locator(".timer-panel").getByRole("timer").textContent()) ?? "";
  const [minutes, seconds] = text.split(":").map(Number);
  return minutes * 60 + seconds;
}

async function openRoom(page: Page, sessionId: string) {
  await page.goto(`${app.url}/workshops/${app.demoWorkshopId}/live/${sessionId}`);
  await page.getByText("Live", { exact: true }).waitFor();
}

describe("hands and timer in a live session, in a real browser", () => {
  it("a participant's phone shows the facilitator's timer to the second whatever its clock, ends it visibly and audibly, and shows their place in the queue", async () => {
    const [session1] = (await getDb().session.findMany({ where: { workshopId: app.demoWorkshopId }, orderBy: { position: "asc" } })).map((s) => s.id);

    const laptop = await app.browser.newContext({ ...LAPTOP, locale: "en-GB" });
    const facilitator = await laptop.newPage();
    await signInWithBrowser(facilitator, app.url, "facilitateur@majlis.test", DEMO_PASSWORD);
    await openRoom(facilitator, session1);

    const phoneContext = await app.browser.newContext({ ...PHONE, locale: "en-GB" });
    // The phone's clock runs five minutes fast, and every beep it plays is counted.
    await phoneContext.addInitScript((skewMs: number) => {
      const realNow = Date.now.bind(Date);
      Date.now = () => realNow() + skewMs;
      const counted = window as unknown as { beeps: number };
      counted.beeps = 0;
      const start = OscillatorNode.prototype.start;
      OscillatorNode.prototype.start = function (this: OscillatorNode, ...args: Parameters<OscillatorNode["start"]>) {
        counted.beeps += 1;
        return start.apply(this, args);
      };
    }, FIVE_MINUTES_FAST);
    const phone = await phoneContext.newPage();
    await signInWithBrowser(phone, app.url, "hicham.ouazzani@majlis.test", DEMO_PASSWORD);
    await openRoom(phone, session1);
    await phone.getByText("No timer running.").waitFor();

    // Sound on: the tap unlocks audio, and the choice is remembered on the phone.
    const sound = phone.getByRole("button", { name: "Sound at the end" });
    await sound.click();
    expect(await sound.getAttribute("aria-pressed")).toBe("true");
    expect(await phone.evaluate(() => localStorage.getItem("majlis.timerSound"))).toBe("on");

    // The participant raises a hand on the phone and sees their place; the facilitator sees them in the queue.
    const hand = phone.getByRole("button", { name: "Raise my hand" });
    expect((await hand.boundingBox())!.height).toBeGreaterThanOrEqual(48);
    await hand.click();
    await phone.getByText("You are number 1 in the queue.").waitFor();
    expect(await hand.getAttribute("aria-pressed")).toBe("true");
    await facilitator.getByRole("button", { name: "Lower the hand of Hicham Ouazzani" }).waitFor();

    // The facilitator starts a one-minute timer: both screens count the same seconds.
    const timerPanel = facilitator.locator(".timer-panel");
    await timerPanel.getByRole("button", { name: "1 min", exact: true }).click();
    await phone.locator(".timer-panel").getByRole("timer").waitFor();
    await facilitator.waitForTimeout(1200);
    const [onLaptop, onPhone] = await Promise.all([shownSeconds(facilitator), shownSeconds(phone)]);
    expect(onPhone).toBeGreaterThanOrEqual(55);
    expect(onPhone).toBeLessThanOrEqual(60);
    expect(Math.abs(onPhone - onLaptop)).toBeLessThanOrEqual(1);
    expect(await seriousA11yViolations(phone)).toEqual([]);
    expect(await seriousA11yViolations(facilitator)).toEqual([]);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    // Paused: both show exactly the same frozen time; one more minute adds exactly sixty seconds.
    await timerPanel.getByRole("button", { name: "Pause" }).click();
    await phone.locator(".timer-panel").getByText("Paused").waitFor();
    const paused = await shownSeconds(facilitator);
    expect(await shownSeconds(phone)).toBe(paused);
    await timerPanel.getByRole("button", { name: "+1 min" }).click();
    // Each screen gets the change in its own time; both must come to exactly the same value.
    const extended = `${Math.floor((paused + 60) / 60)}:${String((paused + 60) % 60).padStart(2, "0")}`;
    const showsExtended = (expected: string) => document.querySelector(".timer-panel [role=timer]")?.textContent === expected;
    await phone.waitForFunction(showsExtended, extended);
    await facilitator.waitForFunction(showsExtended, extended);
    expect(await shownSeconds(facilitator)).toBe(paused + 60);

    // Running again, it counts down on the phone as on the laptop.
    await timerPanel.getByRole("button", { name: "Resume" }).click();
    await phone.locator(".timer-panel").getByText("Paused").waitFor({ state: "detached" });
    await phone.waitForTimeout(2200);
    const [runningLaptop, runningPhone] = await Promise.all([shownSeconds(facilitator), shownSeconds(phone)]);
    expect(runningPhone).toBeLessThanOrEqual(paused + 60 - 1);
    expect(Math.abs(runningPhone - runningLaptop)).toBeLessThanOrEqual(1);

    // Two minutes less and the time is up: a visible, announced end on both screens, and a beep on the phone.
    await timerPanel.getByRole("button", { name: "−1 min" }).click();
    await timerPanel.getByRole("button", { name: "−1 min" }).click();
    await phone.getByRole("alert").filter({ hasText: "Time is up!" }).waitFor();
    await facilitator.getByRole("alert").filter({ hasText: "Time is up!" }).waitFor();
    expect(await shownSeconds(phone)).toBe(0);
    await phone.waitForFunction(() => (window as unknown as { beeps: number }).beeps === 1);
    expect(await seriousA11yViolations(phone)).toEqual([]);

    // The facilitator lowers the hand; the phone's toggle follows.
    await facilitator.getByRole("button", { name: "Lower the hand of Hicham Ouazzani" }).click();
    await phone.getByText("No hands raised.").waitFor();
    expect(await hand.getAttribute("aria-pressed")).toBe("false");

    await laptop.close();
    await phoneContext.close();
  });
});
