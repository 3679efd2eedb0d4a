import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { useApp } from "../support/app";
import { COMMITTEE, consolidatedRecommendation, demoRecommendation, FACILITATOR, ORGANISER, PARTICIPANT, RAPPORTEUR, signedIn, userId } from "../support/committee";
import { seedDemo } from "../support/demo";
import { pageHtml, visibleText } from "../support/page-html";

const app = useApp();
let workshopId: string;
let demoMeetingId: string;

beforeAll(async () => {
  workshopId = await seedDemo();
  demoMeetingId = (await getDb().committeeMeeting.findFirstOrThrow({ where: { workshopId } })).id;
});

const committeePath = () => `/workshops/${workshopId}/committee`;
const eventsOf = (recommendationId: string) =>
  getDb().recommendationEvent.findMany({ where: { recommendationId }, orderBy: { createdAt: "asc" }, select: { kind: true, fromStatus: true, toStatus: true, reason: true, actorId: true } });

async function newMeeting(title: string) {
  const organiser = await signedIn(app.url, ORGANISER);
  const response = await organiser.post(committeePath(), { intent: "create", title, scheduledAt: "2024-02-01T10:00", location: "Rabat", languages: ["fr", "ar"] });
  expect(response.status).toBe(302);
  const meeting = await getDb().committeeMeeting.findFirstOrThrow({ where: { workshopId, title } });
  expect(response.headers.get("Location")).toBe(`${committeePath()}/${meeting.id}`);
  return meeting;
}

