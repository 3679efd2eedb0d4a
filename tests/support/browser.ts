import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { started, useApp } from "./app";
import { seedDemo } from "./demo";

/**
 * Debian's Chromium, driven by playwright-core; the flags keep it off the network this machine does not have.
 * `extraArgs` adds flags, e.g. a fake camera and microphone for the video call.
 */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      ...extraArgs,
    ],
  });
}

/**
 * What every file of browser tests starts from: the demo data, the whole app on a free port and one browser,
 * ready before its tests and closed after them. The getters have values only inside tests and hooks.
 */
export function useAppInBrowser() {
  let demoWorkshopId: string | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    demoWorkshopId = await seedDemo();
  });
  const app = useApp();
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get url() {
      return app.url;
    },
    get browser() {
      return started(browser, "The browser");
    },
    get demoWorkshopId() {
      return started(demoWorkshopId, "The demo workshop");
    },
  };
}

export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
export const LAPTOP = { viewport: { width: 1280, height: 800 } };

/** Serious and critical accessibility violations found by axe-core on the page as it is now. */
export async function seriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({ id: violation.id, help: violation.help, targets: violation.nodes.map((n) => n.target.join(" ")) }));
}

export async function signInWithBrowser(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/login`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith("/login")), page.click('button[type="submit"]')]);
}
