import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { DEMO_PASSWORD } from "~/db/seed-demo.server";
import type { PollsSnapshot, PollView } from "~/live/polls";
import { PLENARY } from "~/live/protocol";
import { createWorkshop } from "~/models/workshop.server";
import { HttpClient, useApp } from "../support/app";
import { seedDemo } from "../support/demo";
import { LiveClient } from "../support/live";
import { pageHtml, visibleText } from "../support/page-html";
import { parseCsv } from "../support/parse-csv";

let workshopId: string;
let sessions: string[];
let items: { plenary: string; session1: string; session1Later: string; session2: string };
beforeAll(async () => {
  workshopId = await seedDemo();
  const db = getDb();
  sessions = (await db.session.findMany({ where: { workshopId }, orderBy: { position: "asc" } })).map((s) => s.id);
  const item = async (title: string) => (await db.agendaItem.findFirstOrThrow({ where: { workshopId, title } })).id;
  items = {
    plenary: await item("Ouverture officielle"),
    session1: await item("Attentes des compétences et des porteurs de projets MRE"),
    session1Later: await item("Services d'accompagnement et rôle des réseaux de compétences"),
    session2: await item("Données nécessaires au dispositif : inventaire et sources"),
  };
});
const app = useApp();

const ORGANISER = "organisatrice@majlis.test";
const FACILITATOR_S1 = "facilitateur@majlis.test";
const FACILITATOR_S2 = "facilitatrice@majlis.test";
const PARTICIPANT = "hicham.ouazzani@majlis.test";

async function signedIn(email: string, language = "fr") {
  const http = new HttpClient(app.url, { "Accept-Language": language });
  await http.signIn(email, DEMO_PASSWORD);
  return http;
}

const clients: LiveClient[] = [];
async function joinAs(email: string, room: string) {
  const client = await LiveClient.signedIn(app.url, email);
  clients.push(client);
  const snapshot = await client.join(workshopId, room);
  return { client, polls: snapshot.features.polls as PollsSnapshot };
}
afterEach(() => {
  for (const client of clients.splice(0)) client.close();
});

const pollsPage = () => `/workshops/${workshopId}/polls`;
const fields = (overrides: Record<string, string> = {}) => ({
  intent: "create",
  agendaItemId: items.session1,
  question: "Quel accompagnement attendez-vous ?",
  kind: "SINGLE",
  options: "Mentorat\nFinancement\nRéseaux",
  scaleMax: "5",
  ...overrides,
});
const pollByQuestion = (question: string) => getDb().poll.findFirstOrThrow({ where: { workshopId, question } });

