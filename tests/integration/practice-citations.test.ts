import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import type { RecommendationStatus, Visibility } from "~/generated/prisma/enums";
import { practiceSearchText } from "~/practices/search";
import { HttpClient, useApp } from "../support/app";
import { consolidatedRecommendation, ORGANISER, PARTICIPANT, RAPPORTEUR, signedIn, userId } from "../support/committee";
import { seedDemo } from "../support/demo";
import { pageHtml, visibleText } from "../support/page-html";
import { makeUser, TEST_PASSWORD } from "../support/registration-fixtures";

const PEER = "pair@majlis.test"; // OTE, a PEER of the demo workshop
const OBSERVER = "observateur@majlis.test"; // CCME

const app = useApp();
let workshopId: string;
let ote: string;
let ccme: string;
let dmre: string;

beforeAll(async () => {
  workshopId = await seedDemo();
  ote = await organisationOf(PEER);
  ccme = await organisationOf(OBSERVER);
  dmre = await organisationOf(RAPPORTEUR);
});

async function organisationOf(email: string) {
  const user = await getDb().user.findUniqueOrThrow({ where: { email }, select: { organisationId: true } });
  if (!user.organisationId) throw new Error(`${email} has no institution`);
  return user.organisationId;
}

/** A published practice, searchable like those written through the library. */
async function practice(organisationId: string, title: string, visibility: Visibility) {
  const content = {
    title,
    problem: "Les jeunes de la diaspora connaissent mal le pays d'origine.",
    approach: "Des séjours d'été encadrés par des associations.",
    results: "",
    country: organisationId === ote ? "TN" : "MA",
    themes: [],
  };
  const institution = await getDb().organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { name: true } });
  const row = await getDb().practice.create({
    data: {
      ...content,
      organisationId,
      searchText: practiceSearchText({ ...content, figures: [], resources: [], institutionName: institution.name }),
      languages: ["fr"],
      visibility,
      status: "PUBLISHED",
      publishedAt: new Date(),
    },
    select: { id: true },
  });
  return row.id;
}

async function recommendation(title: string, visibility: Visibility, status?: RecommendationStatus) {
  const id = await consolidatedRecommendation({ workshopId, title });
  await getDb().recommendation.update({ where: { id }, data: { visibility, ...(status ? { status } : {}) } });
  return id;
}

