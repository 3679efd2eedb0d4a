import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { documentFromState, readElements } from "~/boards/document";
import { setText } from "~/boards/editing";
import { getDb } from "~/db/client.server";
import { DEMO_PASSWORD } from "~/db/seed-demo.server";
import { HttpClient, useApp } from "../support/app";
import { BoardClient, demoSessions, makeBoard } from "../support/boards";
import { seedDemo } from "../support/demo";
import { pageHtml, visibleText } from "../support/page-html";

const ORGANISER = "organisatrice@majlis.test";
const FACILITATOR_S1 = "facilitateur@majlis.test";
const RAPPORTEUR = "rapporteur@majlis.test";
const PARTICIPANT = "participante@majlis.test";
const OTHER_PARTICIPANT = "hicham.ouazzani@majlis.test";
// Registered participants (the demo's own priorities use up some of the others' supports).
const IMANE = "imane.kettani@majlis.test";
const MEHDI = "mehdi.berrada@majlis.test";
const RACHID = "rachid.elmansouri@majlis.test";
const SALMA = "salma.bennani@majlis.test";
const PEER = "pair@majlis.test";
const OBSERVER = "observateur@majlis.test";

const app = useApp();
let workshopId: string;
let sessions: Array<{ id: string; title: string }>;
let boardId: string;

beforeAll(async () => {
  workshopId = await seedDemo();
  sessions = await demoSessions(workshopId);
  boardId = await makeBoard({ workshopId, sessionId: sessions[0].id, actorEmail: FACILITATOR_S1, title: "Attentes des porteurs de projets" });
});

const clients: BoardClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

async function signedIn(email: string, language = "fr") {
  const http = new HttpClient(app.url, { "Accept-Language": language });
  await http.signIn(email, DEMO_PASSWORD);
  return http;
}

