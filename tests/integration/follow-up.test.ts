import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { useApp } from "../support/app";
import { COMMITTEE, demoRecommendation, ORGANISER, signedIn, userId } from "../support/committee";
import { seedDemo } from "../support/demo";
import { pageHtml, visibleText } from "../support/page-html";

const app = useApp();
let workshopId: string;

const DESK = "Créer un guichet unique d'accompagnement des porteurs de projets MRE";
const NETWORKS = "Cartographier les réseaux de compétences MRE par pays et par secteur";
const OVERDUE_ACTION = "Rédiger le cahier des charges du guichet unique";
const FUTURE_ACTION = "Ouvrir un guichet pilote à Casablanca";

beforeAll(async () => {
  workshopId = await seedDemo();
});

const page = () => `/workshops/${workshopId}/follow-up`;
const actionNamed = (title: string) => getDb().followUpAction.findFirstOrThrow({ where: { title, recommendation: { workshopId } } });

/** The card of an action on the page, from its opening tag to the next card. */
function card(html: string, actionId: string): string {
  const start = html.indexOf(`id="action-${actionId}"`);
  expect(start).toBeGreaterThan(-1);
  const end = html.indexOf('<li id="action-', start + 10);
  return html.slice(html.lastIndexOf("<li", start), end === -1 ? undefined : end);
}

describe("the follow-up page", () => {
  it("lists every action and flags the overdue ones, in the workshop's time zone", async () => {
    const html = await pageHtml(await (await signedIn(app.url, COMMITTEE)).get(page()));
    const overdue = card(html, (await actionNamed(OVERDUE_ACTION)).id);
    const onTime = card(html, (await actionNamed(FUTURE_ACTION)).id);
    expect(overdue).toContain("follow-up--overdue");
    expect(visibleText(overdue)).toContain("En retard");
    expect(visibleText(overdue)).toContain("60 %");
    expect(onTime).not.toContain("follow-up--overdue");
    expect(visibleText(onTime)).not.toContain("En retard");
    // Committee members read; only organisers get the forms.
    expect(html).not.toContain('name="intent" value="update"');
  });

  it("filters the overdue actions, and by state or owner", async () => {
    const member = await signedIn(app.url, COMMITTEE);
    const overdueOnly = visibleText(await pageHtml(await member.get(`${page()}?overdue=1`)));
    expect(overdueOnly).toContain(OVERDUE_ACTION);
    expect(overdueOnly).not.toContain(FUTURE_ACTION);
    const byOwner = visibleText(await pageHtml(await member.get(`${page()}?owner=ccme`)));
    expect(byOwner).toContain("Lancer l'inventaire des réseaux de compétences");
    expect(byOwner).not.toContain(OVERDUE_ACTION);
    const started = visibleText(await pageHtml(await member.get(`${page()}?status=IN_PROGRESS`)));
    expect(started).toContain(OVERDUE_ACTION);
    expect(started).not.toContain(FUTURE_ACTION);
  });
});

