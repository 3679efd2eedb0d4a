import { describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { DEMO_PASSWORD } from "~/db/seed-demo.server";
import { boardWithNote as makeBoardWithNote, selectNote } from "../support/board-pages";
import { LAPTOP, PHONE, seriousA11yViolations, signInWithBrowser, useAppInBrowser } from "../support/browser";

const app = useAppInBrowser();

const boardWithNote = async (text: string) => (await makeBoardWithNote({ baseUrl: app.url, workshopId: app.demoWorkshopId, text, title: "Accompagnement des porteurs", template: "BLANK" })).boardId;

async function signedInPage(email: string, device = LAPTOP) {
  const context = await app.browser.newContext({ ...device, locale: "fr-FR" });
  const page = await context.newPage();
  await signInWithBrowser(page, app.url, email, DEMO_PASSWORD);
  return page;
}

describe("from a sticky note to the committee's decision and its follow-up, and back, in real browsers", () => {
  it("runs the whole path through the pages", async () => {
    const noteText = "Des permanences pour les porteurs de projets dans les consulats";
    const boardId = await boardWithNote(noteText);
    const base = `${app.url}/workshops/${app.demoWorkshopId}`;

    // The rapporteur turns the note into a recommendation and submits it.
    const rapporteur = await signedInPage("rapporteur@majlis.test");
    await rapporteur.goto(`${base}/boards/${boardId}`);
    await rapporteur.locator('[data-save-state="saved"]').waitFor();
    await selectNote(rapporteur, noteText);
    await rapporteur.getByRole("link", { name: "Créer une recommandation" }).click();
    await rapporteur.waitForURL((url) => url.pathname.endsWith("/recommendations/new"));
    await rapporteur.getByLabel("Problème constaté").fill("Les porteurs de projets ne trouvent pas d'interlocuteur à l'étranger.");
    await rapporteur.getByLabel("Action proposée").fill("Tenir une permanence mensuelle dans chaque consulat.");
    await rapporteur.getByLabel("Thème").selectOption("PROJECT_HOLDER_SUPPORT");
    await rapporteur.getByRole("button", { name: "Enregistrer le brouillon" }).click();
    await rapporteur.waitForURL(/\/recommendations\/[a-z0-9]+$/);
    const recommendationUrl = rapporteur.url();
    const recommendationId = recommendationUrl.split("/").pop() as string;
    await rapporteur.getByRole("button", { name: "Soumettre" }).click();
    await rapporteur.getByText("Statut : « Brouillon » → « Soumise »").waitFor();

    // A participant supports it, from a phone.
    const participant = await signedInPage("participante@majlis.test", PHONE);
    await participant.goto(recommendationUrl);
    await participant.getByRole("button", { name: "Soutenir" }).click();
    await participant.getByText("Vous soutenez cette recommandation.").waitFor();

    // The rapporteur consolidates it; the organiser puts it on a new meeting's agenda.
    await rapporteur.goto(recommendationUrl);
    await rapporteur.getByRole("button", { name: "Marquer comme consolidée" }).click();
    await rapporteur.getByText("Statut : « Soumise » → « Consolidée »").waitFor();

    const organiser = await signedInPage("organisatrice@majlis.test");
    await organiser.goto(`${base}/committee`);
    await organiser.getByLabel("Intitulé").fill("Comité de printemps");
    await organiser.getByLabel("Date et heure").fill("2024-04-10T10:00");
    await organiser.getByLabel("Lieu").fill("Rabat");
    await organiser.getByRole("button", { name: "Créer la réunion" }).click();
    await organiser.getByRole("heading", { name: "Comité de printemps" }).waitFor();
    const meetingUrl = organiser.url();
    await organiser.getByLabel("Recommandation").selectOption(recommendationId);
    await organiser.getByRole("button", { name: "Inscrire à l'ordre du jour" }).click();
    await organiser.getByRole("link", { name: noteText, exact: true }).waitFor();
    expect((await getDb().recommendation.findUniqueOrThrow({ where: { id: recommendationId } })).status).toBe("UNDER_REVIEW");

    // The committee member decides: a rejection without its reason is refused, then the acceptance is recorded.
    const member = await signedInPage("comite@majlis.test");
    await member.goto(meetingUrl);
    await member.getByRole("combobox", { name: "Décision" }).selectOption("REJECTED");
    await member.getByRole("button", { name: "Enregistrer la décision" }).click();
    await member.getByText("Donnez la raison : un rejet ou un report doit être motivé.").waitFor();
    expect(await getDb().decision.count({ where: { recommendationId } })).toBe(0);
    await member.getByRole("combobox", { name: "Décision" }).selectOption("ACCEPTED");
    await member.getByLabel("Motivation").fill("Réponse directe à la première attente exprimée.");
    await member.getByRole("button", { name: "Enregistrer la décision" }).click();
    await member.getByText("Réponse directe à la première attente exprimée.").waitFor();
    expect((await getDb().recommendation.findUniqueOrThrow({ where: { id: recommendationId } })).status).toBe("ACCEPTED");

    // The organiser follows it up: an action started takes the recommendation into implementation.
    await organiser.goto(meetingUrl);
    await organiser.getByRole("link", { name: "Ajouter une action de suivi" }).click();
    await organiser.waitForURL((url) => url.pathname.endsWith("/follow-up"));
    const form = organiser.locator("form", { has: organiser.getByRole("button", { name: "Ajouter l'action" }) });
    expect(await form.getByLabel("Recommandation").inputValue()).toBe(recommendationId);
    await form.getByRole("textbox", { name: "Action", exact: true }).fill("Ouvrir la première permanence à Paris");
    await form.getByLabel("Institution responsable").fill("DMRE");
    await form.getByLabel("Échéance").fill("2031-05-31");
    await form.getByLabel("État").selectOption("IN_PROGRESS");
    await form.getByLabel("Avancement (%)").fill("25");
    await form.getByRole("button", { name: "Ajouter l'action" }).click();
    const card = organiser.locator("li.follow-up", { hasText: "Ouvrir la première permanence à Paris" });
    await card.getByText("25 %", { exact: true }).waitFor();
    expect((await getDb().recommendation.findUniqueOrThrow({ where: { id: recommendationId } })).status).toBe("IN_IMPLEMENTATION");

    // From the decision back to the sticky note, in the frozen board.
    await member.goto(meetingUrl);
    await member.getByRole("link", { name: /^Voir sur le tableau « Accompagnement des porteurs »/ }).click();
    await member.waitForURL((url) => url.pathname.includes(`/boards/${boardId}/versions/`));
    await member.getByText(`Élément cité : « ${noteText} »`).waitFor();

    for (const page of [rapporteur, participant, organiser, member]) await page.context().close();
  });

  it("has no serious accessibility problem on the committee, follow-up and dashboard pages, in French and in Arabic", async () => {
    const meeting = await getDb().committeeMeeting.findFirstOrThrow({ where: { workshopId: app.demoWorkshopId }, orderBy: { scheduledAt: "asc" } });
    const base = `${app.url}/workshops/${app.demoWorkshopId}`;
    const paths = [`${base}/committee`, `${base}/committee/${meeting.id}`, `${base}/follow-up`, `${base}/dashboard`];
    for (const email of ["organisatrice@majlis.test", "comite@majlis.test"]) {
      const page = await signedInPage(email);
      for (const language of ["fr", "ar"]) {
        for (const path of paths) {
          await page.goto(`${path}?lng=${language}`);
          expect(await page.getAttribute("html", "dir")).toBe(language === "ar" ? "rtl" : "ltr");
          expect(await seriousA11yViolations(page), `${path} in ${language} for ${email}`).toEqual([]);
        }
      }
      await page.context().close();
    }
  });
});
