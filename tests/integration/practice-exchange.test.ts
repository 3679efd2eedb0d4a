import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import type { Visibility } from "~/generated/prisma/enums";
import { HttpClient, useApp } from "../support/app";
import { FACILITATOR, ORGANISER, PARTICIPANT, RAPPORTEUR, signedIn, userId } from "../support/committee";
import { seedDemo } from "../support/demo";
import { pageHtml, visibleText } from "../support/page-html";
import { makeUser, TEST_PASSWORD } from "../support/registration-fixtures";

// The DMRE's practices are written by a facilitator; the DMRE speaks through its admin, the organiser.
const AUTHOR = FACILITATOR;
const DMRE_ADMIN = ORGANISER;
const DMRE_COLLEAGUE = RAPPORTEUR;
const PEER = "pair@majlis.test"; // OTE, Tunisia
const OBSERVER = "observateur@majlis.test"; // CCME admin
const NO_INSTITUTION = PARTICIPANT;

const app = useApp();
let dmre: string;
let ote: string;

beforeAll(async () => {
  await seedDemo();
  dmre = await organisationOf(AUTHOR);
  ote = await organisationOf(PEER);
});

async function organisationOf(email: string) {
  const user = await getDb().user.findUniqueOrThrow({ where: { email }, select: { organisationId: true } });
  if (!user.organisationId) throw new Error(`${email} has no institution`);
  return user.organisationId;
}

let practices = 0;

/** A published practice of the DMRE written by its facilitator. */
async function dmrePractice(visibility: Visibility, status: "PUBLISHED" | "DRAFT" = "PUBLISHED") {
  practices += 1;
  const practice = await getDb().practice.create({
    data: {
      organisationId: dmre,
      authorId: await userId(AUTHOR),
      title: `Guichet des compétences ${practices}`,
      problem: "Les compétences de la diaspora sont mal connues.",
      approach: "Un guichet en ligne relie experts et administrations.",
      country: "MA",
      themes: [],
      languages: ["fr"],
      visibility,
      status,
      publishedAt: status === "PUBLISHED" ? new Date() : null,
    },
    select: { id: true },
  });
  return practice.id;
}

const exchange = (practiceId: string) => `/practices/${practiceId}/exchange`;
const page = async (http: HttpClient, practiceId: string, query = "") => {
  const response = await http.get(`/practices/${practiceId}${query}`);
  expect(response.status).toBe(200);
  return pageHtml(response);
};
const writings = (practiceId: string) =>
  getDb().practiceComment.findMany({ where: { practiceId }, orderBy: { createdAt: "asc" }, select: { id: true, kind: true, body: true, private: true, deletedAt: true, authorId: true } });
const notificationsAbout = async (practiceId: string, kind: string) =>
  (await getDb().notification.findMany({ where: { subjectId: practiceId, kind }, select: { userId: true, data: true } })).sort((a, b) => a.userId.localeCompare(b.userId));

/** Someone of the OTE other than its admin. */
async function oteColleague() {
  const person = await makeUser("Salma Trabelsi");
  await getDb().user.update({ where: { id: person.id }, data: { organisationId: ote } });
  const http = new HttpClient(app.url, { "Accept-Language": "fr" });
  await http.signIn(person.email, TEST_PASSWORD);
  return { ...person, http };
}