const userId = async (email: string) => (await getDb().user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;

/** A live board connection as this person, synced. */
async function boardAs(email: string, id = boardId) {
  const client = new BoardClient(app.url, id, await BoardClient.signIn(app.url, email));
  clients.push(client);
  await client.synced();
  return client;
}

/** Adds a sticky note through the board server, as a participant on the board would, and waits until it is saved. */
async function addNote(text: string, id = boardId) {
  const client = await boardAs(FACILITATOR_S1, id);
  const noteId = client.addNote(text, { x: 3000 + Math.random() * 500, y: 3000 });
  await client.allSaved();
  return noteId;
}

const base = () => `/workshops/${workshopId}/recommendations`;

const fields = (overrides: Record<string, string> = {}) => ({
  intent: "create",
  title: "Guichet unique pour les porteurs de projets",
  problem: "Les porteurs de projets MRE ne savent pas à qui s'adresser.",
  rationale: "",
  proposedAction: "Créer un guichet unique en ligne, relié aux CRI.",
  theme: "PROJECT_HOLDER_SUPPORT",
  ownerInstitution: "DMRE",
  priority: "HIGH",
  costBand: "MEDIUM",
  timeframe: "SHORT",
  language: "fr",
  sessionId: sessions[0].id,
  ...overrides,
});

/** Creates a recommendation over HTTP and returns its id. */
async function create(http: HttpClient, overrides: Record<string, string> = {}, query = "") {
  const response = await http.post(`${base()}/new${query}`, fields(overrides));
  expect(response.status, await response.clone().text()).toBe(302);
  const location = response.headers.get("Location") ?? "";
  expect(location).toMatch(new RegExp(`^${base()}/[a-z0-9]+$`));
  return location.split("/").pop() as string;
}

const recommendation = (id: string) => getDb().recommendation.findUniqueOrThrow({ where: { id }, include: { sources: true, supports: true, events: true } });

async function moveStatus(http: HttpClient, id: string, from: string, to: string, reason = "") {
  return http.post(`${base()}/${id}`, { intent: "status", from, to, reason });
}

describe("capture from a sticky note, with evidence in a frozen version", () => {
  it("prefills the form from the note and creates the recommendation and its source in one go; the evidence outlives changes to the note", async () => {
    const noteText = "Un guichet unique pour les porteurs de projets de la diaspora\nAujourd'hui chacun frappe à dix portes.";
    const noteId = await addNote(noteText);
    const rapporteur = await signedIn(RAPPORTEUR);

    const form = await rapporteur.get(`${base()}/new?boardId=${boardId}&elementId=${noteId}`);
    expect(form.status).toBe(200);
    const html = await pageHtml(form);
    expect(html).toContain('value="Un guichet unique pour les porteurs de projets de la diaspora"');
    expect(html).toContain("Aujourd'hui chacun frappe à dix portes.");
    expect(html).toMatch(new RegExp(`<option value="${sessions[0].id}" selected=""`));

    const id = await create(rapporteur, { boardId, elementId: noteId, title: "Guichet unique" }, `?boardId=${boardId}&elementId=${noteId}`);
    const saved = await recommendation(id);
    expect(saved).toMatchObject({ status: "DRAFT", authorId: await userId(RAPPORTEUR), sessionId: sessions[0].id, workshopId });
    expect(saved.sources).toHaveLength(1);
    const [source] = saved.sources;
    expect(source).toMatchObject({ boardId, elementId: noteId, elementType: "sticky", excerpt: noteText, createdById: await userId(RAPPORTEUR) });
    const version = await getDb().boardVersion.findUniqueOrThrow({ where: { id: source.boardVersionId } });
    expect(version.name).toBe("Source — Guichet unique");

    // The note changes on the live board; the cited version still shows it as it was.
    const editor = await boardAs(FACILITATOR_S1);
    setText(editor.doc, noteId, "Texte réécrit après coup", null);
    await editor.allSaved();
    const frozen = readElements(documentFromState(version.state)).find((element) => element.id === noteId);
    expect(frozen?.text).toBe(noteText);

    const page = await pageHtml(await rapporteur.get(`${base()}/${id}`));
    expect(page).toContain(`/workshops/${workshopId}/boards/${boardId}/versions/${source.boardVersionId}?element=${noteId}`);
    expect(page).toContain("Aujourd'hui chacun frappe à dix portes.");
    expect(page).not.toContain("Texte réécrit après coup");
  });

  it("reuses the latest version while it shows the note unchanged, and freezes a new one once it changed", async () => {
    const noteId = await addNote("Plateforme de mise en relation");
    const rapporteur = await signedIn(RAPPORTEUR);
    const first = await create(rapporteur, { boardId, elementId: noteId, title: "Mise en relation" });
    const second = await create(rapporteur, { boardId, elementId: noteId, title: "Mise en relation (bis)" });
    const [a, b] = await Promise.all([recommendation(first), recommendation(second)]);
    expect(b.sources[0].boardVersionId).toBe(a.sources[0].boardVersionId);

    const editor = await boardAs(FACILITATOR_S1);
    setText(editor.doc, noteId, "Plateforme de mise en relation et de mentorat", null);
    await editor.allSaved();
    const third = await create(rapporteur, { boardId, elementId: noteId, title: "Mentorat" });
    const c = await recommendation(third);
    expect(c.sources[0].boardVersionId).not.toBe(a.sources[0].boardVersionId);
    expect(c.sources[0].excerpt).toBe("Plateforme de mise en relation et de mentorat");
  });

  it("cites a note as a new source of an existing recommendation, once per version", async () => {
    const rapporteur = await signedIn(RAPPORTEUR);
    const id = await create(rapporteur, { title: "Réseau des compétences" });
    const noteId = await addNote("Cartographier les réseaux de compétences");
    const cite = () => rapporteur.post(`${base()}/new?boardId=${boardId}&elementId=${noteId}`, { intent: "cite", recommendationId: id, boardId, elementId: noteId });
    const cited = await cite();
    expect(cited.status).toBe(302);
    expect(cited.headers.get("Location")).toBe(`${base()}/${id}#sources`);
    const again = await cite();
    expect(again.status).toBe(409);
    expect(visibleText(await pageHtml(again))).toContain("Cet élément est déjà cité dans cette version.");
    expect((await recommendation(id)).sources).toHaveLength(1);
  });

  it("lists, from the note, the recommendations it fed, for those who may view the board", async () => {
    const noteId = await addNote("Accompagnement post-création");
    const rapporteur = await signedIn(RAPPORTEUR);
    const id = await create(rapporteur, { boardId, elementId: noteId, title: "Suivi après la création" });
    const response = await rapporteur.get(`/boards/${boardId}/elements/${noteId}/recommendations.json`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { recommendations: Array<{ id: string; title: string; status: string; url: string; versionUrl: string; decision: null }> };
    expect(body.recommendations).toEqual([
      expect.objectContaining({ id, title: "Suivi après la création", status: "DRAFT", url: `${base()}/${id}`, decision: null }),
    ]);
    expect(body.recommendations[0].versionUrl).toMatch(new RegExp(`/boards/${boardId}/versions/[a-z0-9]+\\?element=${noteId}$`));

    // A draft stays its author's: an observer sees the board but not the draft; a stranger not even the board.
    const observer = await signedIn(OBSERVER);
    const seenByObserver = (await (await observer.get(`/boards/${boardId}/elements/${noteId}/recommendations.json`)).json()) as { recommendations: unknown[] };
    expect(seenByObserver.recommendations).toEqual([]);
    const stranger = await strangerClient();
    expect((await stranger.get(`/boards/${boardId}/elements/${noteId}/recommendations.json`)).status).toBe(403);
  });
});

/** Someone signed in who is a member of nothing. */
async function strangerClient() {
  const email = "personne.exterieure@majlis.test";
  const hicham = await getDb().user.findUniqueOrThrow({ where: { email: OTHER_PARTICIPANT }, select: { passwordHash: true } });
  await getDb().user.upsert({ where: { email }, create: { email, name: "Personne extérieure", passwordHash: hicham.passwordHash }, update: {} });
  return signedIn(email);
}

let otherWorkshops = 0;

/** A second published workshop with a board holding one note; the rapporteur is a member of it or not. */
async function otherWorkshop(withRapporteur: boolean) {
  const db = getDb();
  const organiserId = await userId(ORGANISER);
  const workshop = await db.workshop.create({
    data: {
      title: `Autre atelier ${withRapporteur ? "avec" : "sans"} le rapporteur`,
      startsAt: new Date("2024-03-01T09:00:00Z"),
      endsAt: new Date("2024-03-01T17:00:00Z"),
      status: "PUBLISHED",
      joinCode: `AUTRE${(otherWorkshops += 1)}`,
      memberships: { create: [{ userId: organiserId, role: "ORGANISER" }, ...(withRapporteur ? [{ userId: await userId(RAPPORTEUR), role: "RAPPORTEUR" as const }] : [])] },
      sessions: { create: { title: "Session unique" } },
    },
    include: { sessions: true },
  });
  const otherBoard = await makeBoard({ workshopId: workshop.id, sessionId: workshop.sessions[0].id, actorEmail: ORGANISER, title: "Tableau d'ailleurs" });
  const client = new BoardClient(app.url, otherBoard, await BoardClient.signIn(app.url, ORGANISER));
  clients.push(client);
  await client.synced();
  const noteId = client.addNote("Une note d'un autre atelier");
  await client.allSaved();
  return { workshopId: workshop.id, boardId: otherBoard, noteId };
}

describe("citing boards is checked", () => {
  it("refuses a board of another workshop, and a board the person cannot see, and saves nothing", async () => {
    const rapporteur = await signedIn(RAPPORTEUR);
    const before = await getDb().recommendation.count();

    const visible = await otherWorkshop(true);
    const elsewhere = await rapporteur.post(`${base()}/new`, fields({ boardId: visible.boardId, elementId: visible.noteId, title: "Citation d'ailleurs" }));
    expect(elsewhere.status).toBe(400);
    const html = await pageHtml(elsewhere);
    expect(visibleText(html)).toContain("Ce tableau appartient à un autre atelier");
    // The form comes back with what was typed.
    expect(html).toContain('value="Citation d\'ailleurs"');

    const hidden = await otherWorkshop(false);
    const unseen = await rapporteur.post(`${base()}/new`, fields({ boardId: hidden.boardId, elementId: hidden.noteId }));
    expect(unseen.status).toBe(403);
    expect(visibleText(await pageHtml(unseen))).toContain("Vous ne pouvez pas voir ce tableau");
    expect((await rapporteur.get(`${base()}/new?boardId=${hidden.boardId}&elementId=${hidden.noteId}`)).status).toBe(403);

    const missing = await rapporteur.post(`${base()}/new`, fields({ boardId, elementId: "no-such-element" }));
    expect(missing.status).toBe(404);
    expect(await getDb().recommendation.count()).toBe(before);
  });
});

describe("who may write and move recommendations", () => {
  it("refuses a participant whose session does not allow it, keeping the text; accepts once the session allows it", async () => {
    const participant = await signedIn(PARTICIPANT);
    const before = await getDb().recommendation.count();
    const refused = await participant.post(`${base()}/new`, fields({ title: "Ma proposition de participante" }));
    expect(refused.status).toBe(403);
    const html = await pageHtml(refused);
    expect(visibleText(html)).toContain("Vous ne pouvez pas rédiger de recommandation pour cette session.");
    expect(html).toContain('value="Ma proposition de participante"');
    expect(await getDb().recommendation.count()).toBe(before);

    await getDb().session.update({ where: { id: sessions[0].id }, data: { participantsMayRecommend: true } });
    try {
      const id = await create(participant, { title: "Ma proposition de participante" });
      expect((await recommendation(id)).authorId).toBe(await userId(PARTICIPANT));
      // The plenary stays the rapporteurs'.
      expect((await participant.post(`${base()}/new`, fields({ sessionId: "" }))).status).toBe(403);
    } finally {
      await getDb().session.update({ where: { id: sessions[0].id }, data: { participantsMayRecommend: false } });
    }
  });

  it("lets the author submit, refuses a participant's status change with nothing changed, and reports a conflict", async () => {
    const rapporteur = await signedIn(RAPPORTEUR);
    const participant = await signedIn(PARTICIPANT);
    const id = await create(rapporteur, { title: "Annuaire des compétences" });

    expect((await moveStatus(rapporteur, id, "DRAFT", "SUBMITTED")).status).toBe(302);
    expect((await recommendation(id)).status).toBe("SUBMITTED");

    const eventsBefore = (await recommendation(id)).events.length;
    const refused = await moveStatus(participant, id, "SUBMITTED", "CONSOLIDATED");
    expect(refused.status).toBe(403);
    expect(visibleText(await pageHtml(refused))).toContain("Vous n'avez pas le droit de faire cela sur cette recommandation.");
    const after = await recommendation(id);
    expect(after.status).toBe("SUBMITTED");
    expect(after.events).toHaveLength(eventsBefore);

    // The page the participant sees offers no status button.
    expect(await pageHtml(await participant.get(`${base()}/${id}`))).not.toContain('name="to"');

    // Two people saw "submitted"; the first consolidates it, the second's click finds it changed.
    const organiser = await signedIn(ORGANISER);
    expect((await moveStatus(rapporteur, id, "SUBMITTED", "CONSOLIDATED")).status).toBe(302);
    const late = await moveStatus(organiser, id, "SUBMITTED", "CONSOLIDATED");
    expect(late.status).toBe(409);
    expect(visibleText(await pageHtml(late))).toContain("Quelqu'un a modifié cette recommandation entre-temps.");
    expect((await recommendation(id)).events.filter((event) => event.kind === "status")).toHaveLength(2);

    // Rejection is the committee's, through a decision with its reason: no status button leads there.
    const rejected = await moveStatus(organiser, id, "CONSOLIDATED", "REJECTED", "");
    expect(rejected.status).toBe(400);
    expect((await recommendation(id)).status).toBe("CONSOLIDATED");
    const committee = await signedIn("comite@majlis.test");
    expect((await moveStatus(committee, id, "CONSOLIDATED", "UNDER_REVIEW")).status).toBe(403);
    expect((await moveStatus(organiser, id, "CONSOLIDATED", "UNDER_REVIEW")).status).toBe(302);
    expect((await recommendation(id)).status).toBe("UNDER_REVIEW");
  });

  it("keeps drafts to their author and those who collect them", async () => {
    const rapporteur = await signedIn(RAPPORTEUR);
    const id = await create(rapporteur, { title: "Brouillon discret" });
    const observer = await signedIn(OBSERVER);
    expect((await observer.get(`${base()}/${id}`)).status).toBe(404);
    expect(visibleText(await pageHtml(await observer.get(base())))).not.toContain("Brouillon discret");
    const organiser = await signedIn(ORGANISER);
    expect((await organiser.get(`${base()}/${id}`)).status).toBe(200);
    expect((await (await strangerClient()).get(base())).status).toBe(403);
  });
});

describe("history", () => {
  it("records who changed what and when, shown in the reader's language and the workshop's time zone", async () => {
    const rapporteur = await signedIn(RAPPORTEUR);
    const id = await create(rapporteur, { title: "Titre provisoire", priority: "LOW" });
    const page = await pageHtml(await rapporteur.get(`${base()}/${id}`));
    const seenAt = /name="seenAt" value="([^"]+)"/.exec(page)?.[1];
    expect(seenAt).toBeTruthy();

    const edited = await rapporteur.post(`${base()}/${id}`, { ...fields({ title: "Titre définitif", priority: "HIGH" }), intent: "edit", seenAt: seenAt as string });
    expect(edited.status).toBe(302);
    const event = (await recommendation(id)).events.find((candidate) => candidate.kind === "edited");
    expect(event).toMatchObject({ actorId: await userId(RAPPORTEUR), changes: { title: ["Titre provisoire", "Titre définitif"], priority: ["LOW", "HIGH"] } });

    // A second edit from the same, now stale, form is a conflict; what was typed comes back.
    const stale = await rapporteur.post(`${base()}/${id}`, { ...fields({ title: "Encore un autre titre" }), intent: "edit", seenAt: seenAt as string });
    expect(stale.status).toBe(409);
    expect(await pageHtml(stale)).toContain('value="Encore un autre titre"');
    expect((await recommendation(id)).title).toBe("Titre définitif");

    const text = visibleText(await pageHtml(await rapporteur.get(`${base()}/${id}`)));
    expect(text).toContain("Karim Tazi a modifié la recommandation");
    expect(text).toContain("Titre : « Titre provisoire » → « Titre définitif »");
    expect(text).toContain("Priorité : « Basse » → « Haute »");
    const when = new Intl.DateTimeFormat("fr-FR", { dateStyle: "medium", timeStyle: "short", timeZone: "Africa/Casablanca" }).format(event?.createdAt);
    expect(text).toContain(when);

    const inArabic = await signedIn(RAPPORTEUR, "ar");
    const arabic = visibleText(await pageHtml(await inArabic.get(`${base()}/${id}?lng=ar`)));
    expect(arabic).toContain("عدّل Karim Tazi التوصية");
    expect(arabic).toContain("العنوان: «Titre provisoire» ← «Titre définitif»");
    // ?lng= is remembered on the account: back to French for the other tests.
    await inArabic.get(`${base()}/${id}?lng=fr`);
  });
});

