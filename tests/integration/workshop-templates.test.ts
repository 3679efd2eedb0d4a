import { beforeAll, describe, expect, it } from "vitest";
import { documentFromState, readElements } from "~/boards/document";
import { getDb } from "~/db/client.server";
import { readBoardState } from "~/models/board-storage.server";
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from "~/models/join-code.server";
import { readTemplateContent } from "~/templates/content";
import { HttpClient, useApp } from "../support/app";
import { PARTICIPANT, ORGANISER, signedIn, userId } from "../support/committee";
import { seedDemo } from "../support/demo";
import { pageHtml, visibleText } from "../support/page-html";

const FACILITATOR = "facilitateur@majlis.test";
const PEER = "pair@majlis.test";

const app = useApp();
let workshopId: string;
/** The text of every sticky note on the demo workshop's boards: none may reach a template. */
let noteTexts: string[];

beforeAll(async () => {
  workshopId = await seedDemo();
  const db = getDb();
  const organiserId = await userId(ORGANISER);
  const sessions = await db.session.findMany({ where: { workshopId }, orderBy: { position: "asc" } });
  const dataItem = await db.agendaItem.findFirstOrThrow({ where: { workshopId, sessionId: sessions[1].id }, orderBy: { startsAt: "asc" } });
  // A poll prepared for session 2's first slot, and a plenary poll that was run and answered.
  await db.poll.create({
    data: {
      workshopId,
      room: sessions[1].id,
      agendaItemId: dataItem.id,
      question: "Quelles données relier d'abord ?",
      kind: "MULTIPLE",
      options: ["État civil", "Diplômes", "Consulats"],
      createdById: organiserId,
    },
  });
  const run = await db.poll.create({
    data: {
      workshopId,
      room: "plenary",
      question: "Votre satisfaction ?",
      kind: "RATING",
      options: [],
      scaleMax: 5,
      anonymous: true,
      status: "CLOSED",
      openedAt: new Date(),
      closedAt: new Date(),
      createdById: organiserId,
    },
  });
  await db.pollVote.create({ data: { pollId: run.id, userId: await userId(PARTICIPANT), choices: [4] } });
  // The peer speaks for a counterpart institution that organises workshops of its own.
  await db.user.update({ where: { email: PEER }, data: { canOrganise: true } });
  const boards = await db.board.findMany({ where: { workshopId }, select: { id: true } });
  noteTexts = [];
  for (const board of boards) {
    const elements = readElements(documentFromState(await readBoardState({ boardId: board.id })));
    noteTexts.push(...elements.filter((element) => element.type === "sticky").map((element) => element.text));
  }
  expect(noteTexts.length).toBeGreaterThan(0);
});

const locationId = (response: Response, pattern: RegExp) => pattern.exec(response.headers.get("Location") ?? "")?.[1] ?? "";

async function saveTemplate(fields: Record<string, string>) {
  const organiser = await signedIn(app.url, ORGANISER);
  const response = await organiser.post(`/templates/new?workshopId=${workshopId}`, {
    title: "Atelier compétences MRE",
    description: "Deux sessions parallèles.",
    visibility: "INSTITUTION",
    ...fields,
  });
  expect(response.status).toBe(302);
  return locationId(response, /^\/templates\/([^/?]+)\?done=created$/);
}