const recommendationPath = (id: string) => `/workshops/${workshopId}/recommendations/${id}`;
const citations = (recommendationId: string) => getDb().recommendationPractice.findMany({ where: { recommendationId }, select: { practiceId: true, createdById: true } });
const kindsOf = async (recommendationId: string) =>
  (await getDb().recommendationEvent.findMany({ where: { recommendationId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { kind: true } })).map((event) => event.kind);

/** Someone signed in who takes part in no workshop, of this institution (or of none). */
async function outsider(organisationId: string | null) {
  const person = await makeUser("Personne Extérieure");
  await getDb().user.update({ where: { id: person.id }, data: { organisationId } });
  const http = new HttpClient(app.url, { "Accept-Language": "fr" });
  await http.signIn(person.email, TEST_PASSWORD);
  return http;
}

describe("citing practices in a recommendation", () => {
  it("lets editors find, cite and remove a practice of another institution they may read, recorded in the history", async () => {
    const practiceId = await practice(ote, "Été au bled pour les jeunes Tunisiens de l'étranger", "PEERS");
    const hidden = await practice(ccme, "Été au bled version interne du CCME", "INSTITUTION");
    const id = await recommendation("Séjours d'été pour les jeunes MRE", "INSTITUTION");
    const rapporteur = await signedIn(app.url, RAPPORTEUR);

    const search = await pageHtml(await rapporteur.get(`${recommendationPath(id)}?practiceQuery=${encodeURIComponent("été au bled")}`));
    expect(search).toContain("Été au bled pour les jeunes Tunisiens de l'étranger");
    expect(search).not.toContain("version interne du CCME");
    expect(search).toMatch(new RegExp(`name="practiceId" value="${practiceId}"`));

    const cited = await rapporteur.post(recommendationPath(id), { intent: "citePractice", practiceId });
    expect(cited.status).toBe(302);
    expect(cited.headers.get("Location")).toBe(`${recommendationPath(id)}#practices`);
    // Citing it again changes nothing.
    expect((await rapporteur.post(recommendationPath(id), { intent: "citePractice", practiceId })).status).toBe(302);
    expect(await citations(id)).toEqual([{ practiceId, createdById: await userId(RAPPORTEUR) }]);
    expect((await kindsOf(id)).filter((kind) => kind.startsWith("practice"))).toEqual(["practiceCited"]);

    const html = await pageHtml(await rapporteur.get(recommendationPath(id)));
    const section = html.slice(html.indexOf('id="practices"'));
    expect(section).toContain(`href="/practices/${practiceId}"`);
    expect(section).toContain(`href="/institutions/${ote}"`);
    expect(visibleText(section)).toContain("Tunisie");
    expect(visibleText(html)).toContain("Karim Tazi a cité une pratique qui l'a inspirée");

    // The CCME's internal practice cannot be cited from outside the CCME, even by a forged request.
    const forged = await rapporteur.post(recommendationPath(id), { intent: "citePractice", practiceId: hidden });
    expect(forged.status).toBe(404);
    expect(await citations(id)).toHaveLength(1);

    expect((await rapporteur.post(recommendationPath(id), { intent: "uncitePractice", practiceId })).status).toBe(302);
    expect(await citations(id)).toEqual([]);
    expect((await kindsOf(id)).filter((kind) => kind.startsWith("practice"))).toEqual(["practiceCited", "practiceUncited"]);
  });

  it("is refused to those who may not edit the recommendation", async () => {
    const practiceId = await practice(ote, "Maisons de la diaspora", "PUBLIC");
    const id = await recommendation("Maisons de la diaspora au Maroc", "PEERS");
    const participant = await signedIn(app.url, PARTICIPANT);
    expect((await participant.post(recommendationPath(id), { intent: "citePractice", practiceId })).status).toBe(403);
    expect(await citations(id)).toEqual([]);
    expect(await pageHtml(await participant.get(`${recommendationPath(id)}?practiceQuery=Maisons`))).not.toContain('name="practiceQuery"');
    // An outsider does not even reach the recommendation's forms.
    expect((await (await outsider(ccme)).post(recommendationPath(id), { intent: "citePractice", practiceId })).status).toBe(403);
  });
});

describe("a practice's citing recommendations", () => {
  it("shows each reader only the recommendations they may read", async () => {
    const practiceId = await practice(ote, "Mentorat d'entrepreneurs de la diaspora", "PUBLIC");
    const ids = {
      public: await recommendation("Mentorat public", "PUBLIC"),
      peers: await recommendation("Mentorat entre pairs", "PEERS"),
      institution: await recommendation("Mentorat interne", "INSTITUTION"),
      draft: await recommendation("Mentorat en brouillon", "PUBLIC", "DRAFT"),
    };
    const createdById = await userId(ORGANISER);
    await getDb().recommendationPractice.createMany({ data: Object.values(ids).map((recommendationId) => ({ recommendationId, practiceId, createdById })) });

    const listed = async (http: HttpClient) => {
      const response = await http.get(`/practices/${practiceId}`);
      expect(response.status).toBe(200);
      const html = await pageHtml(response);
      const section = html.slice(html.indexOf('id="citations"'));
      return Object.entries(ids)
        .filter(([, id]) => section.includes(`href="${recommendationPath(id)}"`))
        .map(([name]) => name);
    };
    // A peer of the workshop, as in its own pages: what is shared with peers, never drafts.
    expect(await listed(await signedIn(app.url, PEER))).toEqual(["public", "peers"]);
    // The workshop's members read what their role lets them read.
    expect(await listed(await signedIn(app.url, ORGANISER))).toEqual(["public", "peers", "institution", "draft"]);
    // Outside the workshop: another institution reads what is shared with peers; the workshop's institution all that is
    // past the draft; anyone else what is public.
    expect(await listed(await outsider(ccme))).toEqual(["public", "peers"]);
    expect(await listed(await outsider(dmre))).toEqual(["public", "peers", "institution"]);
    expect(await listed(new HttpClient(app.url, { "Accept-Language": "fr" }))).toEqual(["public"]);
  });
});

describe("a cited recommendation's page for people outside its workshop", () => {
  it("is readable without any form when it is shared with them, and refused otherwise", async () => {
    const shared = await recommendation("Bourses de retour pour les diplômés", "PUBLIC");
    const internal = await recommendation("Budget interne des bourses", "INSTITUTION");
    const draft = await recommendation("Bourses encore en brouillon", "PUBLIC", "DRAFT");
    const stranger = await outsider(null);

    const response = await stranger.get(recommendationPath(shared));
    expect(response.status).toBe(200);
    const html = await pageHtml(response);
    expect(visibleText(html)).toContain("Bourses de retour pour les diplômés");
    expect(html).not.toContain('name="intent"');
    expect(html).not.toContain('name="practiceQuery"');
    expect(html).not.toContain(`href="/workshops/${workshopId}/recommendations"`);

    expect((await stranger.get(recommendationPath(internal))).status).toBe(403);
    expect((await stranger.get(recommendationPath(draft))).status).toBe(403);
    expect((await stranger.post(recommendationPath(shared), { intent: "comment", body: "Bravo" })).status).toBe(403);
    // The workshop's own institution reads it even when it is kept within the institution.
    expect((await (await outsider(dmre)).get(recommendationPath(internal))).status).toBe(200);
  });
});
