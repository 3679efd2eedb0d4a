import { describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { DEMO_PASSWORD } from "~/db/seed-demo.server";
import { boardWithNote as makeBoardWithNote, selectNote } from "../support/board-pages";
import { LAPTOP, PHONE, seriousA11yViolations, signInWithBrowser, useAppInBrowser } from "../support/browser";

const app = useAppInBrowser();

const boardWithNote = (text: string) => makeBoardWithNote({ baseUrl: app.url, workshopId: app.demoWorkshopId, text, title: "Attentes des porteurs", template: "FEATURES_MOSCOW" });

describe("from a sticky note to a supported recommendation, in real browsers", () => {
  it("a rapporteur turns a note into a recommendation from the canvas; a participant supports it; the note shows what it fed", async () => {
    const noteText = "Un guichet unique pour les porteurs de projets";
    const { boardId, noteId } = await boardWithNote(noteText);
    const base = `${app.url}/workshops/${app.demoWorkshopId}`;

    const rapporteurContext = await app.browser.newContext({ ...LAPTOP, locale: "fr-FR" });
    const rapporteur = await rapporteurContext.newPage();
    await signInWithBrowser(rapporteur, app.url, "rapporteur@majlis.test", DEMO_PASSWORD);
    await rapporteur.goto(`${base}/boards/${boardId}`);
    await rapporteur.locator('[data-save-state="saved"]').waitFor();
    await selectNote(rapporteur, noteText);
    // What the note fed so far: nothing.
    await rapporteur.getByText("Aucune recommandation ne cite cet élément.").waitFor();
    await rapporteur.getByRole("link", { name: "Créer une recommandation" }).click();

    await rapporteur.waitForURL((url) => url.pathname.endsWith("/recommendations/new") && url.searchParams.get("elementId") === noteId);
    expect(await rapporteur.getByLabel("Titre").inputValue()).toBe(noteText);
    await rapporteur.getByLabel("Action proposée").fill("Ouvrir un guichet unique en ligne, relié aux centres régionaux d'investissement.");
    await rapporteur.getByLabel("Thème").selectOption("PROJECT_HOLDER_SUPPORT");
    await rapporteur.getByLabel("Priorité").selectOption("HIGH");
    await rapporteur.getByRole("button", { name: "Enregistrer le brouillon" }).click();
    await rapporteur.waitForURL(/\/recommendations\/[a-z0-9]+$/);
    const recommendationUrl = rapporteur.url();
    const recommendationId = recommendationUrl.split("/").pop() as string;
    await rapporteur.getByRole("heading", { name: noteText }).waitFor();
    await rapporteur.getByRole("link", { name: "Voir la note dans la version figée" }).waitFor();
    await rapporteur.getByRole("button", { name: "Soumettre" }).click();
    await rapporteur.getByText("Statut : « Brouillon » → « Soumise »").waitFor();

    const participantContext = await app.browser.newContext({ ...PHONE, locale: "fr-FR" });
    const participant = await participantContext.newPage();
    await signInWithBrowser(participant, app.url, "participante@majlis.test", DEMO_PASSWORD);
    await participant.goto(recommendationUrl);
    await participant.getByRole("button", { name: "Soutenir" }).click();
    await participant.getByText("Vous soutenez cette recommandation.").waitFor();
    await participant.getByLabel("4 — Plutôt d'accord").check();
    await participant.getByRole("button", { name: "Enregistrer mon avis" }).click();
    await participant.getByText("Soutiens : 1 · accord moyen : 4 / 5").waitFor();
    const participantId = (await getDb().user.findUniqueOrThrow({ where: { email: "participante@majlis.test" } })).id;
    expect(await getDb().recommendationSupport.findUnique({ where: { recommendationId_userId: { recommendationId, userId: participantId } } })).toMatchObject({
      supported: true,
      agreement: 4,
    });

    // Back on the board, the note shows the recommendation it fed.
    await rapporteur.goto(`${base}/boards/${boardId}`);
    await rapporteur.locator('[data-save-state="saved"]').waitFor();
    await selectNote(rapporteur, noteText);
    const fed = rapporteur.locator(".element-recommendations");
    await fed.getByRole("link", { name: noteText }).waitFor();
    expect(await fed.textContent()).toContain("Soumise");

    // And from the recommendation, back to the note in the frozen board.
    await rapporteur.goto(recommendationUrl);
    await rapporteur.getByRole("link", { name: "Voir la note dans la version figée" }).click();
    await rapporteur.getByText(`Élément cité : « ${noteText} »`).waitFor();

    await rapporteurContext.close();
    await participantContext.close();
  });

  it("has no serious accessibility problem on the list and the details, in French and in Arabic", async () => {
    const rapporteurId = (await getDb().user.findUniqueOrThrow({ where: { email: "rapporteur@majlis.test" } })).id;
    const recommendation = await getDb().recommendation.create({
      data: {
        workshopId: app.demoWorkshopId,
        title: "Portail des compétences de la diaspora",
        problem: "Les compétences MRE sont dispersées.",
        proposedAction: "Un portail unique, bilingue.",
        theme: "SKILLS_MOBILISATION",
        status: "SUBMITTED",
        authorId: rapporteurId,
        events: { create: { actorId: rapporteurId, kind: "created", toStatus: "DRAFT" } },
      },
    });
    const base = `${app.url}/workshops/${app.demoWorkshopId}/recommendations`;
    // The rapporteur sees every form (new, edit, status, merge); the participant the support and agreement forms.
    for (const email of ["rapporteur@majlis.test", "participante@majlis.test"]) {
      const context = await app.browser.newContext({ ...LAPTOP, locale: "fr-FR" });
      const page = await context.newPage();
      await signInWithBrowser(page, app.url, email, DEMO_PASSWORD);
      for (const language of ["ar", "fr"]) {
        for (const path of [base, `${base}/${recommendation.id}`]) {
          await page.goto(`${path}?lng=${language}`);
          expect(await page.getAttribute("html", "dir")).toBe(language === "ar" ? "rtl" : "ltr");
          expect(await seriousA11yViolations(page), `${path} in ${language} for ${email}`).toEqual([]);
        }
      }
      await context.close();
    }
  });
});