describe("saving a workshop as a template", () => {
  it("is for the workshop's organisers: a participant is refused and nothing is saved", async () => {
    const participant = await signedIn(app.url, PARTICIPANT);
    expect((await participant.get(`/templates/new?workshopId=${workshopId}`)).status).toBe(403);
    const refused = await participant.post(`/templates/new?workshopId=${workshopId}`, { title: "Copie", visibility: "PUBLIC" });
    expect(refused.status).toBe(403);
    expect(await getDb().workshopTemplate.count()).toBe(0);

    const organiser = await signedIn(app.url, ORGANISER);
    const form = await organiser.get(`/templates/new?workshopId=${workshopId}`);
    expect(form.status).toBe(200);
    expect(await pageHtml(form)).toContain('value="Dispositif de mobilisation des compétences');
  });

  it("keeps the sessions, the agenda, the boards' structure and the polls, and nothing of the people", async () => {
    const templateId = await saveTemplate({});
    const db = getDb();
    const template = await db.workshopTemplate.findUniqueOrThrow({ where: { id: templateId } });
    const dmre = (await db.user.findUniqueOrThrow({ where: { email: ORGANISER } })).organisationId;
    expect(template).toMatchObject({
      organisationId: dmre,
      sourceWorkshopId: workshopId,
      createdById: await userId(ORGANISER),
      durationMinutes: 480,
      timezone: "Africa/Casablanca",
      languages: ["fr", "ar", "en"],
      format: "HYBRID",
      visibility: "INSTITUTION",
    });
    const content = readTemplateContent(template.content);
    expect(content.startTime).toBe("09:00");
    expect(content.sessions.map((session) => [session.title.slice(0, 9), session.room, session.capacity])).toEqual([
      ["Session 1", "Salle Al Andalous", 60],
      ["Session 2", "Salle Fès", 40],
    ]);
    expect(content.agenda).toHaveLength(11);
    expect(content.agenda[0]).toEqual({ title: "Accueil et enregistrement des participants", startMinutes: 0, durationMinutes: 30, session: null });
    expect(content.agenda.filter((item) => item.session === 1).map((item) => item.startMinutes)).toEqual([120, 330]);
    expect(content.boards.map((board) => [board.session, board.title])).toEqual([
      [0, "Attentes des porteurs de projets"],
      [1, "Inventaire des données"],
    ]);
    expect(content.boards.map((board) => board.elements.filter((element) => element.type === "section").map((element) => element.text))).toEqual([
      ["Idées"],
      ["Données"],
    ]);
    expect(content.polls).toEqual([
      {
        question: "Quelles données relier d'abord ?",
        kind: "MULTIPLE",
        options: ["État civil", "Diplômes", "Consulats"],
        scaleMax: null,
        anonymous: false,
        session: 1,
        agendaItem: 5,
      },
      { question: "Votre satisfaction ?", kind: "RATING", options: [], scaleMax: 5, anonymous: true, session: null, agendaItem: null },
    ]);

    const stored = JSON.stringify(template.content);
    for (const text of noteTexts) expect(stored).not.toContain(text);
    const people = await db.user.findMany({ select: { id: true, name: true, email: true } });
    for (const person of people) {
      expect(stored).not.toContain(person.id);
      expect(stored).not.toContain(person.name);
      if (person.email) expect(stored).not.toContain(person.email);
    }
    const recommendation = await db.recommendation.findFirstOrThrow({ where: { workshopId } });
    expect(stored).not.toContain(recommendation.title);
  });

  it("answers a form without a title in the reader's language and saves nothing", async () => {
    const before = await getDb().workshopTemplate.count();
    const organiser = await signedIn(app.url, ORGANISER, "en");
    const response = await organiser.post(`/templates/new?workshopId=${workshopId}`, { title: " ", visibility: "EVERYONE" });
    expect(response.status).toBe(400);
    const text = visibleText(await pageHtml(response));
    expect(text).toContain("This field is required.");
    expect(text).toContain("Choose one of the options offered.");
    expect(await getDb().workshopTemplate.count()).toBe(before);
  });
});

