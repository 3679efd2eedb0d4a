import { describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { DEMO_PASSWORD } from "~/db/seed-demo.server";
import { LAPTOP, PHONE, seriousA11yViolations, signInWithBrowser, useAppInBrowser } from "../support/browser";

const app = useAppInBrowser();

describe("an organiser reuses a workshop as a template", () => {
  it("saves the demo workshop as a template and runs it again on another date, in Arabic", async () => {
    const context = await app.browser.newContext({ ...LAPTOP, locale: "ar-MA" });
    const page = await context.newPage();
    await signInWithBrowser(page, app.url, "organisatrice@majlis.test", DEMO_PASSWORD);

    await page.goto(`${app.url}/workshops/${app.demoWorkshopId}/edit`);
    await page.getByRole("link", { name: "حفظ كنموذج" }).click();
    await page.getByRole("heading", { level: 1, name: "حفظ الورشة كنموذج" }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel("عنوان النموذج").fill("ورشة الكفاءات");
    await page.getByRole("radio", { name: /المؤسسات النظيرة/ }).check();
    await Promise.all([page.waitForURL(/\/templates\/[^/]+\?done=created$/), page.getByRole("button", { name: "حفظ النموذج" }).click()]);
    await page.getByRole("heading", { level: 1, name: "ورشة الكفاءات" }).waitFor();
    expect(await page.getByText("تم حفظ النموذج.").isVisible()).toBe(true);
    expect(await page.getByText("Inventaire des données", { exact: true }).isVisible()).toBe(true);
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole("link", { name: "إنشاء ورشة انطلاقًا من هذا النموذج" }).click();
    await page.getByRole("heading", { level: 1, name: "ورشة جديدة انطلاقًا من نموذج" }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel("عنوان الورشة").fill("ورشة الكفاءات — باريس");
    await page.getByLabel("التاريخ").fill("2026-06-12");
    await page.getByLabel("المنطقة الزمنية").selectOption("Europe/Paris");
    await Promise.all([page.waitForURL((url) => /^\/workshops\/[^/]+$/.test(url.pathname)), page.getByRole("button", { name: "إنشاء الورشة" }).click()]);
    await page.getByRole("heading", { level: 1, name: "ورشة الكفاءات — باريس" }).waitFor();
    const created = await getDb().workshop.findFirstOrThrow({ where: { title: "ورشة الكفاءات — باريس" }, include: { sessions: true } });
    expect(created.sessions).toHaveLength(2);
    expect(created.startsAt.toISOString()).toBe("2026-06-12T07:00:00.000Z");

    await page.goto(`${app.url}/templates`);
    await page.getByRole("heading", { level: 1, name: "نماذج الورشات" }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });

  it("lists the institutions of a workshop and lets its organiser add one, on a phone", async () => {
    const context = await app.browser.newContext({ ...PHONE, locale: "fr-FR" });
    const page = await context.newPage();
    await signInWithBrowser(page, app.url, "organisatrice@majlis.test", DEMO_PASSWORD);
    await page.goto(`${app.url}/workshops/${app.demoWorkshopId}`);
    await page.getByRole("navigation", { name: "Sections de l'atelier" }).getByRole("link", { name: "Institutions" }).click();
    await page.getByRole("heading", { level: 3, name: "Ajouter une institution" }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    const ote = await getDb().organisation.findFirstOrThrow({ where: { name: { startsWith: "Office des Tunisiens" } } });
    await page.getByRole("combobox", { name: "Institution", exact: true }).selectOption(ote.id);
    await page.getByRole("combobox", { name: "Rôle", exact: true }).selectOption("PEER");
    await page.getByRole("button", { name: "Ajouter", exact: true }).click();
    await page.getByText("Office des Tunisiens à l'Étranger (OTE) participe maintenant à l'atelier.").waitFor();
    await page.getByRole("table").getByRole("link", { name: "Office des Tunisiens à l'Étranger (OTE)" }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });
});