describe("preparing polls on the agenda", () => {
  it("lets organisers and facilitators in, and keeps everyone else out", async () => {
    for (const email of [ORGANISER, FACILITATOR_S1]) {
      const response = await (await signedIn(email)).get(pollsPage());
      expect(response.status).toBe(200);
      expect(visibleText(await pageHtml(response))).toContain("Préparer un sondage");
    }
    expect((await (await signedIn(PARTICIPANT)).get(pollsPage())).status).toBe(403);
    expect((await (await signedIn("observateur@majlis.test")).get(pollsPage())).status).toBe(403);
    expect((await (await signedIn(ORGANISER)).get("/workshops/nope/polls")).status).toBe(404);
    const anonymous = await new HttpClient(app.url).get(pollsPage());
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login/);
  });

  it("creates a draft poll whose room is its agenda item's: a session or the plenary", async () => {
    const organiser = await signedIn(ORGANISER);
    const created = await organiser.post(pollsPage(), fields({ question: "Session 1 : vos attentes ?", anonymous: "on" }));
    expect(created.status).toBe(302);
    const poll = await pollByQuestion("Session 1 : vos attentes ?");
    expect(created.headers.get("Location")).toBe(`${pollsPage()}#poll-${poll.id}`);
    expect(poll).toMatchObject({
      room: sessions[0],
      agendaItemId: items.session1,
      kind: "SINGLE",
      options: ["Mentorat", "Financement", "Réseaux"],
      scaleMax: null,
      anonymous: true,
      status: "DRAFT",
    });

    await organiser.post(pollsPage(), fields({ agendaItemId: items.plenary, question: "Plénière : une note ?", kind: "RATING", scaleMax: "7" }));
    expect(await pollByQuestion("Plénière : une note ?")).toMatchObject({ room: PLENARY, kind: "RATING", options: [], scaleMax: 7, anonymous: false });

    const page = visibleText(await pageHtml(await organiser.get(pollsPage())));
    expect(page).toContain("Session 1 : vos attentes ?");
    expect(page).toContain("Plénière : une note ?");
    expect(page).toContain("Ouverture officielle");
  });

  it("shows what is wrong, in the reader's language, and keeps what was typed", async () => {
    const organiser = await signedIn(ORGANISER);
    const before = await getDb().poll.count({ where: { workshopId } });
    const oneOption = await organiser.post(pollsPage(), fields({ question: "Une seule réponse ?", options: "Oui" }));
    expect(oneOption.status).toBe(400);
    const html = await pageHtml(oneOption);
    expect(visibleText(html)).toContain("Proposez de 2 à 10 réponses, une par ligne.");
    expect(html).toContain('value="Une seule réponse ?"');

    const english = await signedIn(ORGANISER, "en");
    const noItem = await english.post(pollsPage(), fields({ agendaItemId: "", question: "" }));
    expect(noItem.status).toBe(400);
    const text = visibleText(await pageHtml(noItem));
    expect(text).toContain("Choose an agenda item.");
    const duplicate = await english.post(pollsPage(), fields({ options: "Yes\nyes" }));
    expect(visibleText(await pageHtml(duplicate))).toContain("Two answers offered are the same.");
    const unknownItem = await english.post(pollsPage(), fields({ agendaItemId: "not-an-item" }));
    expect(unknownItem.status).toBe(400);
    expect(await getDb().poll.count({ where: { workshopId } })).toBe(before);
  });

  it("keeps facilitators to the polls of their own session", async () => {
    const facilitator = await signedIn(FACILITATOR_S1);
    const before = await getDb().poll.count({ where: { workshopId } });
    expect((await facilitator.post(pollsPage(), fields({ agendaItemId: items.session2, question: "Intrusion s2" }))).status).toBe(403);
    expect((await facilitator.post(pollsPage(), fields({ agendaItemId: items.plenary, question: "Intrusion plénière" }))).status).toBe(403);
    expect(await getDb().poll.count({ where: { workshopId } })).toBe(before);

    expect((await facilitator.post(pollsPage(), fields({ question: "Sondage de Youssef" }))).status).toBe(302);
    const mine = await pollByQuestion("Sondage de Youssef");
    const other = await signedIn(FACILITATOR_S2);
    expect(visibleText(await pageHtml(await other.get(pollsPage())))).not.toContain("Sondage de Youssef");
    expect((await other.post(pollsPage(), fields({ intent: "update", pollId: mine.id, agendaItemId: items.session2, question: "Volé" }))).status).toBe(403);
    expect((await other.post(pollsPage(), { intent: "delete", pollId: mine.id })).status).toBe(403);
    expect((await facilitator.post(pollsPage(), { intent: "delete", pollId: "unknown" })).status).toBe(404);
    expect(await pollByQuestion("Sondage de Youssef")).toMatchObject({ room: sessions[0] });
  });

  it("edits and deletes a draft, but not a poll that was opened", async () => {
    const organiser = await signedIn(ORGANISER);
    await organiser.post(pollsPage(), fields({ question: "À modifier" }));
    const poll = await pollByQuestion("À modifier");
    const edited = await organiser.post(
      pollsPage(),
      fields({ intent: "update", pollId: poll.id, agendaItemId: items.session2, question: "Modifié", kind: "MULTIPLE", options: "Données\nSources" }),
    );
    expect(edited.status).toBe(302);
    expect(await getDb().poll.findUniqueOrThrow({ where: { id: poll.id } })).toMatchObject({
      question: "Modifié",
      kind: "MULTIPLE",
      options: ["Données", "Sources"],
      room: sessions[1],
      agendaItemId: items.session2,
    });

    await getDb().poll.update({ where: { id: poll.id }, data: { status: "OPEN" } });
    const refused = await organiser.post(pollsPage(), fields({ intent: "update", pollId: poll.id, question: "Trop tard" }));
    expect(refused.status).toBe(400);
    expect(visibleText(await pageHtml(refused))).toContain("Ce sondage a déjà été ouvert");
    expect((await organiser.post(pollsPage(), { intent: "delete", pollId: poll.id })).status).toBe(400);
    expect(await getDb().poll.findUniqueOrThrow({ where: { id: poll.id } })).toMatchObject({ question: "Modifié", status: "OPEN" });

    await organiser.post(pollsPage(), fields({ question: "À supprimer" }));
    const doomed = await pollByQuestion("À supprimer");
    expect((await organiser.post(pollsPage(), { intent: "delete", pollId: doomed.id })).status).toBe(302);
    expect(await getDb().poll.findUnique({ where: { id: doomed.id } })).toBeNull();
  });

  it("a prepared poll waits for the facilitator in the live room, who opens it for everyone", async () => {
    const facilitatorHttp = await signedIn(FACILITATOR_S1);
    await facilitatorHttp.post(pollsPage(), fields({ question: "Préparé pour la session 1", agendaItemId: items.session1Later, kind: "OPEN", options: "" }));
    const prepared = await pollByQuestion("Préparé pour la session 1");

    const { client: facilitator, polls: facilitatorView } = await joinAs(FACILITATOR_S1, sessions[0]);
    const { client: participant, polls: participantView } = await joinAs(PARTICIPANT, sessions[0]);
    expect(facilitatorView.polls.find((p) => p.id === prepared.id)).toMatchObject({ status: "DRAFT", kind: "OPEN" });
    expect(participantView.polls.some((p) => p.id === prepared.id)).toBe(false);

    const opened = await facilitator.request<{ poll: PollView }>("poll:open", { pollId: prepared.id });
    expect(opened.ok && opened.data.poll.status).toBe("OPEN");
    const update = await participant.next<{ poll: PollView }>("poll:updated", ({ poll }) => poll.id === prepared.id);
    expect(update.poll).toMatchObject({ status: "OPEN", question: "Préparé pour la session 1" });
    expect((await participant.request("poll:vote", { pollId: prepared.id, text: "Des mentors" })).ok).toBe(true);
  });
});