describe("creating a workshop from a template", () => {
  it("creates in one step a draft with the same sessions, the agenda moved to the new date, seeded boards and draft polls", async () => {
    const templateId = await saveTemplate({ title: "Pour Paris" });
    const organiser = await signedIn(app.url, ORGANISER);
    const form = await organiser.get(`/templates/${templateId}/use`);
    expect(form.status).toBe(200);
    const formHtml = await pageHtml(form);
    expect(formHtml).toContain('value="Pour Paris"');
    expect(formHtml).toContain('value="09:00"');

    const response = await organiser.post(`/templates/${templateId}/use`, {
      title: "Atelier compétences — Paris",
      date: "2024-06-14",
      time: "10:00",
      timezone: "Europe/Paris",
      venue: "Paris, Maison du Maroc",
      languages: ["fr", "en"],
    });
    expect(response.status).toBe(302);
    const newId = locationId(response, /^\/workshops\/([^/?]+)$/);
    expect(newId).not.toBe("");
    expect(newId).not.toBe(workshopId);

    const db = getDb();
    const workshop = await db.workshop.findUniqueOrThrow({ where: { id: newId }, include: { memberships: true } });
    expect(workshop).toMatchObject({
      title: "Atelier compétences — Paris",
      status: "DRAFT",
      templateId,
      timezone: "Europe/Paris",
      venue: "Paris, Maison du Maroc",
      languages: ["fr", "en"],
      format: "HYBRID",
      organisationId: (await db.user.findUniqueOrThrow({ where: { email: ORGANISER } })).organisationId,
      description: "Deux sessions parallèles.",
    });
    // 10:00 in Paris in June is 08:00 UTC; the workshop lasts the template's eight hours.
    expect(workshop.startsAt.toISOString()).toBe("2024-06-14T08:00:00.000Z");
    expect(workshop.endsAt.toISOString()).toBe("2024-06-14T16:00:00.000Z");
    expect(workshop.joinCode).toHaveLength(JOIN_CODE_LENGTH);
    expect([...workshop.joinCode].every((character) => JOIN_CODE_ALPHABET.includes(character))).toBe(true);
    expect(workshop.memberships.map((membership) => [membership.userId, membership.role])).toEqual([[await userId(ORGANISER), "ORGANISER"]]);

    const [sessions, agenda, boards, polls] = await Promise.all([
      db.session.findMany({ where: { workshopId: newId }, orderBy: { position: "asc" } }),
      db.agendaItem.findMany({ where: { workshopId: newId }, orderBy: [{ startsAt: "asc" }, { title: "asc" }] }),
      db.board.findMany({ where: { workshopId: newId }, orderBy: { createdAt: "asc" } }),
      db.poll.findMany({ where: { workshopId: newId }, orderBy: { createdAt: "asc" }, include: { votes: true } }),
    ]);
    const demoSessions = await db.session.findMany({ where: { workshopId }, orderBy: { position: "asc" } });
    expect(sessions.map((s) => [s.title, s.room, s.capacity])).toEqual(demoSessions.map((s) => [s.title, s.room, s.capacity]));
    expect(agenda).toHaveLength(11);
    const opening = agenda.find((item) => item.title === "Ouverture officielle");
    // 09:30 in Rabat, half an hour after the start: 10:30 in Paris.
    expect(opening?.startsAt.toISOString()).toBe("2024-06-14T08:30:00.000Z");
    expect(opening?.sessionId).toBeNull();
    const dataSlots = agenda.filter((item) => item.sessionId === sessions[1].id);
    expect(dataSlots.map((item) => item.startsAt.toISOString())).toEqual(["2024-06-14T10:00:00.000Z", "2024-06-14T13:30:00.000Z"]);

    expect(boards.map((board) => [board.title, board.sessionId, board.createdById])).toEqual([
      ["Attentes des porteurs de projets", sessions[0].id, await userId(ORGANISER)],
      ["Inventaire des données", sessions[1].id, await userId(ORGANISER)],
    ]);
    for (const [index, board] of boards.entries()) {
      const elements = readElements(documentFromState(await readBoardState({ boardId: board.id })));
      expect(elements.filter((element) => element.type === "section").map((element) => element.text)).toEqual([index === 0 ? "Idées" : "Données"]);
      expect(elements.filter((element) => element.type === "sticky")).toEqual([]);
      for (const text of noteTexts) expect(elements.map((element) => element.text)).not.toContain(text);
    }

    expect(polls.map((poll) => [poll.question, poll.status, poll.room, poll.votes.length, poll.openedAt])).toEqual([
      ["Quelles données relier d'abord ?", "DRAFT", sessions[1].id, 0, null],
      ["Votre satisfaction ?", "DRAFT", "plenary", 0, null],
    ]);
    expect(polls[0].agendaItemId).toBe(dataSlots[0].id);

    const nothingElse = await Promise.all([
      db.registration.count({ where: { workshopId: newId } }),
      db.recommendation.count({ where: { workshopId: newId } }),
      db.chatMessage.count({ where: { workshopId: newId } }),
      db.question.count({ where: { workshopId: newId } }),
    ]);
    expect(nothingElse).toEqual([0, 0, 0, 0]);
    expect((await organiser.get(`/workshops/${newId}`)).status).toBe(200);
  });

  it("refuses bad input with the fields' errors and creates nothing", async () => {
    const templateId = await saveTemplate({ title: "Pour les erreurs" });
    const db = getDb();
    const before = await db.workshop.count();
    const organiser = await signedIn(app.url, ORGANISER);
    const response = await organiser.post(`/templates/${templateId}/use`, {
      title: "",
      date: "2024-02-30",
      time: "09:00",
      timezone: "Europe/Paris",
      languages: "fr",
    });
    expect(response.status).toBe(400);
    const text = visibleText(await pageHtml(response));
    expect(text).toContain("Ce champ est obligatoire.");
    expect(text).toContain("Saisissez une date valide (entre 2000 et 2099).");
    const badTime = await organiser.post(`/templates/${templateId}/use`, {
      title: "Atelier",
      date: "2024-06-14",
      time: "9h",
      timezone: "Mars/Olympus",
      languages: "fr",
    });
    expect(badTime.status).toBe(400);
    const badTimeText = visibleText(await pageHtml(badTime));
    expect(badTimeText).toContain("Saisissez une heure valide, par exemple 09:00.");
    expect(badTimeText).toContain("Choisissez un fuseau horaire valide.");
    expect(await db.workshop.count()).toBe(before);
  });

  it("is offered on the page that creates a workshop", async () => {
    const organiser = await signedIn(app.url, ORGANISER);
    const html = await pageHtml(await organiser.get("/workshops/new"));
    const template = await getDb().workshopTemplate.findFirstOrThrow({ where: { title: "Pour Paris" } });
    expect(html).toContain(`href="/templates/${template.id}/use"`);
    expect(html).toContain('href="/templates"');
  });
});

