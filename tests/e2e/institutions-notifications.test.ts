import { describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { DEMO_PASSWORD } from "~/db/seed-demo.server";
import arInstitutions from "~/i18n/locales/ar/institutions";
import arNotifications from "~/i18n/locales/ar/notifications";
import { notify } from "~/models/notifications.server";
import { LAPTOP, PHONE, seriousA11yViolations, signInWithBrowser, useAppInBrowser } from "../support/browser";

const app = useAppInBrowser();

describe("institutions and notifications in real browsers", () => {
  it("an institution's admin, on a phone in Arabic, adds a colleague, follows the bell to a notification and back to nothing unread", async () => {
    const omar = await getDb().user.findUniqueOrThrow({ where: { email: "observateur@majlis.test" } });
    const karim = await getDb().user.findUniqueOrThrow({ where: { email: "rapporteur@majlis.test" } });
    const ccmeId = omar.organisationId!;
    const practice = await getDb().practice.create({
      data: {
        organisationId: ccmeId,
        title: "Université d'été des jeunes Marocains du monde",
        problem: "Les jeunes de la diaspora connaissent mal le pays.",
        approach: "Deux semaines de rencontres et de visites chaque été.",
        country: "MA",
        themes: [],
        languages: ["fr"],
        visibility: "PUBLIC",
        status: "PUBLISHED",
        publishedAt: new Date(),
      },
    });
    await notify({ kind: "practice.questioned", recipientIds: [omar.id], actorId: karim.id, subject: { type: "practice", id: practice.id }, data: { excerpt: "Qui peut y participer ?" } });

    const context = await app.browser.newContext({ ...PHONE, locale: "ar" });
    const page = await context.newPage();
    await signInWithBrowser(page, app.url, "observateur@majlis.test", DEMO_PASSWORD);

    await page.goto(`${app.url}/institutions?lng=ar`);
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    await page.getByRole("heading", { level: 1, name: arInstitutions.directory.title }).waitFor();
    expect(await seriousA11yViolations(page), "/institutions").toEqual([]);
    await page.getByRole("link", { name: "Conseil de la communauté marocaine à l'étranger (CCME)" }).click();
    await page.waitForURL(`${app.url}/institutions/${ccmeId}`);
    await page.getByRole("link", { name: practice.title }).waitFor();
    expect(await seriousA11yViolations(page), "profile").toEqual([]);

    await page.getByRole("link", { name: arInstitutions.profile.managePeople }).click();
    await page.waitForURL(/\/people$/);
    expect(await seriousA11yViolations(page), "people").toEqual([]);
    await page.getByLabel(arInstitutions.people.addEmail).fill("participante@majlis.test");
    await page.getByRole("button", { name: arInstitutions.people.addSubmit }).click();
    await page.getByText(arInstitutions.people.attached.replace("{{name}}", "Leila Amrani")).waitFor();
    await page.getByRole("cell", { name: "participante@majlis.test" }).waitFor();

    await page.getByRole("link", { name: arInstitutions.people.back }).click();
    await page.getByRole("link", { name: arInstitutions.profile.edit }).click();
    await page.waitForURL(/\/edit$/);
    expect(await seriousA11yViolations(page), "edit").toEqual([]);

    // The bell says how many are unread; it leads to the list, and the item to the practice's exchange.
    await page.getByRole("link", { name: arNotifications.bell.labelUnread.replace("{{count}}", "1") }).click();
    await page.waitForURL(`${app.url}/notifications`);
    await page.getByText("Qui peut y participer ?").waitFor();
    expect(await seriousA11yViolations(page), "/notifications").toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByRole("link", { name: new RegExp(practice.title.slice(0, 20)) }).click();
    await page.waitForURL((url) => url.pathname === `/practices/${practice.id}`);
    expect(new URL(page.url()).hash).toBe("#exchange");
    await page.goto(`${app.url}/notifications`);
    await page.getByRole("link", { name: arNotifications.bell.label, exact: true }).waitFor();
    await context.close();
  });

  it("a platform moderator registers an institution on a laptop", async () => {
    const context = await app.browser.newContext({ ...LAPTOP, locale: "fr-FR" });
    const page = await context.newPage();
    await signInWithBrowser(page, app.url, "organisatrice@majlis.test", DEMO_PASSWORD);
    await page.goto(`${app.url}/institutions/new`);
    expect(await seriousA11yViolations(page), "/institutions/new").toEqual([]);
    await page.getByLabel("Nom de l'institution").fill("Fondation Hassan II pour les Marocains résidant à l'étranger");
    await page.getByLabel("Pays").selectOption("MA");
    await page.getByLabel("Site web").fill("notre site");
    await page.getByRole("button", { name: "Enregistrer l'institution" }).click();
    await page.getByText("Saisissez une adresse web complète").waitFor();
    await page.getByLabel("Site web").fill("https://www.alwatan.ma");
    await page.getByRole("button", { name: "Enregistrer l'institution" }).click();
    await page.getByRole("heading", { level: 1, name: "Fondation Hassan II pour les Marocains résidant à l'étranger" }).waitFor();
    await page.getByText("L'institution a été enregistrée.").waitFor();
    await context.close();
  });
});