describe("exporting a poll's answers as CSV", () => {
  async function pollWithAnswers(question: string, anonymous: boolean) {
    const { client: facilitator } = await joinAs(FACILITATOR_S1, sessions[0]);
    const ack = await facilitator.request<{ poll: PollView }>("poll:create", {
      question,
      kind: "MULTIPLE",
      options: ["Mentorat", "Financement, prêts", '=HYPERLINK("x")'],
      anonymous,
      openNow: true,
    });
    if (!ack.ok) throw new Error(ack.error);
    for (const [email, choices] of [
      ["hicham.ouazzani@majlis.test", [0, 1]],
      ["salma.bennani@majlis.test", [1]],
      ["mehdi.berrada@majlis.test", [2]],
    ] as const) {
      const { client } = await joinAs(email, sessions[0]);
      expect((await client.request("poll:vote", { pollId: ack.data.poll.id, choices })).ok).toBe(true);
    }
    return ack.data.poll.id;
  }

  const csvOf = async (response: Response) => {
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.startsWith("\uFEFF")).toBe(true);
    return parseCsv(text.slice(1));
  };

  it("gives the summary and each answer with its author's name, in the reader's language", async () => {
    const pollId = await pollWithAnswers("Quels services ?", false);
    const response = await (await signedIn(ORGANISER, "en")).get(`/workshops/${workshopId}/polls/${pollId}.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(new RegExp(`^attachment; filename="poll-${pollId}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
    const rows = await csvOf(response);
    expect(rows.slice(0, 6)).toEqual([
      ["Question", "Quels services ?"],
      ["Kind", "Multiple choice"],
      ["Room", "Session 1 — Mobilisation des compétences et des porteurs de projets MRE"],
      ["Status", "Open"],
      ["Anonymous", "No"],
      ["Number of answers", "3"],
    ]);
    const summary = rows.findIndex((row) => row[0] === "Summary");
    expect(rows.slice(summary + 1, summary + 5)).toEqual([
      ["Answer", "Votes", "Share (%)"],
      ["Mentorat", "1", "33"],
      ["Financement, prêts", "2", "67"],
      ["'=HYPERLINK(\"x\")", "1", "33"],
    ]);
    const answers = rows.findIndex((row) => row[0] === "Individual answers");
    expect(rows[answers + 1]).toEqual(["Name", "Answer", "Time"]);
    const byName = rows.slice(answers + 2).map(([name, answer, time]) => {
      expect(time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      return [name, answer];
    });
    expect(byName.sort()).toEqual(
      [
        ["Hicham Ouazzani", "Mentorat ; Financement, prêts"],
        ["Mehdi Berrada", "'=HYPERLINK(\"x\")"],
        ["Salma Bennani", "Financement, prêts"],
      ].sort(),
    );

    const french = await csvOf(await (await signedIn(FACILITATOR_S1)).get(`/workshops/${workshopId}/polls/${pollId}.csv`));
    expect(french[0]).toEqual(["Question", "Quels services ?"]);
    expect(french[1]).toEqual(["Type", "Choix multiple"]);
  });

  it("leaves names out of an anonymous poll's export", async () => {
    const pollId = await pollWithAnswers("Anonyme : quels services ?", true);
    const response = await (await signedIn(ORGANISER, "en")).get(`/workshops/${workshopId}/polls/${pollId}.csv`);
    const rows = await csvOf(response);
    expect(rows[4]).toEqual(["Anonymous", "Yes"]);
    const answers = rows.findIndex((row) => row[0] === "Individual answers");
    expect(rows[answers + 1]).toEqual(["Answer", "Time"]);
    expect(rows.slice(answers + 2)).toHaveLength(3);
    const everything = rows.flat().join("\n");
    for (const name of ["Hicham Ouazzani", "Salma Bennani", "Mehdi Berrada"]) expect(everything).not.toContain(name);
  });

  it("is for organisers and the poll's session facilitators only; another workshop's poll is not found", async () => {
    const pollId = await pollWithAnswers("Réservé", false);
    const path = `/workshops/${workshopId}/polls/${pollId}.csv`;
    expect((await (await signedIn(FACILITATOR_S2)).get(path)).status).toBe(403);
    expect((await (await signedIn(PARTICIPANT)).get(path)).status).toBe(403);
    expect((await new HttpClient(app.url).get(path)).status).toBe(302);

    const organiser = await getDb().user.findUniqueOrThrow({ where: { email: ORGANISER } });
    const other = await createWorkshop({
      userId: organiser.id,
      fields: {
        title: "Autre atelier",
        description: "",
        startsAt: new Date("2024-01-10T09:00:00Z"),
        endsAt: new Date("2024-01-10T17:00:00Z"),
        timezone: "Africa/Casablanca",
        venue: "Rabat",
        format: "HYBRID",
        languages: ["fr"],
      },
    });
    const http = await signedIn(ORGANISER);
    expect((await http.get(`/workshops/${other.id}/polls/${pollId}.csv`)).status).toBe(404);
    expect((await http.get(`/workshops/${workshopId}/polls/unknown.csv`)).status).toBe(404);
    expect((await http.post(`/workshops/${other.id}/polls`, fields({ agendaItemId: items.session1, question: "Croisé" }))).status).toBe(400);
    expect(await getDb().poll.count({ where: { question: "Croisé" } })).toBe(0);
  });
});