describe("follow-up actions", () => {
  const fields = (overrides: Record<string, string> = {}) => ({
    title: "Réunir les associations partenaires",
    ownerInstitution: "CCME",
    ownerName: "Omar Fassi",
    dueDate: "2031-02-15",
    status: "NOT_STARTED",
    progress: "0",
    notes: "",
    note: "",
    ...overrides,
  });

  it("are added by organisers to accepted recommendations only, and never by committee members", async () => {
    const organiser = await signedIn(app.url, ORGANISER);
    const deferred = await demoRecommendation(workshopId, "Plateforme numérique unique des compétences MRE");
    const refused = await organiser.post(page(), { intent: "create", recommendationId: deferred.id, ...fields() });
    expect(refused.status).toBe(400);
    const html = await pageHtml(refused);
    expect(visibleText(html)).toContain("Seules les recommandations acceptées reçoivent des actions de suivi.");
    expect(html).toContain("Omar Fassi");
    const networks = await demoRecommendation(workshopId, NETWORKS);
    expect((await (await signedIn(app.url, COMMITTEE)).post(page(), { intent: "create", recommendationId: networks.id, ...fields() })).status).toBe(403);
    expect(await getDb().followUpAction.count({ where: { title: "Réunir les associations partenaires" } })).toBe(0);
  });

  it("starting the first action of an accepted recommendation takes it into implementation, with its event", async () => {
    const organiser = await signedIn(app.url, ORGANISER);
    const networks = await demoRecommendation(workshopId, NETWORKS);
    expect(networks.status).toBe("ACCEPTED_WITH_CHANGES");
    const created = await organiser.post(page(), { intent: "create", recommendationId: networks.id, ...fields({ status: "IN_PROGRESS", progress: "10", note: "Lancement" }) });
    expect(created.status).toBe(302);
    const action = await actionNamed("Réunir les associations partenaires");
    expect(action).toMatchObject({ ownerInstitution: "CCME", ownerName: "Omar Fassi", status: "IN_PROGRESS", progress: 10 });
    expect(action.dueDate.toISOString().slice(0, 10)).toBe("2031-02-15");
    expect(await getDb().followUpUpdate.findMany({ where: { actionId: action.id }, select: { status: true, progress: true, note: true } })).toEqual([
      { status: "IN_PROGRESS", progress: 10, note: "Lancement" },
    ]);
    expect((await demoRecommendation(workshopId, NETWORKS)).status).toBe("IN_IMPLEMENTATION");
    const event = await getDb().recommendationEvent.findFirstOrThrow({ where: { recommendationId: networks.id }, orderBy: { createdAt: "desc" } });
    expect(event).toMatchObject({ fromStatus: "ACCEPTED_WITH_CHANGES", toStatus: "IN_IMPLEMENTATION", actorId: await userId(ORGANISER) });
  });

  it("refuses a progress outside 0–100 and keeps what was typed", async () => {
    const organiser = await signedIn(app.url, ORGANISER);
    const action = await actionNamed(FUTURE_ACTION);
    const response = await organiser.post(page(), { intent: "update", actionId: action.id, ...fields({ title: FUTURE_ACTION, progress: "150", notes: "Note à garder" }) });
    expect(response.status).toBe(400);
    const html = await pageHtml(response);
    expect(visibleText(html)).toContain("La valeur doit être au plus 100.");
    expect(html).toContain("Note à garder");
    expect((await actionNamed(FUTURE_ACTION)).progress).toBe(0);
  });

  it("keeps each update in the history, and offers to close a recommendation once all its actions are done", async () => {
    const organiser = await signedIn(app.url, ORGANISER);
    const desk = await demoRecommendation(workshopId, DESK);
    for (const title of [OVERDUE_ACTION, FUTURE_ACTION]) {
      const action = await actionNamed(title);
      const before = await getDb().followUpUpdate.count({ where: { actionId: action.id } });
      const response = await organiser.post(page(), { intent: "update", actionId: action.id, ...fields({ title, ownerInstitution: "DMRE", ownerName: "", dueDate: "2024-03-31", status: "DONE", progress: "80", note: "Terminé" }) });
      expect(response.status).toBe(302);
      const after = await getDb().followUpUpdate.findMany({ where: { actionId: action.id }, orderBy: { createdAt: "asc" } });
      expect(after).toHaveLength(before + 1);
      expect(after.at(-1)).toMatchObject({ status: "DONE", progress: 100, note: "Terminé", actorId: await userId(ORGANISER) });
    }
    // Done is never overdue, even past its due date.
    const html = await pageHtml(await organiser.get(page()));
    expect(card(html, (await actionNamed(OVERDUE_ACTION)).id)).not.toContain("follow-up--overdue");
    expect(visibleText(html)).toContain(`Toutes les actions de « ${DESK} » sont terminées.`);

    const completed = await organiser.post(page(), { intent: "complete", recommendationId: desk.id });
    expect(completed.status).toBe(302);
    expect((await demoRecommendation(workshopId, DESK)).status).toBe("DONE");
    const event = await getDb().recommendationEvent.findFirstOrThrow({ where: { recommendationId: desk.id }, orderBy: { createdAt: "desc" } });
    expect(event).toMatchObject({ fromStatus: "IN_IMPLEMENTATION", toStatus: "DONE" });
  });
});
