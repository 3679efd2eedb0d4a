import { describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { DEMO_PASSWORD } from "~/db/seed-demo.server";
import { LAPTOP, seriousA11yViolations, signInWithBrowser, useAppInBrowser } from "../support/browser";

const app = useAppInBrowser();

describe("an organiser prepares a workshop", () => {
  it("creates it, adds two parallel sessions and an agenda item, publishes it, and the page shows both sessions", async () => {
    const context = await app.browser.newContext({ ...LAPTOP, locale: "fr-FR" });
    const page = await context.newPage();
    await signInWithBrowser(page, app.url, "organisatrice@majlis.test", DEMO_PASSWORD);

    await page.getByRole("link", { name: "Créer un atelier" }).click();
    await page.waitForURL(/\/workshops\/new$/);
    await page.getByLabel("Titre").waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel("Titre").fill("Compétences MRE à Montréal");
    await page.getByLabel("Description").fill("Rencontre avec le réseau des compétences marocaines du Canada.");
    await page.getByLabel("Début").fill("2026-06-10T09:00");
    await page.getByLabel("Fin").fill("2026-06-10T17:30");
    await page.getByLabel("Fuseau horaire").selectOption("America/Montreal");
    await page.getByLabel("Lieu").fill("Montréal, Consulat général");
    await page.getByRole("radio", { name: "Hybride" }).check();
    await page.getByRole("checkbox", { name: "العربية" }).check();
    await Promise.all([
      page.waitForURL((url) => /^\/workshops\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith("/new")),
      page.getByRole("button", { name: "Créer l'atelier" }).click(),
    ]);
    const workshopPath = new URL(page.url()).pathname;
    // The URL changes as soon as the new page's data has arrived; wait for the page itself to be rendered.
    await page.getByRole("heading", { level: 1, name: "Compétences MRE à Montréal" }).waitFor();
    expect(await page.getByText("Brouillon").first().isVisible()).toBe(true);

    await page.getByRole("navigation", { name: "Sections de l'atelier" }).getByRole("link", { name: "Sessions parallèles" }).click();
    await page.waitForURL(`**${workshopPath}/sessions`);
    const addSession = page.getByRole("region", { name: "Ajouter une session" });
    for (const [title, room, capacity] of [
      ["Session 1 — Réseaux de compétences", "Salle Atlas", "30"],
      ["Session 2 — Porteurs de projets", "Salle Rif", "20"],
    ]) {
      await addSession.getByLabel("Titre de la session").fill(title);
      await addSession.getByLabel("Salle").fill(room);
      await addSession.getByLabel("Capacité").fill(capacity);
      await addSession.getByRole("button", { name: "Ajouter la session" }).click();
      await page.getByRole("heading", { level: 3, name: title }).waitFor();
    }

    await page.getByRole("navigation", { name: "Sections de l'atelier" }).getByRole("link", { name: "Ordre du jour" }).click();
    await page.waitForURL(`**${workshopPath}/agenda`);
    const addItem = page.getByRole("region", { name: "Ajouter un créneau" });
    expect(await addItem.getByLabel("Début").inputValue()).toBe("2026-06-10T09:00");
    await addItem.getByLabel("Intitulé").fill("Accueil et ouverture");
    await addItem.getByRole("button", { name: "Ajouter le créneau" }).click();
    await page.getByRole("heading", { level: 3, name: "Accueil et ouverture" }).waitFor();

    await page.getByRole("navigation", { name: "Sections de l'atelier" }).getByRole("link", { name: "Informations" }).click();
    await page.waitForURL(`**${workshopPath}/edit`);
    await page.getByRole("button", { name: "Publier l'atelier" }).click();
    await page.getByText("L'atelier est publié.").waitFor();

    await page.getByRole("navigation", { name: "Sections de l'atelier" }).getByRole("link", { name: "Programme" }).click();
    await page.waitForURL(`**${workshopPath}`);
    const sessions = page.getByRole("region", { name: "Sessions parallèles" });
    await expectVisible(sessions.getByRole("heading", { name: "Session 1 — Réseaux de compétences" }));
    await expectVisible(sessions.getByRole("heading", { name: "Session 2 — Porteurs de projets" }));
    await expectVisible(sessions.getByText("Places restantes : 30"));
    const agenda = page.getByRole("region", { name: "Programme" });
    await expectVisible(agenda.getByText("Accueil et ouverture"));
    expect(await agenda.getByText("09:00").first().textContent()).toBe("09:00");
    expect(await page.getByText("Publié", { exact: true }).isVisible()).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);

    const workshop = await getDb().workshop.findFirstOrThrow({ where: { title: "Compétences MRE à Montréal" }, include: { sessions: true, agendaItems: true } });
    expect(workshop).toMatchObject({ status: "PUBLISHED", timezone: "America/Montreal", format: "HYBRID", languages: ["fr", "ar"] });
    expect(workshop.startsAt.toISOString()).toBe("2026-06-10T13:00:00.000Z");
    expect(workshop.sessions).toHaveLength(2);
    expect(workshop.agendaItems.map((item) => [item.title, item.sessionId])).toEqual([["Accueil et ouverture", null]]);
    await context.close();
  });
});

async function expectVisible(locator: import("playwright-core").Locator) {
  await locator.waitFor({ state: "visible" });
  expect(await locator.isVisible()).toBe(true);
}