describe("committee pages", () => {
  it("are open to organisers and committee members only", async () => {
    const allowed = await Promise.all([ORGANISER, COMMITTEE].map((email) => signedIn(app.url, email)));
    const refused = await Promise.all([PARTICIPANT, RAPPORTEUR, FACILITATOR].map((email) => signedIn(app.url, email)));
    for (const path of [committeePath(), `${committeePath()}/${demoMeetingId}`, `/workshops/${workshopId}/follow-up`, `/workshops/${workshopId}/dashboard`]) {
      for (const http of allowed) expect((await http.get(path)).status, path).toBe(200);
      for (const http of refused) expect((await http.get(path)).status, path).toBe(403);
    }
  });

  it("show the demo meeting's agenda with evidence links to the frozen board versions", async () => {
    const html = await pageHtml(await (await signedIn(app.url, COMMITTEE)).get(`${committeePath()}/${demoMeetingId}`));
    const text = visibleText(html);
    expect(text).toContain("Créer un guichet unique d'accompagnement des porteurs de projets MRE");
    expect(text).toContain("Acceptée avec modifications");
    expect(text).toContain("À réexaminer quand l'inventaire des données de la session 2 sera terminé.");
    const source = await getDb().recommendationSource.findFirstOrThrow({
      where: { recommendation: { workshopId, title: "Créer un guichet unique d'accompagnement des porteurs de projets MRE" } },
    });
    expect(html).toContain(`href="/workshops/${workshopId}/boards/${source.boardId}/versions/${source.boardVersionId}?element=${source.elementId}"`);
    // Everything on the demo agenda is decided: no decision form is left.
    expect(html).not.toContain('name="intent" value="decide"');
  });

  it("lets an organiser create a meeting and put a consolidated recommendation on its agenda, which sends it under review", async () => {
    const meeting = await newMeeting("Deuxième réunion du comité");
    expect(meeting).toMatchObject({ location: "Rabat", languages: ["fr", "ar"], status: "PLANNED" });
    const governance = await demoRecommendation(workshopId, "Associer le CCME à la gouvernance du dispositif");
    expect(governance.status).toBe("CONSOLIDATED");

    const organiser = await signedIn(app.url, ORGANISER);
    const added = await organiser.post(`${committeePath()}/${meeting.id}`, { intent: "add", recommendationId: governance.id });
    expect(added.status).toBe(302);
    expect((await demoRecommendation(workshopId, "Associer le CCME à la gouvernance du dispositif")).status).toBe("UNDER_REVIEW");
    expect((await eventsOf(governance.id)).at(-1)).toMatchObject({ kind: "agenda", fromStatus: "CONSOLIDATED", toStatus: "UNDER_REVIEW", actorId: await userId(ORGANISER) });

    const again = await organiser.post(`${committeePath()}/${meeting.id}`, { intent: "add", recommendationId: governance.id });
    expect(again.status).toBe(409);
    expect(visibleText(await pageHtml(again))).toContain("Cette recommandation est déjà à l'ordre du jour.");

    // A committee member cannot arrange the agenda.
    const member = await signedIn(app.url, COMMITTEE);
    const other = await consolidatedRecommendation({ workshopId, title: "Publier un rapport annuel du dispositif" });
    expect((await member.post(`${committeePath()}/${meeting.id}`, { intent: "add", recommendationId: other })).status).toBe(403);
    expect((await getDb().recommendation.findUniqueOrThrow({ where: { id: other } })).status).toBe("CONSOLIDATED");
  });

  it("reorders and removes agenda items, but keeps an item the committee decided on", async () => {
    const meeting = await newMeeting("Réunion à réordonner");
    const organiser = await signedIn(app.url, ORGANISER);
    const first = await consolidatedRecommendation({ workshopId, title: "Premier point" });
    const second = await consolidatedRecommendation({ workshopId, title: "Second point" });
    for (const id of [first, second]) expect((await organiser.post(`${committeePath()}/${meeting.id}`, { intent: "add", recommendationId: id })).status).toBe(302);
    const order = async () =>
      (await getDb().committeeAgendaItem.findMany({ where: { meetingId: meeting.id }, orderBy: { position: "asc" }, select: { recommendationId: true, id: true } }));
    const [itemOne] = await order();
    expect((await organiser.post(`${committeePath()}/${meeting.id}`, { intent: "move", itemId: itemOne.id, direction: "down" })).status).toBe(302);
    expect((await order()).map((item) => item.recommendationId)).toEqual([second, first]);

    const member = await signedIn(app.url, COMMITTEE);
    await member.post(`${committeePath()}/${meeting.id}`, { intent: "decide", recommendationId: second, outcome: "ACCEPTED", rationale: "Consensus." });
    const decidedItem = (await order())[0];
    const refused = await organiser.post(`${committeePath()}/${meeting.id}`, { intent: "remove", itemId: decidedItem.id });
    expect(refused.status).toBe(409);
    expect(visibleText(await pageHtml(refused))).toContain("Le comité a déjà décidé sur ce point");
    expect((await organiser.post(`${committeePath()}/${meeting.id}`, { intent: "remove", itemId: (await order())[1].id })).status).toBe(302);
    expect((await order()).map((item) => item.recommendationId)).toEqual([second]);
  });
});

