import { describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import type { MyVote, PollsSnapshot, PollView } from "~/live/polls";
import { PLENARY } from "~/live/protocol";
import { LiveClient, useLiveWorkshop } from "../support/live";

const live = useLiveWorkshop();
async function joinAs(email: string, room: string) {
  const { client, snapshot } = await live.joinAs(email, room);
  return { client, snapshot, polls: snapshot.features.polls as PollsSnapshot };
}

const FACILITATOR_S1 = "facilitateur@majlis.test";
const PARTICIPANTS_S1 = ["hicham.ouazzani@majlis.test", "salma.bennani@majlis.test", "mehdi.berrada@majlis.test"];

type PollUpdate = { poll: PollView };

async function createOpenPoll(facilitator: LiveClient, fields: Record<string, unknown>) {
  const ack = await facilitator.request<{ poll: PollView }>("poll:create", { anonymous: false, openNow: true, ...fields });
  if (!ack.ok) throw new Error(`poll:create refused: ${ack.error}`);
  return ack.data.poll;
}

/** The next update of this poll once it shows this many voters (updates are coalesced, so some may be skipped). */
const resultsWith = (client: LiveClient, pollId: string, voters: number) =>
  client.next<PollUpdate>("poll:updated", ({ poll }) => poll.id === pollId && poll.results.voters === voters).then(({ poll }) => poll);

describe("live polls", () => {
  it("single choice: created and opened live, answered, results reach everyone; a second answer replaces the first", async () => {
    const { client: facilitator } = await joinAs(FACILITATOR_S1, live.sessions[0]);
    const [hicham, salma] = await Promise.all(PARTICIPANTS_S1.slice(0, 2).map((email) => joinAs(email, live.sessions[0])));
    const poll = await createOpenPoll(facilitator, { question: "Faut-il un guichet unique ?", kind: "SINGLE", options: ["Oui", "Non", "Sans avis"] });
    expect(poll).toMatchObject({ status: "OPEN", kind: "SINGLE", results: { voters: 0, counts: [0, 0, 0] } });
    // Opened live: the participants see it without reloading.
    expect((await salma.client.next<PollUpdate>("poll:updated", ({ poll: p }) => p.id === poll.id)).poll.status).toBe("OPEN");

    expect(await hicham.client.request("poll:vote", { pollId: poll.id, choices: [0] })).toEqual({ ok: true, data: { vote: { choices: [0], text: null } } });
    expect((await salma.client.request("poll:vote", { pollId: poll.id, choices: [1] })).ok).toBe(true);
    expect((await resultsWith(facilitator, poll.id, 2)).results.counts).toEqual([1, 1, 0]);

    // Hicham changes his mind: still two voters, his answer moved.
    expect((await hicham.client.request("poll:vote", { pollId: poll.id, choices: [1] })).ok).toBe(true);
    const moved = await salma.client.next<PollUpdate>("poll:updated", ({ poll: p }) => p.id === poll.id && p.results.counts[1] === 2);
    expect(moved.poll.results).toEqual({ voters: 2, counts: [0, 2, 0], average: null, words: [] });
    expect(await getDb().pollVote.count({ where: { pollId: poll.id } })).toBe(2);

    // A reconnected phone gets its own answer back with the results.
    const again = await joinAs(PARTICIPANTS_S1[0], live.sessions[0]);
    expect(again.polls.myVotes[poll.id]).toEqual({ choices: [1], text: null } satisfies MyVote);
    expect(again.polls.polls.find((p) => p.id === poll.id)?.results.counts).toEqual([0, 2, 0]);
  });

  it("multiple choice, rating and open answers each give their own results", async () => {
    const { client: facilitator } = await joinAs(FACILITATOR_S1, live.sessions[0]);
    const voters = await Promise.all(PARTICIPANTS_S1.map((email) => joinAs(email, live.sessions[0])));

    const multiple = await createOpenPoll(facilitator, { question: "Quels services ?", kind: "MULTIPLE", options: ["Mentorat", "Financement", "Réseaux"] });
    for (const [index, choices] of [[0, 2], [2], [1, 2]].entries()) {
      expect((await voters[index].client.request("poll:vote", { pollId: multiple.id, choices })).ok).toBe(true);
    }
    expect((await resultsWith(facilitator, multiple.id, 3)).results.counts).toEqual([1, 1, 3]);

    const rating = await createOpenPoll(facilitator, { question: "Votre satisfaction ?", kind: "RATING", scaleMax: 4, options: ["ignored", "too"] });
    expect(rating).toMatchObject({ scaleMax: 4, options: [] });
    for (const [index, value] of [4, 3, 3].entries()) {
      expect((await voters[index].client.request("poll:vote", { pollId: rating.id, choices: [value] })).ok).toBe(true);
    }
    expect((await resultsWith(facilitator, rating.id, 3)).results).toMatchObject({ counts: [0, 0, 2, 1], average: 3.33 });

    const open = await createOpenPoll(facilitator, { question: "Un mot pour l'accompagnement ?", kind: "OPEN" });
    for (const [index, text] of ["Réseau de mentors", "le réseau", "Confiance"].entries()) {
      expect((await voters[index].client.request("poll:vote", { pollId: open.id, text })).ok).toBe(true);
    }
    const words = (await resultsWith(facilitator, open.id, 3)).results.words;
    expect(words[0]).toEqual({ word: "Réseau", count: 2, weight: 1 });
    expect(words.map((w) => w.word).sort()).toEqual(["Confiance", "Réseau", "mentors"].sort());
  });

  it("refuses answers that do not fit the poll, and answers once it is closed", async () => {
    const { client: facilitator } = await joinAs(FACILITATOR_S1, live.sessions[0]);
    const { client: voter } = await joinAs(PARTICIPANTS_S1[0], live.sessions[0]);
    const single = await createOpenPoll(facilitator, { question: "Oui ou non ?", kind: "SINGLE", options: ["Oui", "Non"] });
    const rating = await createOpenPoll(facilitator, { question: "Note ?", kind: "RATING" });

    expect(await voter.request("poll:vote", { pollId: single.id, choices: [2] })).toEqual({ ok: false, error: "invalidPayload" });
    expect(await voter.request("poll:vote", { pollId: single.id, choices: [0, 1] })).toEqual({ ok: false, error: "invalidPayload" });
    expect(await voter.request("poll:vote", { pollId: single.id, text: "Oui" })).toEqual({ ok: false, error: "invalidPayload" });
    expect(await voter.request("poll:vote", { pollId: single.id, choices: ["0"] })).toEqual({ ok: false, error: "invalidPayload" });
    expect(await voter.request("poll:vote", { pollId: rating.id, choices: [6] })).toEqual({ ok: false, error: "invalidPayload" });
    expect(await voter.request("poll:vote", { pollId: "nope", choices: [0] })).toEqual({ ok: false, error: "notFound" });
    expect(await getDb().pollVote.count({ where: { pollId: { in: [single.id, rating.id] } } })).toBe(0);

    expect((await voter.request("poll:vote", { pollId: single.id, choices: [0] })).ok).toBe(true);
    const closed = await facilitator.request<{ poll: PollView }>("poll:close", { pollId: single.id });
    expect(closed.ok && closed.data.poll).toMatchObject({ status: "CLOSED", results: { voters: 1, counts: [1, 0] } });
    expect(await voter.request("poll:vote", { pollId: single.id, choices: [1] })).toEqual({ ok: false, error: "pollClosed" });
    expect(await getDb().pollVote.findMany({ where: { pollId: single.id }, select: { choices: true } })).toEqual([{ choices: [0] }]);
    // The closed poll stays visible with its results, to everyone.
    const latecomer = await joinAs(PARTICIPANTS_S1[1], live.sessions[0]);
    expect(latecomer.polls.polls.find((p) => p.id === single.id)).toMatchObject({ status: "CLOSED", results: { counts: [1, 0] } });

    // Closing twice is harmless (a retry after a dropped connection); reopening lets people answer again.
    expect((await facilitator.request("poll:close", { pollId: single.id })).ok).toBe(true);
    expect((await facilitator.request("poll:open", { pollId: single.id })).ok).toBe(true);
    expect((await voter.request("poll:vote", { pollId: single.id, choices: [1] })).ok).toBe(true);
  });

  it("validates new polls: options for choices, lengths, kinds", async () => {
    const { client: facilitator } = await joinAs(FACILITATOR_S1, live.sessions[0]);
    const base = { question: "Question ?", kind: "SINGLE", options: ["A", "B"], anonymous: false, openNow: true };
    for (const payload of [
      { ...base, options: ["A"] },
      { ...base, options: ["A", "a"] },
      { ...base, options: Array.from({ length: 11 }, (_, i) => `Option ${i}`) },
      { ...base, options: ["A", "x".repeat(121)] },
      { ...base, question: "   " },
      { ...base, question: "x".repeat(301) },
      { ...base, kind: "RANKING" },
      { ...base, kind: "RATING", scaleMax: 11 },
      { ...base, openNow: "yes" },
      "not an object",
    ]) {
      expect(await facilitator.request("poll:create", payload)).toEqual({ ok: false, error: "invalidPayload" });
    }
    expect(await getDb().poll.count({ where: { workshopId: live.workshopId, question: "Question ?" } })).toBe(0);
  });

  it("lets only the room's facilitators create, open and close polls; observers follow without answering", async () => {
    const { client: facilitator } = await joinAs(FACILITATOR_S1, live.sessions[0]);
    const { client: participant } = await joinAs(PARTICIPANTS_S1[0], live.sessions[0]);
    const { client: observer, polls: observerView } = await joinAs("observateur@majlis.test", live.sessions[0]);
    const before = await getDb().poll.count({ where: { workshopId: live.workshopId } });

    expect(await participant.request("poll:create", { question: "Pirate ?", kind: "SINGLE", options: ["A", "B"], anonymous: false, openNow: true })).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect(await getDb().poll.count({ where: { workshopId: live.workshopId } })).toBe(before);

    const draft = await facilitator.request<{ poll: PollView }>("poll:create", { question: "Plus tard", kind: "OPEN", anonymous: false, openNow: false });
    if (!draft.ok) throw new Error(draft.error);
    expect(draft.data.poll.status).toBe("DRAFT");
    expect(await participant.request("poll:open", { pollId: draft.data.poll.id })).toEqual({ ok: false, error: "forbidden" });
    expect(await participant.request("poll:vote", { pollId: draft.data.poll.id, text: "Trop tôt" })).toEqual({ ok: false, error: "pollClosed" });
    expect((await getDb().poll.findUniqueOrThrow({ where: { id: draft.data.poll.id } })).status).toBe("DRAFT");
    expect(observerView.polls.every((poll) => poll.status !== "DRAFT")).toBe(true);

    const opened = await facilitator.request("poll:open", { pollId: draft.data.poll.id });
    expect(opened.ok).toBe(true);
    expect(await participant.request("poll:close", { pollId: draft.data.poll.id })).toEqual({ ok: false, error: "forbidden" });
    expect(await observer.request("poll:vote", { pollId: draft.data.poll.id, text: "Je regarde" })).toEqual({ ok: false, error: "forbidden" });
    expect(await getDb().pollVote.count({ where: { pollId: draft.data.poll.id } })).toBe(0);
    // The observer still follows the poll as it opens.
    expect((await observer.next<PollUpdate>("poll:updated", ({ poll }) => poll.id === draft.data.poll.id)).poll.status).toBe("OPEN");
  });

  it("keeps drafts between facilitators until they are opened", async () => {
    const { client: facilitator } = await joinAs(FACILITATOR_S1, live.sessions[0]);
    const { client: organiser } = await joinAs("organisatrice@majlis.test", live.sessions[0]);
    const { client: participant } = await joinAs(PARTICIPANTS_S1[1], live.sessions[0]);
    const ack = await facilitator.request<{ poll: PollView }>("poll:create", { question: "Brouillon", kind: "SINGLE", options: ["A", "B"], anonymous: false, openNow: false });
    if (!ack.ok) throw new Error(ack.error);
    await organiser.next<PollUpdate>("poll:updated", ({ poll }) => poll.id === ack.data.poll.id && poll.status === "DRAFT");
    await expect(participant.next<PollUpdate>("poll:updated", ({ poll }) => poll.id === ack.data.poll.id, 500)).rejects.toThrow();
    const organiserView = await joinAs("organisatrice@majlis.test", live.sessions[0]);
    expect(organiserView.polls.polls.some((poll) => poll.id === ack.data.poll.id)).toBe(true);
    const participantView = await joinAs(PARTICIPANTS_S1[2], live.sessions[0]);
    expect(participantView.polls.polls.some((poll) => poll.id === ack.data.poll.id)).toBe(false);
    // Closing a poll that never opened makes no sense: refused, nothing changes.
    expect(await facilitator.request("poll:close", { pollId: ack.data.poll.id })).toEqual({ ok: false, error: "invalidPayload" });
  });

  it("only touches polls of the room one has joined", async () => {
    const { client: facilitator } = await joinAs(FACILITATOR_S1, live.sessions[0]);
    const poll = await createOpenPoll(facilitator, { question: "Session 1 seulement", kind: "SINGLE", options: ["A", "B"] });
    const { client: organiserElsewhere } = await joinAs("organisatrice@majlis.test", live.sessions[1]);
    const { client: participantElsewhere } = await joinAs("imane.kettani@majlis.test", live.sessions[1]);
    const { client: inPlenary, polls: plenaryView } = await joinAs(PARTICIPANTS_S1[0], PLENARY);

    expect(await organiserElsewhere.request("poll:close", { pollId: poll.id })).toEqual({ ok: false, error: "notFound" });
    expect(await organiserElsewhere.request("poll:open", { pollId: poll.id })).toEqual({ ok: false, error: "notFound" });
    expect(await participantElsewhere.request("poll:vote", { pollId: poll.id, choices: [0] })).toEqual({ ok: false, error: "notFound" });
    expect(await inPlenary.request("poll:vote", { pollId: poll.id, choices: [0] })).toEqual({ ok: false, error: "notFound" });
    expect(plenaryView.polls.some((p) => p.id === poll.id)).toBe(false);
    expect((await getDb().poll.findUniqueOrThrow({ where: { id: poll.id } })).status).toBe("OPEN");
    expect(await getDb().pollVote.count({ where: { pollId: poll.id } })).toBe(0);
  });

  it("never sends who answered what: results are aggregates, anonymous or not", async () => {
    const { client: facilitator } = await joinAs(FACILITATOR_S1, live.sessions[0]);
    const voters = await Promise.all(PARTICIPANTS_S1.map((email) => joinAs(email, live.sessions[0])));
    const people = await getDb().user.findMany({ where: { email: { in: PARTICIPANTS_S1 } }, select: { id: true, name: true } });
    for (const anonymous of [true, false]) {
      const poll = await createOpenPoll(facilitator, { question: `Anonyme : ${anonymous}`, kind: "OPEN", anonymous });
      for (const [index, { client }] of voters.entries()) {
        expect((await client.request("poll:vote", { pollId: poll.id, text: `idée ${index}` })).ok).toBe(true);
      }
      const seen = JSON.stringify(await resultsWith(voters[0].client, poll.id, 3));
      for (const person of people) {
        expect(seen).not.toContain(person.name);
        expect(seen).not.toContain(person.id);
      }
    }
  });

  it("coalesces a burst of answers into a few updates that end on the final count", async () => {
    const { client: facilitator } = await joinAs(FACILITATOR_S1, live.sessions[0]);
    const emails = [...PARTICIPANTS_S1, "imane.kettani@majlis.test", "rachid.elmansouri@majlis.test", "participante@majlis.test"];
    const voters = await Promise.all(emails.map((email) => joinAs(email, live.sessions[0])));
    const poll = await createOpenPoll(facilitator, { question: "Rafale", kind: "RATING" });
    const updates: PollView[] = [];
    facilitator.socket.on("poll:updated", ({ poll: p }: PollUpdate) => void (p.id === poll.id && updates.push(p)));
    const acks = await Promise.all(voters.map(({ client }, index) => client.request("poll:vote", { pollId: poll.id, choices: [(index % 5) + 1] })));
    expect(acks.every((ack) => ack.ok)).toBe(true);
    await expect.poll(() => updates.at(-1)?.results.voters).toBe(emails.length);
    expect(updates.at(-1)?.results.counts).toEqual([2, 1, 1, 1, 1]);
    expect(updates.length).toBeLessThan(emails.length);
  });
});
