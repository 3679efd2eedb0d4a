import { describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { DEMO_PASSWORD } from "~/db/seed-demo.server";
import arExchange from "~/i18n/locales/ar/exchange";
import arPractices from "~/i18n/locales/ar/practices";
import { LAPTOP, PHONE, seriousA11yViolations, signInWithBrowser, useAppInBrowser } from "../support/browser";

const app = useAppInBrowser();

const TITLE = "Guichet numérique unique pour les investisseurs de la diaspora";

describe("peer exchange in real browsers: publish a practice, find it, adopt it", () => {
  it("a Tunisian institution shares a practice, a moderator approves it, a Moroccan council finds it in Arabic on a phone and adopts it, and the author is notified", async () => {
    // OTE's admin writes the practice and asks to share it with peer institutions.
    const authorContext = await app.browser.newContext({ ...LAPTOP, locale: "fr-FR" });
    const author = await authorContext.newPage();
    await signInWithBrowser(author, app.url, "pair@majlis.test", DEMO_PASSWORD);
    await author.goto(`${app.url}/practices`);
    await author.getByRole("link", { name: "Partager une pratique" }).click();
    await author.getByRole("textbox", { name: "Titre", exact: true }).fill(TITLE);
    await author.getByRole("textbox", { name: "Le problème", exact: true }).fill("Les investisseurs de la diaspora devaient frapper à sept portes administratives pour un seul projet.");
    await author.getByRole("textbox", { name: "La démarche", exact: true }).fill("Un guichet en ligne unique, relié aux agences régionales, suit chaque dossier d'investissement de bout en bout.");
    await author.getByRole("textbox", { name: "Les résultats", exact: true }).fill("Délais divisés par trois ; les porteurs de projets savent à chaque étape qui traite leur dossier.");
    await author.getByLabel("Libellé, ligne 1").fill("Dossiers traités en ligne");
    await author.getByLabel("Valeur, ligne 1").fill("1 200");
    await author.getByRole("checkbox", { name: "Investissement et porteurs de projets" }).check();
    await author.getByRole("checkbox", { name: "Français" }).check();
    await author.getByRole("radio", { name: /Institutions pairs/ }).check();
    await author.getByRole("button", { name: "Enregistrer le brouillon" }).click();
    await author.waitForURL((url) => /^\/practices\/[a-z0-9]+$/.test(url.pathname) && !url.pathname.endsWith("/new"));
    const practiceUrl = author.url();
    const practiceId = practiceUrl.split("/").pop() as string;
    await author.getByRole("heading", { name: TITLE }).waitFor();
    await author.getByRole("button", { name: "Soumettre pour publication" }).click();
    await author.getByText("En attente de modération").first().waitFor();
    expect(await getDb().practice.findUniqueOrThrow({ where: { id: practiceId } })).toMatchObject({ status: "PENDING", visibility: "PEERS" });

    // Not yet readable by another institution: a pending practice is the moderators' business only.
    const adopterContext = await app.browser.newContext({ ...PHONE, locale: "ar" });
    const adopter = await adopterContext.newPage();
    await signInWithBrowser(adopter, app.url, "observateur@majlis.test", DEMO_PASSWORD);
    const notYet = await adopter.goto(practiceUrl);
    expect(notYet?.status()).toBe(404);

    // A platform moderator approves it.
    const moderatorContext = await app.browser.newContext({ ...LAPTOP, locale: "fr-FR" });
    const moderator = await moderatorContext.newPage();
    await signInWithBrowser(moderator, app.url, "organisatrice@majlis.test", DEMO_PASSWORD);
    await moderator.goto(`${app.url}/practices/moderation`);
    await moderator.getByRole("link", { name: TITLE }).click();
    await moderator.waitForURL(practiceUrl);
    await moderator.getByRole("button", { name: "Approuver la publication" }).click();
    // Back to the queue, where it no longer waits.
    await moderator.waitForURL(`${app.url}/practices/moderation`);
    expect(await moderator.getByRole("link", { name: TITLE }).count()).toBe(0);
    await expect.poll(async () => (await getDb().practice.findUniqueOrThrow({ where: { id: practiceId } })).status).toBe("PUBLISHED");

    // The CCME's admin, on a phone in Arabic, searches without accents and with a partial word, and finds it.
    await adopter.goto(`${app.url}/practices?lng=ar`);
    expect(await adopter.locator("html").getAttribute("dir")).toBe("rtl");
    await adopter.getByRole("searchbox", { name: arPractices.library.search }).fill("guichet numerique invest");
    await adopter.getByRole("button", { name: arPractices.library.apply }).click();
    await adopter.waitForURL((url) => url.searchParams.has("q"));
    await adopter.getByRole("link", { name: TITLE }).click();
    await adopter.waitForURL(practiceUrl);
    expect(await seriousA11yViolations(adopter)).toEqual([]);

    const story = "اعتمدنا هذا الشباك الرقمي في مجلس الجالية: ربطناه بشبكة القنصليات وأضفنا متابعة باللغة العربية.";
    await adopter.getByLabel(arExchange.adoptions.label).fill(story);
    await adopter.getByRole("button", { name: arExchange.adoptions.submit }).click();
    await adopter.getByText(story).waitFor();
    const ccme = await getDb().user.findUniqueOrThrow({ where: { email: "observateur@majlis.test" }, select: { organisationId: true } });
    expect(await getDb().practiceAdoption.findMany({ where: { practiceId }, select: { organisationId: true, story: true } })).toEqual([
      { organisationId: ccme.organisationId, story },
    ]);

    // The author sees it in the bell, opens it and lands on the story.
    await author.goto(`${app.url}/practices`);
    const bell = author.getByRole("link", { name: /Notifications, non lues : \d+/ });
    await bell.click();
    const item = author.getByRole("link", { name: new RegExp(`indique que son institution a adopté « .?${TITLE}.? »`) });
    await item.click();
    await author.waitForURL((url) => url.pathname === new URL(practiceUrl).pathname);
    await author.getByText(story).waitFor();
    expect(await seriousA11yViolations(author)).toEqual([]);

    // The library lists it for peers, never for someone signed out (it is shared with peers, not public).
    const outsiderContext = await app.browser.newContext({ ...LAPTOP, locale: "fr-FR" });
    const outsider = await outsiderContext.newPage();
    await outsider.goto(`${app.url}/practices?q=${encodeURIComponent("guichet")}`);
    expect(await outsider.getByRole("link", { name: TITLE }).count()).toBe(0);
    expect((await outsider.goto(practiceUrl))?.status()).toBe(404);

    await Promise.all([authorContext.close(), adopterContext.close(), moderatorContext.close(), outsiderContext.close()]);
  });
});
