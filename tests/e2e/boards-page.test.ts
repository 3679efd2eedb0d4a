import { describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { DEMO_PASSWORD } from "~/db/seed-demo.server";
import { LAPTOP, PHONE, seriousA11yViolations, signInWithBrowser, useAppInBrowser } from "../support/browser";

const app = useAppInBrowser();

describe("the whiteboards page, in a real browser", () => {
  it("lets a facilitator create a board from a template and freeze a version, through accessible pages", async () => {
    const context = await app.browser.newContext({ ...LAPTOP, locale: "fr-FR" });
    const page = await context.newPage();
    await signInWithBrowser(page, app.url, "facilitateur@majlis.test", DEMO_PASSWORD);
    await page.goto(`${app.url}/workshops/${app.demoWorkshopId}/boards`);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByText("Nouveau tableau").click();
    await page.getByLabel("Titre du tableau").fill("Priorités de la plateforme");
    await page.getByLabel("Modèle").selectOption({ label: "Fonctionnalités de la plateforme (MoSCoW)" });
    await page.getByRole("button", { name: "Créer le tableau" }).click();
    await page.getByRole("heading", { name: "Priorités de la plateforme" }).waitFor();
    const board = await getDb().board.findFirstOrThrow({ where: { title: "Priorités de la plateforme" } });
    expect(board.template).toBe("FEATURES_MOSCOW");

    const card = page.locator(`#board-${board.id}`);
    await card.getByText("Figer une version").click();
    await card.getByLabel("Nom de la version").fill("Fin de la session 1");
    await card.getByRole("button", { name: "Figer cette version" }).click();
    await card.getByRole("link", { name: /Voir en JSON/ }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });

  it("reads right to left in Arabic on a phone, read-only for an observer, and stays accessible", async () => {
    const context = await app.browser.newContext({ ...PHONE, locale: "ar-MA" });
    const page = await context.newPage();
    await signInWithBrowser(page, app.url, "observateur@majlis.test", DEMO_PASSWORD);
    await page.goto(`${app.url}/workshops/${app.demoWorkshopId}/boards?lng=ar`);
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    await page.getByText("تتابعون السبورات للاطلاع فقط.").waitFor();
    expect(await page.getByText("سبورة جديدة").count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });
});
