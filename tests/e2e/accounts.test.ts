import { describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { DEMO_PASSWORD } from "~/db/seed-demo.server";
import { LAPTOP, PHONE, seriousA11yViolations, signInWithBrowser, useAppInBrowser } from "../support/browser";

const app = useAppInBrowser();

describe("inviting someone by a personal link", () => {
  it("brings a newcomer into the workshop as rapporteur, through accessible pages", async () => {
    const organiserContext = await app.browser.newContext({ ...LAPTOP, locale: "fr-FR" });
    const organiser = await organiserContext.newPage();
    await signInWithBrowser(organiser, app.url, "organisatrice@majlis.test", DEMO_PASSWORD);
    await organiser.goto(`${app.url}/workshops/${app.demoWorkshopId}/people`);
    expect(await seriousA11yViolations(organiser)).toEqual([]);

    const linkForm = organiser.getByRole("region", { name: "Créer un lien d'invitation personnel" });
    await linkForm.getByLabel("Rôle").selectOption({ label: "Rapporteur·e" });
    await linkForm.getByRole("button", { name: "Créer le lien" }).click();
    const linkField = organiser.getByLabel("Lien d'invitation", { exact: true });
    await linkField.waitFor();
    const inviteUrl = await linkField.inputValue();
    expect(inviteUrl).toMatch(new RegExp(`^${app.url}/invite/[A-Za-z0-9_-]+$`));
    // The list of invitations is reloaded after the link is shown: wait for it rather than read it at once.
    await organiser.getByRole("cell", { name: "En attente" }).waitFor();
    await expect(organiser.getByRole("cell", { name: "En attente" }).count()).resolves.toBe(1);
    await organiser.getByRole("button", { name: "Copier" }).click();
    await organiser.getByRole("button", { name: "Copié" }).waitFor();
    expect(await seriousA11yViolations(organiser)).toEqual([]);

    const newcomerContext = await app.browser.newContext({ ...LAPTOP, locale: "fr-FR" });
    const newcomer = await newcomerContext.newPage();
    await newcomer.goto(inviteUrl);
    expect(await newcomer.getByRole("heading", { level: 1 }).textContent()).toBe("Invitation");
    expect(await newcomer.getByText("en tant que Rapporteur·e").count()).toBe(1);
    expect(await seriousA11yViolations(newcomer)).toEqual([]);

    await newcomer.getByLabel("Nom et prénom").fill("Hajar Bennis");
    await newcomer.getByLabel("Adresse e-mail").fill("hajar.bennis@example.ma");
    await newcomer.getByLabel(/^Mot de passe/).fill("rapporter les idées de tous");
    await newcomer.getByLabel("Confirmez le mot de passe").fill("rapporter les idées de tous");
    await Promise.all([
      newcomer.waitForURL(`${app.url}/workshops/${app.demoWorkshopId}`),
      newcomer.getByRole("button", { name: "Créer mon compte et rejoindre l'atelier" }).click(),
    ]);
    // Signed in as the new account: the header names her (waited for, the page renders after the URL changes).
    await newcomer.locator(".app-header__user", { hasText: "Hajar Bennis" }).waitFor();
    expect(await newcomer.getByRole("heading", { level: 1 }).textContent()).toContain("Dispositif de mobilisation des compétences");
    const user = await getDb().user.findUniqueOrThrow({ where: { email: "hajar.bennis@example.ma" }, include: { memberships: true } });
    expect(user.memberships).toMatchObject([{ workshopId: app.demoWorkshopId, role: "RAPPORTEUR" }]);

    // The list of invitations now says it was accepted, and the link cannot serve twice.
    await organiser.reload();
    await expect(organiser.getByRole("cell", { name: "Acceptée" }).count()).resolves.toBe(1);
    const latecomer = await (await app.browser.newContext(LAPTOP)).newPage();
    const answer = await latecomer.goto(inviteUrl);
    expect(answer?.status()).toBe(410);
    await latecomer.context().close();
    await organiserContext.close();
    await newcomerContext.close();
  });
});

describe("account pages are accessible", () => {
  it("has no serious violation on the people and account pages, right to left in Arabic on a phone", async () => {
    const context = await app.browser.newContext(PHONE);
    const page = await context.newPage();
    await signInWithBrowser(page, app.url, "organisatrice@majlis.test", DEMO_PASSWORD);
    for (const path of [`/workshops/${app.demoWorkshopId}/people`, "/account"]) {
      await page.goto(`${app.url}${path}?lng=ar`);
      expect(await page.getAttribute("html", "dir")).toBe("rtl");
      expect(await seriousA11yViolations(page), path).toEqual([]);
      // Wide tables scroll inside their box: the page itself never scrolls sideways.
      const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      expect(widths[0], path).toBe(widths[1]);
    }
    await context.close();
  });

  it("has no serious violation on sign-in and forgotten password, in French and Arabic", async () => {
    const context = await app.browser.newContext(LAPTOP);
    const page = await context.newPage();
    for (const language of ["fr", "ar"]) {
      for (const path of ["/login", "/forgot-password"]) {
        await page.goto(`${app.url}${path}?lng=${language}`);
        expect(await seriousA11yViolations(page), `${path} in ${language}`).toEqual([]);
      }
    }
    await page.getByRole("textbox").first().fill("leila@example.ma");
    await page.getByRole("button").filter({ hasText: "إرسال الرابط" }).click();
    await page.getByRole("status").waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });
});
