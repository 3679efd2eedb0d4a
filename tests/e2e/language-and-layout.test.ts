import { describe, expect, it } from "vitest";
import { LAPTOP, PHONE, seriousA11yViolations, useAppInBrowser } from "../support/browser";

const app = useAppInBrowser();

describe("languages in the browser", () => {
  it("renders Arabic right to left, mirrored, and keeps the choice while browsing", async () => {
    const context = await app.browser.newContext({ ...LAPTOP, locale: "fr-FR" });
    const page = await context.newPage();
    await page.goto(`${app.url}/`);
    expect(await page.getAttribute("html", "lang")).toBe("fr");

    await page.getByRole("link", { name: "العربية" }).click();
    await page.waitForURL(/lng=ar/);
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("مرحبًا بكم في مجلس");

    // Mirrored layout: the brand sits at the right edge and the account area at the left edge.
    const brand = await page.locator(".app-header__brand").boundingBox();
    const account = await page.locator(".app-header__account").boundingBox();
    expect(brand!.x).toBeGreaterThan(account!.x);

    await page.goto(`${app.url}/login`);
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    expect(await page.getByLabel("البريد الإلكتروني").count()).toBe(1);
    await context.close();
  });

  it("follows the browser's language when nothing was chosen", async () => {
    const context = await app.browser.newContext({ ...LAPTOP, locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`${app.url}/login`);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Sign in");
    await context.close();
  });
});

describe("main pages are accessible on a phone and a laptop", () => {
  for (const [device, options] of [["phone", PHONE], ["laptop", LAPTOP]] as const) {
    for (const language of ["fr", "ar", "en"]) {
      it(`home and sign-in pages in ${language} on a ${device}`, async () => {
        const context = await app.browser.newContext(options);
        const page = await context.newPage();
        for (const path of ["/", "/login"]) {
          await page.goto(`${app.url}${path}?lng=${language}`);
          expect(await seriousA11yViolations(page), `${path} ${language} ${device}`).toEqual([]);
          // Nothing wider than the screen: no sideways scrolling on a phone.
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, `${path} ${language} ${device}`).toBeLessThanOrEqual(0);
        }
        await context.close();
      });
    }
  }
});
