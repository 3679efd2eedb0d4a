import { describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { DEMO_PASSWORD } from "~/db/seed-demo.server";
import { practiceSearchText } from "~/practices/search";
import { LAPTOP, PHONE, seriousA11yViolations, signInWithBrowser, useAppInBrowser } from "../support/browser";

const app = useAppInBrowser();

/** A practice of the DMRE shared with peers, as the library publishes it. */
async function dmrePractice(title: string) {
  const author = await getDb().user.findUniqueOrThrow({ where: { email: "facilitateur@majlis.test" }, select: { id: true, organisationId: true, organisation: { select: { name: true } } } });
  const content = { title, problem: "Les compétences de la diaspora sont dispersées.", approach: "Un guichet en ligne.", results: "", country: "MA", themes: [] };
  return getDb().practice.create({
    data: {
      ...content,
      organisationId: author.organisationId as string,
      authorId: author.id,
      searchText: practiceSearchText({ ...content, figures: [], resources: [], institutionName: author.organisation?.name ?? "" }),
      languages: ["fr"],
      visibility: "PEERS",
      status: "PUBLISHED",
      publishedAt: new Date(),
    },
    select: { id: true },
  });
}

// Each page is left to finish loading before typing: what is typed before React takes the page over could be lost.
describe("the exchange around a practice, in real browsers", () => {
  it("a peer comments, is told in place about a blank comment, and says their institution adopted it; the institution answers", async () => {
    const practice = await dmrePractice("Guichet des compétences MRE");
    const context = await app.browser.newContext({ ...PHONE, locale: "fr-FR" });
    const peer = await context.newPage();
    await signInWithBrowser(peer, app.url, "pair@majlis.test", DEMO_PASSWORD);
    await peer.goto(`${app.url}/practices/${practice.id}`);
    await peer.waitForLoadState("networkidle");

    const comment = peer.getByLabel("Votre commentaire");
    await comment.fill("   ");
    await peer.getByRole("button", { name: "Publier le commentaire" }).click();
    await peer.locator("#exchange-comment").getByText("Ce champ est obligatoire.").waitFor();

    await comment.fill("Nous avons un dispositif proche à Tunis.");
    await peer.getByRole("button", { name: "Publier le commentaire" }).click();
    await peer.locator("#exchange-comments li").getByText("Nous avons un dispositif proche à Tunis.").waitFor();
    await peer.locator("#exchange-comment").getByText("Ce champ est obligatoire.").waitFor({ state: "detached" });
    expect(await comment.inputValue()).toBe("");

    await peer.getByLabel("Votre question").fill("Combien de personnes gèrent le guichet ?");
    await peer.getByRole("button", { name: "Envoyer la question" }).click();
    await peer.locator("#exchange-questions li").getByText("Combien de personnes gèrent le guichet ?").waitFor();

    await peer.getByLabel("Comment l'avez-vous reprise et adaptée").fill("Reprise à Tunis pour les ingénieurs, avec un comité de sélection.");
    await peer.getByRole("button", { name: "Nous avons adopté cette pratique" }).click();
    await peer.getByText("Votre institution a déjà raconté son adoption").waitFor();
    expect(await peer.locator(".adoption-count__value").textContent()).toBe("1");
    expect(await seriousA11yViolations(peer)).toEqual([]);
    await context.close();

    const institutionContext = await app.browser.newContext({ ...LAPTOP, locale: "ar" });
    const colleague = await institutionContext.newPage();
    await signInWithBrowser(colleague, app.url, "rapporteur@majlis.test", DEMO_PASSWORD);
    await colleague.goto(`${app.url}/practices/${practice.id}?lng=ar`);
    expect(await colleague.getAttribute("html", "dir")).toBe("rtl");
    await colleague.getByLabel(/الإجابة باسم/).fill("ثلاثة موظفين بدوام كامل.");
    await colleague.getByRole("button", { name: "نشر الجواب" }).click();
    await colleague.locator(".exchange-answers").getByText("ثلاثة موظفين بدوام كامل.").waitFor();
    expect(await seriousA11yViolations(colleague)).toEqual([]);
    await institutionContext.close();
  });

  it("an editor cites a practice from the recommendation's page", async () => {
    const practice = await dmrePractice("Passerelle des porteurs de projets");
    const recommendation = await getDb().recommendation.findFirstOrThrow({ where: { workshopId: app.demoWorkshopId, status: "SUBMITTED" }, orderBy: { createdAt: "asc" }, select: { id: true } });
    const context = await app.browser.newContext({ ...LAPTOP, locale: "fr-FR" });
    const rapporteur = await context.newPage();
    await signInWithBrowser(rapporteur, app.url, "rapporteur@majlis.test", DEMO_PASSWORD);
    // The rapporteur answered in Arabic before: back to French.
    await rapporteur.goto(`${app.url}/workshops/${app.demoWorkshopId}/recommendations/${recommendation.id}?lng=fr`);
    await rapporteur.waitForLoadState("networkidle");
    await rapporteur.getByLabel("Chercher une pratique à citer").fill("passerelle");
    await rapporteur.getByRole("button", { name: "Chercher", exact: true }).click();
    await rapporteur.getByRole("button", { name: "Citer la pratique « Passerelle des porteurs de projets »" }).click();
    await rapporteur.getByRole("button", { name: "Retirer la pratique « Passerelle des porteurs de projets »" }).waitFor();
    expect(await getDb().recommendationPractice.count({ where: { recommendationId: recommendation.id, practiceId: practice.id } })).toBe(1);
    expect(await seriousA11yViolations(rapporteur)).toEqual([]);
    await context.close();
  });
});