describe("comments", () => {
  it("are stored, shown and notify the author and the institution's admins, not the commenter", async () => {
    const practiceId = await dmrePractice("PEERS");
    const peer = await signedIn(app.url, PEER);
    const response = await peer.post(exchange(practiceId), { intent: "comment", body: "  Nous avons un dispositif proche à Tunis : échangeons !  " });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/practices/${practiceId}#exchange-comments`);

    const [comment] = await writings(practiceId);
    expect(comment).toMatchObject({ kind: "COMMENT", body: "Nous avons un dispositif proche à Tunis : échangeons !", authorId: await userId(PEER) });
    const told = await notificationsAbout(practiceId, "practice.commented");
    expect(told.map((row) => row.userId)).toEqual([await userId(AUTHOR), await userId(DMRE_ADMIN)].sort());
    expect(told[0].data).toMatchObject({ excerpt: "Nous avons un dispositif proche à Tunis : échangeons !" });

    const html = await page(await signedIn(app.url, OBSERVER), practiceId);
    expect(html).toContain('id="exchange"');
    expect(html).toMatch(/dir="auto"[^>]*>Nous avons un dispositif proche à Tunis : échangeons !</);
    expect(visibleText(html)).toContain("Ahmed Ben Salah (Office des Tunisiens à l'Étranger (OTE))");
  });

  it("accept any script and refuse blank or over-long text, keeping the error next to the form", async () => {
    const practiceId = await dmrePractice("PUBLIC");
    const peer = await signedIn(app.url, PEER, "ar");
    expect((await peer.post(exchange(practiceId), { intent: "comment", body: "تجربة مفيدة جداً لمكاتب الجالية" })).status).toBe(302);

    const blank = await peer.post(exchange(practiceId), { intent: "comment", body: " \n\t " });
    expect(blank.status).toBe(302);
    const back = blank.headers.get("Location") ?? "";
    expect(back).toMatch(new RegExp(`^/practices/${practiceId}\\?exchangeError=.*#exchange-comment$`));
    expect((await peer.post(exchange(practiceId), { intent: "comment", body: "x".repeat(4001) })).headers.get("Location")).toContain("exchangeError=");
    expect((await writings(practiceId)).map((writing) => writing.body)).toEqual(["تجربة مفيدة جداً لمكاتب الجالية"]);

    const html = await page(peer, practiceId, back.replace(/^[^?]*/, "").replace(/#.*$/, ""));
    const form = html.slice(html.indexOf('id="exchange-comment"'));
    expect(form).toContain("هذا الحقل إلزامي");
  });

  it("are offered to signed-in readers only, and refused on a practice one may not read", async () => {
    const anonymous = new HttpClient(app.url, { "Accept-Language": "fr" });
    const open = await dmrePractice("PUBLIC");
    const refused = await anonymous.post(exchange(open), { intent: "comment", body: "Bonjour" });
    expect(refused.status).toBe(302);
    expect(refused.headers.get("Location")).toMatch(/^\/login\?/);
    const html = await page(anonymous, open);
    expect(visibleText(html)).toContain("Connectez-vous pour commenter");
    expect(html).not.toContain('name="body"');

    const internal = await dmrePractice("INSTITUTION");
    const peer = await signedIn(app.url, PEER);
    const question = await getDb().practiceComment.create({ data: { practiceId: internal, authorId: await userId(DMRE_COLLEAGUE), kind: "QUESTION", body: "Interne" } });
    const forged: Array<Record<string, string>> = [
      { intent: "comment", body: "Je n'aurais pas dû voir ceci" },
      { intent: "question", body: "Ni ceci ?" },
      { intent: "answer", questionId: question.id, body: "Ni cela." },
      { intent: "adopt", story: "Nous l'avons adoptée sans l'avoir jamais lue, bien sûr." },
      { intent: "delete", commentId: question.id },
    ];
    for (const fields of forged) {
      expect((await peer.post(exchange(internal), fields)).status, fields.intent).toBe(404);
    }
    expect(await writings(internal)).toHaveLength(1);
    expect(await getDb().practiceAdoption.count({ where: { practiceId: internal } })).toBe(0);
    expect(await getDb().notification.count({ where: { subjectId: internal } })).toBe(0);

    // Drafts are not discussed, even by the institution's own people.
    const draft = await dmrePractice("INSTITUTION", "DRAFT");
    expect((await (await signedIn(app.url, DMRE_COLLEAGUE)).post(exchange(draft), { intent: "comment", body: "Trop tôt" })).status).toBe(403);
    expect(await writings(draft)).toHaveLength(0);
  });
});

describe("questions and answers", () => {
  it("keep a private question between its asker and the institution, and tell the asker of the answer", async () => {
    const practiceId = await dmrePractice("PEERS");
    const observer = await signedIn(app.url, OBSERVER);
    const asked = await observer.post(exchange(practiceId), { intent: "question", body: "Quel budget annuel pour le guichet ?", private: "on" });
    expect(asked.status).toBe(302);
    expect(asked.headers.get("Location")).toBe(`/practices/${practiceId}#exchange-questions`);
    const [question] = await writings(practiceId);
    expect(question).toMatchObject({ kind: "QUESTION", private: true });
    expect((await notificationsAbout(practiceId, "practice.questioned")).map((row) => row.userId)).toEqual([await userId(AUTHOR), await userId(DMRE_ADMIN)].sort());

    const peer = await signedIn(app.url, PEER);
    expect(await page(peer, practiceId)).not.toContain("Quel budget annuel");
    expect(await page(observer, practiceId)).toContain("Quel budget annuel");
    const colleague = await signedIn(app.url, DMRE_COLLEAGUE);
    const colleagueView = await page(colleague, practiceId);
    expect(colleagueView).toContain("Quel budget annuel");
    expect(colleagueView).toContain(`id="answer-${question.id}"`);

    // A private question does not exist for others, not even to answer it.
    expect((await peer.post(exchange(practiceId), { intent: "answer", questionId: question.id, body: "Je réponds à leur place" })).status).toBe(404);
    const answered = await colleague.post(exchange(practiceId), { intent: "answer", questionId: question.id, body: "Environ 2 millions de dirhams par an." });
    expect(answered.headers.get("Location")).toBe(`/practices/${practiceId}#question-${question.id}`);
    const answer = (await writings(practiceId)).find((writing) => writing.kind === "ANSWER");
    expect(answer).toMatchObject({ body: "Environ 2 millions de dirhams par an.", private: true });
    expect((await notificationsAbout(practiceId, "practice.answered")).map((row) => row.userId)).toEqual([await userId(OBSERVER)]);
    expect(await page(peer, practiceId)).not.toContain("2 millions");
    expect(await page(observer, practiceId)).toContain("2 millions");
  });

  it("show public questions to every reader, and keep the thread when the asker deletes a question that has an answer", async () => {
    const practiceId = await dmrePractice("PEERS");
    const peer = await signedIn(app.url, PEER);
    await peer.post(exchange(practiceId), { intent: "question", body: "Le guichet est-il ouvert aux associations ?" });
    const [question] = await writings(practiceId);
    expect(question.private).toBe(false);
    const observer = await signedIn(app.url, OBSERVER);
    const observerView = await page(observer, practiceId);
    expect(observerView).toContain("Le guichet est-il ouvert aux associations ?");
    expect(observerView).not.toContain(`id="answer-${question.id}"`);
    // Only the institution answers.
    expect((await observer.post(exchange(practiceId), { intent: "answer", questionId: question.id, body: "Je réponds à leur place" })).status).toBe(403);
    await (await signedIn(app.url, AUTHOR)).post(exchange(practiceId), { intent: "answer", questionId: question.id, body: "Oui, depuis 2022." });
    expect((await writings(practiceId)).map((writing) => writing.body)).toEqual(["Le guichet est-il ouvert aux associations ?", "Oui, depuis 2022."]);

    expect((await peer.post(exchange(practiceId), { intent: "delete", commentId: question.id })).status).toBe(302);
    expect((await writings(practiceId)).find((writing) => writing.id === question.id)?.deletedAt).not.toBeNull();
    const text = visibleText(await page(observer, practiceId));
    expect(text).not.toContain("ouvert aux associations");
    expect(text).toContain("Ce message a été supprimé.");
    expect(text).toContain("Oui, depuis 2022.");
  });
});

describe("adoptions", () => {
  it("are told by another institution, once per institution, counted and shown with who told them", async () => {
    const practiceId = await dmrePractice("PEERS");
    const peer = await signedIn(app.url, PEER);
    const story = "Nous l'avons reprise à Tunis pour les ingénieurs de la diaspora, avec un comité de sélection.";
    const adopted = await peer.post(exchange(practiceId), { intent: "adopt", story });
    expect(adopted.status).toBe(302);
    expect(adopted.headers.get("Location")).toBe(`/practices/${practiceId}#exchange-adoptions`);
    expect((await notificationsAbout(practiceId, "practice.adopted")).map((row) => row.userId)).toEqual([await userId(AUTHOR), await userId(DMRE_ADMIN)].sort());

    const colleague = await oteColleague();
    const colleagueView = await page(colleague.http, practiceId);
    expect(visibleText(colleagueView)).toContain("Votre institution a déjà raconté son adoption (ci-dessus) : un nouvel envoi remplace son récit actuel.");
    const updated = "Reprise à Tunis puis à Sfax : un comité de sélection et un mentorat de six mois.";
    expect((await colleague.http.post(exchange(practiceId), { intent: "adopt", story: updated })).status).toBe(302);
    const rows = await getDb().practiceAdoption.findMany({ where: { practiceId }, select: { organisationId: true, story: true, authorId: true } });
    expect(rows).toEqual([{ organisationId: ote, story: updated, authorId: colleague.id }]);
    // The institution heard of the adoption once, not of each rewording.
    expect(await notificationsAbout(practiceId, "practice.adopted")).toHaveLength(2);

    const html = await page(await signedIn(app.url, OBSERVER), practiceId);
    expect(html).toMatch(/class="adoption-count__value">1</);
    expect(visibleText(html)).toContain("Adoptée par d'autres institutions : 1");
    expect(html).toContain(`href="/institutions/${ote}"`);
    expect(visibleText(html)).toContain(updated);
    expect(visibleText(html)).toContain("Récit de Salma Trabelsi");
    expect(html).not.toContain(story);
  });

  it("are refused to the practice's own institution and to people without an institution", async () => {
    const practiceId = await dmrePractice("PUBLIC");
    const story = "Nous l'avons adoptée chez nous, évidemment, puisque nous l'avons inventée.";
    expect((await (await signedIn(app.url, AUTHOR)).post(exchange(practiceId), { intent: "adopt", story })).status).toBe(403);
    const loner = await signedIn(app.url, NO_INSTITUTION);
    expect((await loner.post(exchange(practiceId), { intent: "adopt", story })).status).toBe(403);
    expect(await getDb().practiceAdoption.count({ where: { practiceId } })).toBe(0);
    expect(await page(loner, practiceId)).not.toContain('name="story"');
    // Commenting stays open to them.
    expect((await loner.post(exchange(practiceId), { intent: "comment", body: "Très inspirant." })).status).toBe(302);
  });

  it("need a story of a few words", async () => {
    const practiceId = await dmrePractice("PEERS");
    const peer = await signedIn(app.url, PEER, "en");
    const short = await peer.post(exchange(practiceId), { intent: "adopt", story: "Done." });
    expect(short.headers.get("Location")).toContain("#exchange-adopt");
    expect(await getDb().practiceAdoption.count({ where: { practiceId } })).toBe(0);
    const html = await page(peer, practiceId, (short.headers.get("Location") ?? "").replace(/^[^?]*/, "").replace(/#.*$/, ""));
    expect(html.slice(html.indexOf('id="exchange-adopt"'))).toContain("At least 20 characters.");
  });
});

describe("deleting", () => {
  it("is for authors, the institution's admins and moderators; others are refused", async () => {
    const practiceId = await dmrePractice("PEERS");
    const peer = await signedIn(app.url, PEER);
    const observer = await signedIn(app.url, OBSERVER);
    await peer.post(exchange(practiceId), { intent: "comment", body: "Commentaire du pair" });
    await observer.post(exchange(practiceId), { intent: "comment", body: "Commentaire hors sujet" });
    const [mine, offTopic] = await writings(practiceId);

    expect((await observer.post(exchange(practiceId), { intent: "delete", commentId: mine.id })).status).toBe(403);
    expect((await (await signedIn(app.url, DMRE_COLLEAGUE)).post(exchange(practiceId), { intent: "delete", commentId: mine.id })).status).toBe(403);
    expect(await page(observer, practiceId)).not.toMatch(new RegExp(`name="commentId" value="${mine.id}"`));
    expect(await page(peer, practiceId)).toMatch(new RegExp(`name="commentId" value="${mine.id}"`));

    expect((await peer.post(exchange(practiceId), { intent: "delete", commentId: mine.id })).status).toBe(302);
    // The DMRE's admin moderates the discussion of the DMRE's practice.
    expect((await (await signedIn(app.url, DMRE_ADMIN)).post(exchange(practiceId), { intent: "delete", commentId: offTopic.id })).status).toBe(302);
    expect((await writings(practiceId)).every((writing) => writing.deletedAt !== null)).toBe(true);
    const text = visibleText(await page(observer, practiceId));
    expect(text).not.toContain("Commentaire du pair");
    expect(text).not.toContain("Commentaire hors sujet");
    expect(text).not.toContain("Ce message a été supprimé.");
  });
});