describe("prioritisation and merging", () => {
  async function submitted(title: string, noteText?: string) {
    const rapporteur = await signedIn(RAPPORTEUR);
    const noteId = noteText ? await addNote(noteText) : null;
    const id = await create(rapporteur, { title, ...(noteId ? { boardId, elementId: noteId } : {}) });
    expect((await moveStatus(rapporteur, id, "DRAFT", "SUBMITTED")).status).toBe(302);
    return id;
  }

  const support = (http: HttpClient, id: string, supported = true) => http.post(`${base()}/${id}`, { intent: "support", supported: String(supported) });

  it("counts supports against the workshop's limit, even when sent at once, and records agreement", async () => {
    await getDb().workshop.update({ where: { id: workshopId }, data: { supportsPerPerson: 2 } });
    try {
      await supportsWithinLimit();
    } finally {
      await getDb().workshop.update({ where: { id: workshopId }, data: { supportsPerPerson: 5 } });
    }
  });

  async function supportsWithinLimit() {
    const [a, b, c, d] = [await submitted("Soutien A"), await submitted("Soutien B"), await submitted("Soutien C"), await submitted("Soutien D")];
    const participant = await signedIn(IMANE);
    const participantId = await userId(IMANE);
    expect((await support(participant, a)).status).toBe(302);

    // One support left, three clicks at once: exactly one wins.
    const answers = await Promise.all([b, c, d].map((id) => support(participant, id)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([302, 400, 400]);
    expect(await getDb().recommendationSupport.count({ where: { userId: participantId, supported: true, recommendation: { workshopId } } })).toBe(2);
    const refused = answers.find((answer) => answer.status === 400);
    expect(visibleText(await pageHtml(refused as Response))).toContain("Vous avez déjà donné vos 2 soutiens.");

    // Withdrawing one frees it.
    expect((await support(participant, a, false)).status).toBe(302);
    const winner = [b, c, d][answers.findIndex((answer) => answer.status === 302)];
    const loser = [b, c, d].find((id) => id !== winner) as string;
    expect((await support(participant, loser)).status).toBe(302);

    expect((await participant.post(`${base()}/${a}`, { intent: "agreement", agreement: "4" })).status).toBe(302);
    expect((await participant.post(`${base()}/${a}`, { intent: "agreement", agreement: "9" })).status).toBe(400);
    expect(await getDb().recommendationSupport.findUnique({ where: { recommendationId_userId: { recommendationId: a, userId: participantId } } })).toMatchObject({
      supported: false,
      agreement: 4,
    });

    // Observers follow, they do not vote.
    expect((await support(await signedIn(OBSERVER), a)).status).toBe(403);
  }

  it("ranks per session and overall on the list page", async () => {
    const top = await submitted("Classement : la plus soutenue");
    // More supporters than any recommendation of the demo has.
    for (const email of [MEHDI, RACHID, SALMA, OTHER_PARTICIPANT]) expect((await support(await signedIn(email), top)).status).toBe(302);
    await (await signedIn(MEHDI)).post(`${base()}/${top}`, { intent: "agreement", agreement: "5" });
    const text = visibleText(await pageHtml(await (await signedIn(PARTICIPANT)).get(base())));
    expect(text).toContain("Ensemble de l'atelier");
    expect(text).toMatch(/Rang Recommandation Statut Soutiens Accord moyen 1 Classement : la plus soutenue Soumise 4 5 \/ 5/);
    // The session's own ranking, headed by the session's title, ranks it too.
    expect(text).toMatch(/Session 1 — Mobilisation des compétences et des porteurs de projets MRE Rang Recommandation Statut Soutiens Accord moyen 1 Classement : la plus soutenue/);
  });

  it("refuses merging a recommendation into itself or across workshops, and keeps every source and support of a merge", async () => {
    const first = await submitted("Guichet numérique (session 1)", "Un seul guichet en ligne");
    const second = await submitted("Guichet numérique (session 2)", "Un portail unique pour les démarches");
    const participant = await signedIn(PARTICIPANT);
    const both = await signedIn(RACHID);
    const other = await signedIn(MEHDI);
    // One person supports both: after the merge, that is one support, not two.
    expect((await support(both, first)).status).toBe(302);
    expect((await support(both, second)).status).toBe(302);
    await both.post(`${base()}/${second}`, { intent: "agreement", agreement: "5" });
    expect((await support(other, first)).status).toBe(302);
    await participant.post(`${base()}/${first}`, { intent: "comment", body: "Attention aux doublons avec le portail existant." });

    const rapporteur = await signedIn(RAPPORTEUR);
    const itself = await rapporteur.post(`${base()}/${first}`, { intent: "merge", from: "SUBMITTED", targetId: first });
    expect(itself.status).toBe(400);
    expect(visibleText(await pageHtml(itself))).toContain("Une recommandation ne peut pas être fusionnée dans elle-même.");

    const foreign = await getDb().recommendation.create({
      data: { workshopId: (await otherWorkshop(true)).workshopId, title: "Ailleurs", problem: "x", proposedAction: "y", theme: "OTHER", status: "SUBMITTED" },
    });
    const across = await rapporteur.post(`${base()}/${first}`, { intent: "merge", from: "SUBMITTED", targetId: foreign.id });
    expect(across.status).toBe(404);
    expect(visibleText(await pageHtml(across))).toContain("La recommandation choisie n'existe pas dans cet atelier.");
    expect((await participant.post(`${base()}/${first}`, { intent: "merge", from: "SUBMITTED", targetId: second })).status).toBe(403);
    expect((await recommendation(first)).status).toBe("SUBMITTED");

    const merged = await rapporteur.post(`${base()}/${first}`, { intent: "merge", from: "SUBMITTED", targetId: second });
    expect(merged.status).toBe(302);
    expect(merged.headers.get("Location")).toBe(`${base()}/${second}`);

    const [from, into] = await Promise.all([recommendation(first), recommendation(second)]);
    expect(from).toMatchObject({ status: "MERGED", mergedIntoId: second });
    expect(from.sources).toEqual([]);
    expect(into.sources.map((source) => source.excerpt).sort()).toEqual(["Un portail unique pour les démarches", "Un seul guichet en ligne"]);
    const supports = into.supports.map((row) => [row.userId, row.supported, row.agreement]).sort();
    expect(supports).toEqual([[await userId(MEHDI), true, null], [await userId(RACHID), true, 5]].sort());
    expect(from.events.some((event) => event.kind === "merged" && event.toStatus === "MERGED" && event.fromStatus === "SUBMITTED")).toBe(true);
    expect(into.events.some((event) => event.kind === "mergedFrom")).toBe(true);
    expect(await getDb().recommendationComment.count({ where: { recommendationId: first } })).toBe(1);

    // Nothing merges into or out of a merged recommendation.
    const again = await rapporteur.post(`${base()}/${first}`, { intent: "merge", from: "MERGED", targetId: second });
    expect(again.status).toBe(403);
    const page = visibleText(await pageHtml(await rapporteur.get(`${base()}/${first}`)));
    expect(page).toContain("Fusionnée dans « Guichet numérique (session 2) »");
  });
});

describe("the accountability page", () => {
  it("shows members everything past the draft, peers what is shared with peers, everyone else the public ones", async () => {
    const organiser = await signedIn(ORGANISER);
    const rapporteur = await signedIn(RAPPORTEUR);
    const ids: Record<string, string> = {};
    for (const visibility of ["INSTITUTION", "PEERS", "PUBLIC"] as const) {
      ids[visibility] = await create(organiser, { title: `Suivi ${visibility}`, visibility });
      expect((await moveStatus(organiser, ids[visibility], "DRAFT", "SUBMITTED")).status).toBe(302);
    }
    await create(organiser, { title: "Suivi brouillon", visibility: "PUBLIC" });
    // Only organisers set the visibility: a rapporteur's choice is ignored.
    const quiet = await create(rapporteur, { title: "Suivi du rapporteur", visibility: "PUBLIC" });
    expect((await recommendation(quiet)).visibility).toBe("INSTITUTION");

    const titles = async (http: HttpClient) => {
      const response = await http.get(`/workshops/${workshopId}/accountability`);
      expect(response.status).toBe(200);
      return visibleText(await pageHtml(response));
    };
    const shown = (text: string) => ["Suivi INSTITUTION", "Suivi PEERS", "Suivi PUBLIC", "Suivi brouillon"].filter((title) => text.includes(title));

    expect(shown(await titles(new HttpClient(app.url, { "Accept-Language": "fr" })))).toEqual(["Suivi PUBLIC"]);
    expect(shown(await titles(await signedIn(PEER)))).toEqual(["Suivi PEERS", "Suivi PUBLIC"]);
    expect(shown(await titles(await signedIn(PARTICIPANT)))).toEqual(["Suivi INSTITUTION", "Suivi PEERS", "Suivi PUBLIC"]);

    // Peers read in the working pages only what is shared with them too.
    const peer = await signedIn(PEER);
    expect((await peer.get(`${base()}/${ids.INSTITUTION}`)).status).toBe(404);
    expect((await peer.get(`${base()}/${ids.PEERS}`)).status).toBe(200);
  });
});