describe("decisions", () => {
  let meetingId: string;
  let recommendationId: string;

  beforeAll(async () => {
    meetingId = (await newMeeting("Réunion de décision")).id;
    recommendationId = await consolidatedRecommendation({ workshopId, title: "Ouvrir un bureau d'accueil dans chaque consulat", theme: "PROJECT_HOLDER_SUPPORT" });
    const organiser = await signedIn(app.url, ORGANISER);
    expect((await organiser.post(`/workshops/${workshopId}/committee/${meetingId}`, { intent: "add", recommendationId })).status).toBe(302);
  });

  const decide = async (email: string, fields: Record<string, string>) =>
    (await signedIn(app.url, email)).post(`/workshops/${workshopId}/committee/${meetingId}`, { intent: "decide", recommendationId, ...fields });
  const decisions = () => getDb().decision.count({ where: { recommendationId } });

  it("shows the decision form to committee members only", async () => {
    const path = `/workshops/${workshopId}/committee/${meetingId}`;
    expect(await pageHtml(await (await signedIn(app.url, COMMITTEE)).get(path))).toContain('name="intent" value="decide"');
    expect(await pageHtml(await (await signedIn(app.url, ORGANISER)).get(path))).not.toContain('name="intent" value="decide"');
  });

  it("refuses participants and organisers (403) and records nothing", async () => {
    for (const email of [PARTICIPANT, ORGANISER]) {
      expect((await decide(email, { outcome: "ACCEPTED", rationale: "Pourquoi pas." })).status).toBe(403);
    }
    expect(await decisions()).toBe(0);
    expect((await getDb().recommendation.findUniqueOrThrow({ where: { id: recommendationId } })).status).toBe("UNDER_REVIEW");
  });

  it("refuses a rejection or a deferral without a reason (400), keeps what was typed, and records nothing", async () => {
    for (const outcome of ["REJECTED", "DEFERRED"]) {
      const response = await decide(COMMITTEE, { outcome, rationale: "   ", changes: "Texte gardé" });
      expect(response.status).toBe(400);
      const html = await pageHtml(response);
      expect(visibleText(html)).toContain("Donnez la raison : un rejet ou un report doit être motivé.");
      expect(html).toContain("Texte gardé");
    }
    const withoutChanges = await decide(COMMITTEE, { outcome: "ACCEPTED_WITH_CHANGES", rationale: "D'accord sur le principe." });
    expect(withoutChanges.status).toBe(400);
    expect(visibleText(await pageHtml(withoutChanges))).toContain("Décrivez les modifications demandées.");
    expect(await decisions()).toBe(0);
    expect((await eventsOf(recommendationId)).filter((event) => event.kind === "decided")).toEqual([]);
  });

  it("records a committee member's decision, moves the status and writes the event", async () => {
    const response = await decide(COMMITTEE, { outcome: "REJECTED", rationale: "Hors du périmètre du dispositif." });
    expect(response.status).toBe(302);
    const decision = await getDb().decision.findFirstOrThrow({ where: { recommendationId } });
    expect(decision).toMatchObject({ outcome: "REJECTED", rationale: "Hors du périmètre du dispositif.", meetingId, decidedById: await userId(COMMITTEE) });
    expect((await getDb().recommendation.findUniqueOrThrow({ where: { id: recommendationId } })).status).toBe("REJECTED");
    expect((await eventsOf(recommendationId)).at(-1)).toEqual({
      kind: "decided",
      fromStatus: "UNDER_REVIEW",
      toStatus: "REJECTED",
      reason: "Hors du périmètre du dispositif.",
      actorId: await userId(COMMITTEE),
    });
    const page = visibleText(await pageHtml(await (await signedIn(app.url, ORGANISER)).get(`/workshops/${workshopId}/committee/${meetingId}`)));
    expect(page).toContain("Rejetée");
    expect(page).toContain("Hors du périmètre du dispositif.");
  });

  it("answers a decision on a recommendation no longer under review with 409, and records nothing", async () => {
    const response = await decide(COMMITTEE, { outcome: "ACCEPTED", rationale: "Deuxième avis." });
    expect(response.status).toBe(409);
    expect(visibleText(await pageHtml(response))).toContain("elle n'est plus en examen");
    expect(await decisions()).toBe(1);
    expect((await getDb().recommendation.findUniqueOrThrow({ where: { id: recommendationId } })).status).toBe("REJECTED");
  });

  it("answers 404 for a recommendation that is not on this meeting's agenda", async () => {
    const elsewhere = await demoRecommendation(workshopId, "Plateforme numérique unique des compétences MRE");
    const member = await signedIn(app.url, COMMITTEE);
    const response = await member.post(`/workshops/${workshopId}/committee/${meetingId}`, { intent: "decide", recommendationId: elsewhere.id, outcome: "ACCEPTED", rationale: "…" });
    expect(response.status).toBe(404);
  });
});
