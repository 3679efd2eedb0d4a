import { describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { groupQuestions, type QuestionView, type QuestionVoteResult, type QuestionsSnapshot } from "~/live/questions";
import type { RoomSnapshot } from "~/live/protocol";
import { LiveClient, useLiveWorkshop } from "../support/live";

const live = useLiveWorkshop();
async function joinAs(email: string, session: 0 | 1) {
  const { client, snapshot } = await live.joinAs(email, live.sessions[session]);
  return { client, questions: snapshot.features.questions as QuestionsSnapshot };
}

let counter = 0;
const clientId = () => `question-${++counter}-${Date.now()}`;

async function ask(client: LiveClient, body: string, anonymous = false) {
  const answer = await client.request<QuestionView>("question:ask", { clientId: clientId(), body, anonymous });
  if (!answer.ok) throw new Error(`asking failed: ${answer.error}`);
  return answer.data;
}

describe("questions in live rooms", () => {
  it("hides who asked an anonymous question from participants, not from the room's facilitators", async () => {
    const { client: facilitator } = await joinAs("facilitateur@majlis.test", 0);
    const { client: salma } = await joinAs("salma.bennani@majlis.test", 0);
    const { client: hicham } = await joinAs("hicham.ouazzani@majlis.test", 0);
    const { client: imane } = await joinAs("imane.kettani@majlis.test", 1);

    const asked = await ask(salma, "Comment financer les projets des MRE ?", true);
    expect(asked).toMatchObject({ anonymous: true, author: null, votes: 0, answered: false, pinned: false, hidden: false });
    expect(await hicham.next<QuestionView>("question:updated")).toMatchObject({ id: asked.id, anonymous: true, author: null });
    expect(await facilitator.next<QuestionView>("question:updated")).toMatchObject({ id: asked.id, author: { name: "Salma Bennani" } });
    // Facilitators get their own copy only: never the participants' one as well.
    expect(facilitator.events.filter((e) => e.event === "question:updated")).toHaveLength(0);

    const signed = await ask(hicham, "Quel calendrier pour la plateforme ?");
    expect(await salma.next<QuestionView>("question:updated", (q) => q.id === signed.id)).toMatchObject({ author: { name: "Hicham Ouazzani" } });

    const { questions: participantView } = await joinAs("mehdi.berrada@majlis.test", 0);
    expect(participantView.questions.find((q) => q.id === asked.id)?.author).toBeNull();
    expect(participantView.questions.find((q) => q.id === signed.id)?.author?.name).toBe("Hicham Ouazzani");
    const { questions: organiserView } = await joinAs("organisatrice@majlis.test", 0);
    expect(organiserView.questions.find((q) => q.id === asked.id)?.author?.name).toBe("Salma Bennani");

    // Session 2 sees none of it.
    expect(imane.events.some((e) => e.event === "question:updated")).toBe(false);
    const { questions: otherRoom } = await joinAs("rachid.elmansouri@majlis.test", 1);
    expect(otherRoom.questions).toEqual([]);
  });

  it("stores a question sent twice with the same clientId once", async () => {
    const { client: mehdi } = await joinAs("mehdi.berrada@majlis.test", 0);
    const payload = { clientId: clientId(), body: "Une question une seule fois", anonymous: false };
    const first = await mehdi.request<QuestionView>("question:ask", payload);
    const retry = await mehdi.request<QuestionView>("question:ask", payload);
    expect(first.ok && retry.ok && first.data.id === retry.data.id).toBe(true);
    expect(await getDb().question.count({ where: { clientId: payload.clientId } })).toBe(1);
  });

  it("counts one vote per person, toggles it, and orders pinned, then most voted, then oldest, answered apart", async () => {
    const { client: facilitator } = await joinAs("facilitatrice@majlis.test", 1);
    const { client: rachid } = await joinAs("rachid.elmansouri@majlis.test", 1);
    const { client: imane } = await joinAs("imane.kettani@majlis.test", 1);
    const { client: leila } = await joinAs("participante@majlis.test", 1);

    const first = await ask(rachid, "Première question");
    const second = await ask(imane, "Deuxième question");
    const third = await ask(leila, "Troisième question");

    const vote = (client: LiveClient, question: QuestionView, up: boolean) =>
      client.request<QuestionVoteResult>("question:vote", { questionId: question.id, up });
    expect(await vote(rachid, second, true)).toMatchObject({ ok: true, data: { voted: true, question: { id: second.id, votes: 1 } } });
    // Voting twice still counts once.
    expect(await vote(rachid, second, true)).toMatchObject({ ok: true, data: { question: { votes: 1 } } });
    expect(await vote(leila, second, true)).toMatchObject({ ok: true, data: { question: { votes: 2 } } });
    expect(await vote(imane, third, true)).toMatchObject({ ok: true, data: { question: { votes: 1 } } });
    expect(await vote(rachid, third, true)).toMatchObject({ ok: true, data: { question: { votes: 2 } } });
    expect(await vote(rachid, third, false)).toMatchObject({ ok: true, data: { voted: false, question: { votes: 1 } } });
    // Counts reach everyone in the room.
    expect(await facilitator.next<QuestionView>("question:updated", (q) => q.id === third.id && q.votes === 2)).toMatchObject({ body: "Troisième question" });
    expect(await imane.next<QuestionView>("question:updated", (q) => q.id === second.id && q.votes === 2)).toMatchObject({ body: "Deuxième question" });

    const { client: observer, questions: seen } = await joinAs("observateur@majlis.test", 1);
    expect(groupQuestions(seen.questions).open.map((q) => q.body)).toEqual(["Deuxième question", "Troisième question", "Première question"]);
    expect(await observer.request("question:vote", { questionId: first.id, up: true })).toEqual({ ok: false, error: "forbidden" });

    expect(await facilitator.request("question:pin", { questionId: first.id, pinned: true })).toMatchObject({ ok: true, data: { pinned: true } });
    expect(await facilitator.request("question:answer", { questionId: second.id, answered: true })).toMatchObject({ ok: true, data: { answered: true } });
    expect(await rachid.next<QuestionView>("question:updated", (q) => q.id === second.id && q.answered)).toMatchObject({ votes: 2 });

    const { questions: after } = await joinAs("rachid.elmansouri@majlis.test", 1);
    const groups = groupQuestions(after.questions);
    expect(groups.open.map((q) => q.body)).toEqual(["Première question", "Troisième question"]);
    expect(groups.answered.map((q) => q.body)).toEqual(["Deuxième question"]);
    expect(after.myVotes).toEqual([second.id]);

    expect(await facilitator.request("question:answer", { questionId: second.id, answered: false })).toMatchObject({ ok: true, data: { answered: false } });
  });

  it("hides a question from participants only, and shows it again", async () => {
    const { client: facilitator } = await joinAs("facilitateur@majlis.test", 0);
    const { client: salma } = await joinAs("salma.bennani@majlis.test", 0);
    const { client: hicham } = await joinAs("hicham.ouazzani@majlis.test", 0);
    const question = await ask(salma, "Question hors sujet");
    await hicham.next("question:updated", (q: QuestionView) => q.id === question.id);

    expect(await facilitator.request("question:hide", { questionId: question.id, hidden: true })).toMatchObject({ ok: true, data: { hidden: true } });
    expect(await hicham.next("question:removed")).toEqual({ questionId: question.id });
    expect(await facilitator.next<QuestionView>("question:updated", (q) => q.id === question.id && q.hidden)).toMatchObject({ hidden: true });
    expect(hicham.events.some((e) => e.event === "question:updated" && (e.payload as QuestionView).hidden)).toBe(false);

    const { questions: participantView } = await joinAs("mehdi.berrada@majlis.test", 0);
    expect(participantView.questions.map((q) => q.id)).not.toContain(question.id);
    const { questions: facilitatorView } = await joinAs("organisatrice@majlis.test", 0);
    expect(facilitatorView.questions.find((q) => q.id === question.id)).toMatchObject({ hidden: true });
    expect(await hicham.request("question:vote", { questionId: question.id, up: true })).toEqual({ ok: false, error: "notFound" });

    // The room's projector, though opened by a facilitator, shows what participants see.
    const anonymous = await ask(salma, "Question anonyme pour l'écran", true);
    const projector = await live.connectAs("facilitateur@majlis.test");
    const shown = await projector.request<RoomSnapshot>("room:join", { workshopId: live.workshopId, room: live.sessions[0], display: true });
    const onScreen = shown.ok ? (shown.data.features.questions as QuestionsSnapshot).questions : [];
    expect(onScreen.map((q) => q.id)).not.toContain(question.id);
    expect(onScreen.find((q) => q.id === anonymous.id)).toMatchObject({ author: null });

    expect(await facilitator.request("question:hide", { questionId: question.id, hidden: false })).toMatchObject({ ok: true });
    expect(await hicham.next<QuestionView>("question:updated", (q) => q.id === question.id)).toMatchObject({ hidden: false, body: "Question hors sujet" });
  });

  it("refuses facilitators' events from participants, and questions of another room, changing nothing", async () => {
    const { client: facilitator } = await joinAs("facilitateur@majlis.test", 0);
    const { client: hicham } = await joinAs("hicham.ouazzani@majlis.test", 0);
    const { client: imane } = await joinAs("imane.kettani@majlis.test", 1);
    const mine = await ask(hicham, "Peut-on épingler sa propre question ?");
    const elsewhere = await ask(imane, "Question de la session 2");

    expect(await hicham.request("question:pin", { questionId: mine.id, pinned: true })).toEqual({ ok: false, error: "forbidden" });
    expect(await hicham.request("question:answer", { questionId: mine.id, answered: true })).toEqual({ ok: false, error: "forbidden" });
    expect(await hicham.request("question:hide", { questionId: mine.id, hidden: true })).toEqual({ ok: false, error: "forbidden" });
    expect(await getDb().question.findUniqueOrThrow({ where: { id: mine.id } })).toMatchObject({ pinned: false, hidden: false, answeredAt: null });

    expect(await facilitator.request("question:pin", { questionId: elsewhere.id, pinned: true })).toEqual({ ok: false, error: "notFound" });
    expect(await hicham.request("question:vote", { questionId: elsewhere.id, up: true })).toEqual({ ok: false, error: "notFound" });
    expect(await getDb().question.findUniqueOrThrow({ where: { id: elsewhere.id }, include: { votes: true } })).toMatchObject({ pinned: false, votes: [] });
  });

  it("refuses observers, malformed and oversized questions", async () => {
    const { client: observer } = await joinAs("observateur@majlis.test", 0);
    expect(await observer.request("question:ask", { clientId: clientId(), body: "Observateur", anonymous: false })).toEqual({ ok: false, error: "forbidden" });

    const { client: mehdi } = await joinAs("mehdi.berrada@majlis.test", 0);
    const bad = [
      { clientId: clientId(), body: "x".repeat(501), anonymous: false },
      { clientId: clientId(), body: "  ", anonymous: false },
      { clientId: clientId(), body: "Sans le choix d'anonymat" },
      { clientId: clientId(), body: "Anonymat mal formé", anonymous: "yes" },
      null,
    ];
    for (const payload of bad) expect(await mehdi.request("question:ask", payload)).toEqual({ ok: false, error: "invalidPayload" });
    expect(await mehdi.request("question:vote", { questionId: "x", up: "yes" })).toEqual({ ok: false, error: "invalidPayload" });
    expect(await mehdi.request("question:pin", { questionId: "x" })).toEqual({ ok: false, error: "invalidPayload" });
    expect(await mehdi.request("question:ask", { clientId: clientId(), body: "x".repeat(500), anonymous: false })).toMatchObject({ ok: true });
    expect(await getDb().question.count({ where: { body: { in: ["Observateur", "Sans le choix d'anonymat"] } } })).toBe(0);
  });
});