describe("who sees which template", () => {
  it("keeps an institution's template from another institution: not listed, not readable, not usable", async () => {
    const templateId = await saveTemplate({ title: "Réservé à la DMRE" });
    const peer = await signedIn(app.url, PEER);
    expect(visibleText(await pageHtml(await peer.get("/templates")))).not.toContain("Réservé à la DMRE");
    expect((await peer.get(`/templates/${templateId}`)).status).toBe(404);
    expect((await peer.get(`/templates/${templateId}/use`)).status).toBe(404);
    const before = await getDb().workshop.count();
    const refused = await peer.post(`/templates/${templateId}/use`, {
      title: "Copie",
      date: "2024-06-14",
      time: "09:00",
      timezone: "Africa/Tunis",
      languages: "fr",
    });
    expect(refused.status).toBe(404);
    expect(await getDb().workshop.count()).toBe(before);

    // A colleague of the same institution reads it, but only those who organise workshops may run it or change it.
    const colleague = await signedIn(app.url, FACILITATOR);
    const page = await colleague.get(`/templates/${templateId}`);
    expect(page.status).toBe(200);
    expect(await pageHtml(page)).not.toContain('value="delete"');
    expect((await colleague.get(`/templates/${templateId}/use`)).status).toBe(403);
    expect((await colleague.post(`/templates/${templateId}`, { intent: "delete" })).status).toBe(403);
    expect(await getDb().workshopTemplate.count({ where: { id: templateId } })).toBe(1);
  });

  it("opens a PUBLIC template to anyone, signed out included, and keeps the others from them; using one needs an account", async () => {
    const publicId = await saveTemplate({ title: "Format ouvert à tous", visibility: "PUBLIC" });
    const peersId = await saveTemplate({ title: "Format entre pairs", visibility: "PEERS" });
    const anonymous = new HttpClient(app.url, { "Accept-Language": "fr" });
    const library = visibleText(await pageHtml(await anonymous.get("/templates")));
    expect(library).toContain("Format ouvert à tous");
    expect(library).not.toContain("Format entre pairs");
    expect((await anonymous.get(`/templates/${publicId}`)).status).toBe(200);
    expect((await anonymous.get(`/templates/${peersId}`)).status).toBe(404);
    const use = await anonymous.get(`/templates/${publicId}/use`);
    expect(use.status).toBe(302);
    expect(use.headers.get("Location")).toMatch(/^\/login\?/);
    expect((await anonymous.post(`/templates/${publicId}`, { intent: "delete" })).status).toBe(302);
    expect(await getDb().workshopTemplate.count({ where: { id: publicId } })).toBe(1);
  });

  it("shares a PEERS template with counterpart institutions, who can run it as a workshop of their own", async () => {
    const templateId = await saveTemplate({ title: "Partagé avec les pairs", visibility: "PEERS" });
    const peer = await signedIn(app.url, PEER);
    const library = visibleText(await pageHtml(await peer.get("/templates?show=shared")));
    expect(library).toContain("Partagé avec les pairs");
    expect(library).toContain("Département des Marocains Résidant à l'Étranger");
    expect(visibleText(await pageHtml(await peer.get("/templates?show=mine")))).not.toContain("Partagé avec les pairs");
    const page = await peer.get(`/templates/${templateId}`);
    expect(page.status).toBe(200);
    const pageHtmlText = await pageHtml(page);
    expect(visibleText(pageHtmlText)).toContain("Inventaire des données");
    expect(visibleText(pageHtmlText)).toContain("Quelles données relier d'abord ?");
    expect(pageHtmlText).not.toContain('value="update"');
    expect((await peer.post(`/templates/${templateId}`, { intent: "update", title: "Pris", visibility: "PUBLIC" })).status).toBe(403);

    const created = await peer.post(`/templates/${templateId}/use`, {
      title: "Atelier de Tunis",
      date: "2024-10-03",
      time: "09:00",
      timezone: "Africa/Tunis",
      languages: ["fr", "ar"],
    });
    expect(created.status).toBe(302);
    const workshop = await getDb().workshop.findUniqueOrThrow({ where: { id: locationId(created, /^\/workshops\/([^/?]+)$/) } });
    const ote = (await getDb().user.findUniqueOrThrow({ where: { email: PEER } })).organisationId;
    expect(workshop).toMatchObject({ title: "Atelier de Tunis", organisationId: ote, templateId, status: "DRAFT" });
  });

  it("lets the owning institution's organisers change and delete a template; workshops made from it stay", async () => {
    const templateId = await saveTemplate({ title: "À renommer" });
    const organiser = await signedIn(app.url, ORGANISER);
    const saved = await organiser.post(`/templates/${templateId}`, { intent: "update", title: "Renommé", description: "", visibility: "PUBLIC" });
    expect(saved.status).toBe(302);
    expect(await getDb().workshopTemplate.findUniqueOrThrow({ where: { id: templateId } })).toMatchObject({ title: "Renommé", visibility: "PUBLIC" });
    const made = await organiser.post(`/templates/${templateId}/use`, {
      title: "Fait du modèle",
      date: "2024-09-01",
      time: "09:00",
      timezone: "Africa/Casablanca",
      languages: "fr",
    });
    const madeId = locationId(made, /^\/workshops\/([^/?]+)$/);

    const deleted = await organiser.post(`/templates/${templateId}`, { intent: "delete" });
    expect(deleted.status).toBe(302);
    expect(deleted.headers.get("Location")).toBe("/templates?done=deleted");
    expect(await getDb().workshopTemplate.count({ where: { id: templateId } })).toBe(0);
    expect(await getDb().workshop.findUniqueOrThrow({ where: { id: madeId } })).toMatchObject({ title: "Fait du modèle", templateId: null });
    expect((await organiser.get(`/templates/${templateId}`)).status).toBe(404);
  });
});
