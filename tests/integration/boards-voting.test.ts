import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addElement, documentFromState } from "~/boards/document";
import type { VotingState } from "~/boards/voting";
import { getDb } from "~/db/client.server";
import { DEMO_PASSWORD } from "~/db/seed-demo.server";
import { translatorFor } from "~/i18n/i18n";
import { appendBoardUpdates, readBoardState } from "~/models/board-storage.server";
import { InProcessBoardBus } from "../../realtime/boards/bus";
import { createServer, loadServerBuild } from "../../realtime/server";
import { HttpClient, useApp } from "../support/app";
import { BoardClient, demoSessions, makeBoard, waitFor } from "../support/boards";
import { seedDemo } from "../support/demo";
import { parseCsv } from "../support/parse-csv";

const ORGANISER = "organisatrice@majlis.test";
const FACILITATOR_S1 = "facilitateur@majlis.test";
const FACILITATOR_S2 = "facilitatrice@majlis.test";
const PARTICIPANT = "participante@majlis.test";
const PEER = "pair@majlis.test";
const OBSERVER = "observateur@majlis.test";
const COMMITTEE = "comite@majlis.test";

const app = useApp();
let workshopId: string;
let sessionId: string;

beforeAll(async () => {
  workshopId = await seedDemo();
  [{ id: sessionId }] = await demoSessions(workshopId);
});

const clients: BoardClient[] = [];
afterEach(() => {
  for (const created of clients.splice(0)) created.destroy();
});

type Answer = { ok: true; state: VotingState } | { ok: false; error: string };

class Voter {
  constructor(
    readonly http: HttpClient,
    private readonly boardId: string,
  ) {}

  static async as(email: string, boardId: string) {
    const http = new HttpClient(app.url);
    await http.signIn(email, DEMO_PASSWORD);
    return new Voter(http, boardId);
  }

  async send(fields: Record<string, string>): Promise<{ status: number; body: Answer }> {
    const response = await this.http.post(`/boards/${this.boardId}/votes`, fields);
    return { status: response.status, body: (await response.json()) as Answer };
  }

  async state(): Promise<VotingState> {
    const response = await this.http.get(`/boards/${this.boardId}/votes`);
    expect(response.status).toBe(200);
    return (await response.json()) as VotingState;
  }

  start(settings: { dotsPerPerson: number; anonymous?: boolean; question?: string }) {
    return this.send({
      intent: "start",
      dotsPerPerson: String(settings.dotsPerPerson),
      question: settings.question ?? "",
      ...(settings.anonymous ? { anonymous: "on" } : {}),
    });
  }

  cast(roundId: string, elementId: string) {
    return this.send({ intent: "cast", roundId, elementId });
  }

  retract(roundId: string, elementId: string) {
    return this.send({ intent: "retract", roundId, elementId });
  }

  close(roundId: string) {
    return this.send({ intent: "close", roundId });
  }
}

/** A board with three notes, a section and a connector, stored the way the board server stores a change. */
async function votingBoard(title: string) {
  const boardId = await makeBoard({ workshopId, sessionId, actorEmail: FACILITATOR_S1, template: "BLANK", title });
  const doc = documentFromState(await readBoardState({ boardId }));
  const before = Y.encodeStateVector(doc);
  const ids = {
    guichet: addElement(doc, { type: "sticky", text: "Guichet unique", x: 0, y: 0 }),
    appli: addElement(doc, { type: "sticky", text: "تطبيق على الهاتف", x: 300, y: 0 }),
    suivi: addElement(doc, { type: "sticky", text: "Suivi du dossier", x: 600, y: 0 }),
    section: addElement(doc, { type: "section", text: "Idées", x: 0, y: 400, w: 800, h: 400 }),
    connector: addElement(doc, { type: "connector" }),
  };
  await appendBoardUpdates({ boardId, updates: [{ update: Y.encodeStateAsUpdate(doc, before), byUserId: null }] });
  return { boardId, ids };
}

const votesRecorded = (boardId: string) => getDb().boardVote.count({ where: { round: { boardId } } });

/** The message a refusal's key stands for, in French: it must be a real message, not the key itself. */
function french(key: string) {
  const message = translatorFor("fr")(key);
  expect(message).not.toBe(key);
  expect(message).not.toContain("voting.errors");
  return message;
}

async function openRound(boardId: string, settings: { dotsPerPerson: number; anonymous?: boolean; question?: string }) {
  const started = await (await Voter.as(FACILITATOR_S1, boardId)).start(settings);
  expect(started.status).toBe(200);
  if (!started.body.ok || !started.body.state.round) throw new Error("the round did not start");
  return started.body.state.round.id;
}

describe("a dot-voting round", () => {
  let board: Awaited<ReturnType<typeof votingBoard>>;
  let roundId: string;

  beforeAll(async () => {
    board = await votingBoard("Priorités");
  });

  it("is started by the session's facilitator, who sees it open with its settings", async () => {
    const facilitator = await Voter.as(FACILITATOR_S1, board.boardId);
    expect(await facilitator.state()).toMatchObject({ round: null, canManage: true, results: null });
    const started = await facilitator.start({ dotsPerPerson: 2, question: "Quelles fonctionnalités en premier ?" });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({
      ok: true,
      state: {
        round: { question: "Quelles fonctionnalités en premier ?", dotsPerPerson: 2, anonymous: false, status: "OPEN", closedAt: null },
        dotsLeft: 2,
        votersCount: 0,
        results: null,
        canManage: true,
      },
    });
    roundId = started.body.ok ? started.body.state.round!.id : "";
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { subjectId: roundId } });
    expect(audit).toMatchObject({ workshopId, action: "board.startVoteRound", subjectType: "BoardVoteRound" });
  });

  it("refuses a second round while one is open", async () => {
    const second = await (await Voter.as(ORGANISER, board.boardId)).start({ dotsPerPerson: 5 });
    expect(second).toEqual({ status: 409, body: { ok: false, error: "boards:voting.errors.roundOpen" } });
    expect(await getDb().boardVoteRound.count({ where: { boardId: board.boardId } })).toBe(1);
  });

  it("lets a participant give up to their dots, several on one element, and refuses the next with its message", async () => {
    const participant = await Voter.as(PARTICIPANT, board.boardId);
    expect(await participant.state()).toMatchObject({ round: { id: roundId, status: "OPEN" }, myDots: {}, dotsLeft: 2, canManage: false });
    expect((await participant.cast(roundId, board.ids.guichet)).body).toMatchObject({ ok: true, state: { myDots: { [board.ids.guichet]: 1 }, dotsLeft: 1 } });
    const second = await participant.cast(roundId, board.ids.guichet);
    expect(second.body).toMatchObject({ ok: true, state: { myDots: { [board.ids.guichet]: 2 }, dotsLeft: 0, votersCount: 1, results: null } });

    const third = await participant.cast(roundId, board.ids.appli);
    expect(third).toEqual({ status: 409, body: { ok: false, error: "boards:voting.errors.noDotsLeft" } });
    expect(french("boards:voting.errors.noDotsLeft")).toMatch(/tous vos points/);
    expect(await votesRecorded(board.boardId)).toBe(2);
  });

  it("lets a participant take back a dot of their own and place it elsewhere, not one they do not have", async () => {
    const participant = await Voter.as(PARTICIPANT, board.boardId);
    expect((await participant.retract(roundId, board.ids.guichet)).body).toMatchObject({ ok: true, state: { myDots: { [board.ids.guichet]: 1 }, dotsLeft: 1 } });
    expect((await participant.cast(roundId, board.ids.section)).body).toMatchObject({ ok: true, state: { dotsLeft: 0 } });
    expect(await participant.retract(roundId, board.ids.appli)).toEqual({ status: 409, body: { ok: false, error: "boards:voting.errors.noDotHere" } });
    expect(await votesRecorded(board.boardId)).toBe(2);
  });

  it("counts each dot once when one person sends many at the same moment", async () => {
    const peer = await Voter.as(PEER, board.boardId);
    const answers = await Promise.all(Array.from({ length: 6 }, () => peer.cast(roundId, board.ids.suivi)));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(2);
    expect(answers.filter((answer) => answer.status === 409).every((answer) => !answer.body.ok && answer.body.error === "boards:voting.errors.noDotsLeft")).toBe(true);
    expect(await votesRecorded(board.boardId)).toBe(4);
    expect((await peer.state()).votersCount).toBe(2);
  });

  it("refuses dots from observers and committee members, who follow the board read-only", async () => {
    for (const email of [OBSERVER, COMMITTEE]) {
      const viewer = await Voter.as(email, board.boardId);
      expect(await viewer.state()).toMatchObject({ round: { id: roundId }, canManage: false });
      expect(await viewer.cast(roundId, board.ids.appli)).toEqual({ status: 403, body: { ok: false, error: "boards:voting.errors.readOnly" } });
    }
    french("boards:voting.errors.readOnly");
    expect(await votesRecorded(board.boardId)).toBe(4);
  });

  it("refuses dots on an element that does not exist, or that cannot receive dots", async () => {
    const facilitator = await Voter.as(FACILITATOR_S1, board.boardId);
    expect(await facilitator.cast(roundId, "no-such-element")).toEqual({ status: 409, body: { ok: false, error: "boards:voting.errors.unknownElement" } });
    expect(await facilitator.cast(roundId, board.ids.connector)).toEqual({ status: 409, body: { ok: false, error: "boards:voting.errors.notVotable" } });
    expect(await facilitator.cast("another-round", board.ids.appli)).toEqual({ status: 409, body: { ok: false, error: "boards:voting.errors.roundClosed" } });
    expect(await votesRecorded(board.boardId)).toBe(4);
  });

  it("cannot be closed by a participant, nor by the facilitator of another session", async () => {
    for (const email of [PARTICIPANT, FACILITATOR_S2]) {
      const voter = await Voter.as(email, board.boardId);
      expect(await voter.close(roundId)).toEqual({ status: 403, body: { ok: false, error: "boards:voting.errors.forbidden" } });
      expect((await voter.start({ dotsPerPerson: 3 })).status).toBe(403);
    }
    expect((await getDb().boardVoteRound.findUniqueOrThrow({ where: { id: roundId } })).status).toBe("OPEN");
  });

  it("answers a malformed request with 400 and the field's message, changing nothing", async () => {
    const facilitator = await Voter.as(FACILITATOR_S1, board.boardId);
    expect(await facilitator.send({ intent: "cast", roundId })).toEqual({ status: 400, body: { ok: false, error: "errors:required" } });
    expect(await facilitator.send({ intent: "vote", roundId })).toMatchObject({ status: 400, body: { ok: false } });
    expect(await votesRecorded(board.boardId)).toBe(4);
  });

  it("shows the results once closed, most dots first, naming the voters of a round that is not anonymous", async () => {
    const participant = await Voter.as(PARTICIPANT, board.boardId);
    expect((await participant.state()).results).toBeNull();
    const closed = await (await Voter.as(FACILITATOR_S1, board.boardId)).close(roundId);
    expect(closed.body).toMatchObject({ ok: true, state: { round: { status: "CLOSED" }, dotsLeft: 0 } });
    expect((await getDb().auditLog.findFirstOrThrow({ where: { subjectId: roundId, action: "board.closeVoteRound" } })).data).toMatchObject({ votes: 4, voters: 2 });

    const seen = await participant.state();
    expect(seen.round).toMatchObject({ id: roundId, status: "CLOSED" });
    expect(seen.round?.closedAt).not.toBeNull();
    expect(seen.votersCount).toBe(2);
    expect(seen.results).toEqual([
      { elementId: board.ids.suivi, count: 2, voters: ["Ahmed Ben Salah"] },
      ...[
        { elementId: board.ids.guichet, count: 1, voters: ["Leila Amrani"] },
        { elementId: board.ids.section, count: 1, voters: ["Leila Amrani"] },
      ].sort((a, b) => (a.elementId < b.elementId ? -1 : 1)),
    ]);
    expect((await (await Voter.as(OBSERVER, board.boardId)).state()).results).toEqual(seen.results);
    expect(await participant.cast(roundId, board.ids.appli)).toEqual({ status: 409, body: { ok: false, error: "boards:voting.errors.roundClosed" } });
  });

  it("adds the latest closed round's dots to the notes CSV, 0 for the others", async () => {
    const response = await (await Voter.as(OBSERVER, board.boardId)).http.get(`/boards/${board.boardId}/notes.csv`);
    expect(response.status).toBe(200);
    const rows = parseCsv(new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer()).slice(1));
    expect(rows[0]).toEqual(["Texte", "Auteur", "Section", "Votes"]);
    expect(Object.fromEntries(rows.slice(1).map((row) => [row[0], row[3]]))).toEqual({ "Guichet unique": "1", "تطبيق على الهاتف": "0", "Suivi du dossier": "2" });
  });
});

describe("an anonymous round", () => {
  it("shows counts only, to everyone, the facilitators included", async () => {
    const { boardId, ids } = await votingBoard("Anonyme");
    const roundId = await openRound(boardId, { dotsPerPerson: 3, anonymous: true });
    const participant = await Voter.as(PARTICIPANT, boardId);
    await participant.cast(roundId, ids.appli);
    await participant.cast(roundId, ids.appli);
    await (await Voter.as(PEER, boardId)).cast(roundId, ids.guichet);
    const whileOpen = await (await Voter.as(FACILITATOR_S1, boardId)).state();
    expect(whileOpen).toMatchObject({ myDots: {}, dotsLeft: 3, votersCount: 2, results: null });

    await (await Voter.as(FACILITATOR_S1, boardId)).close(roundId);
    for (const email of [FACILITATOR_S1, ORGANISER, PARTICIPANT, OBSERVER]) {
      const response = await (await Voter.as(email, boardId)).http.get(`/boards/${boardId}/votes`);
      const text = await response.text();
      expect(text).not.toContain("Leila Amrani");
      expect(text).not.toContain("Ahmed Ben Salah");
      const state = JSON.parse(text) as VotingState;
      expect(state.round).toMatchObject({ anonymous: true, status: "CLOSED" });
      expect(state.results).toEqual([
        { elementId: ids.appli, count: 2, voters: null },
        { elementId: ids.guichet, count: 1, voters: null },
      ]);
    }
    // The person's own dots stay visible to them.
    expect((await participant.state()).myDots).toEqual({ [ids.appli]: 2 });
  });

  it("gives one round to two facilitators who start at the same moment", async () => {
    const { boardId } = await votingBoard("Course");
    const [facilitator, organiser] = await Promise.all([Voter.as(FACILITATOR_S1, boardId), Voter.as(ORGANISER, boardId)]);
    const answers = await Promise.all([facilitator.start({ dotsPerPerson: 3 }), organiser.start({ dotsPerPerson: 4 })]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(await getDb().boardVoteRound.count({ where: { boardId, status: "OPEN" } })).toBe(1);
  });
});

describe("access to the votes", () => {
  it("is like the board's: 404 for an unknown board, 403 outside the workshop, sign-in first", async () => {
    const { boardId } = await votingBoard("Accès");
    const participant = await Voter.as(PARTICIPANT, "no-such-board");
    expect((await participant.http.get("/boards/no-such-board/votes")).status).toBe(404);
    expect(await participant.start({ dotsPerPerson: 3 })).toEqual({ status: 404, body: { ok: false, error: "boards:voting.errors.notFound" } });

    const hicham = await getDb().user.findUniqueOrThrow({ where: { email: "hicham.ouazzani@majlis.test" }, select: { passwordHash: true } });
    await getDb().user.create({ data: { email: "votes-exterieur@majlis.test", name: "Personne extérieure", passwordHash: hicham.passwordHash } });
    const outsider = await Voter.as("votes-exterieur@majlis.test", boardId);
    expect((await outsider.http.get(`/boards/${boardId}/votes`)).status).toBe(403);
    expect((await outsider.start({ dotsPerPerson: 3 })).status).toBe(403);

    const anonymous = await new HttpClient(app.url).get(`/boards/${boardId}/votes`);
    expect(anonymous.status).toBe(302);
    expect(await getDb().boardVoteRound.count({ where: { boardId } })).toBe(0);
  });
});

describe("the live signal", () => {
  it("tells every client with the board open to fetch the votes again after each change", async () => {
    const { boardId, ids } = await votingBoard("Signal");
    const observer = new BoardClient(app.url, boardId, await BoardClient.signIn(app.url, OBSERVER));
    const participantClient = new BoardClient(app.url, boardId, await BoardClient.signIn(app.url, PARTICIPANT));
    clients.push(observer, participantClient);
    await Promise.all([observer.synced(), participantClient.synced()]);
    const before = observer.votingSignals;

    const roundId = await openRound(boardId, { dotsPerPerson: 2 });
    await waitFor(() => observer.votingSignals === before + 1, "the signal after the round started");
    await (await Voter.as(PARTICIPANT, boardId)).cast(roundId, ids.guichet);
    await waitFor(() => observer.votingSignals === before + 2 && participantClient.votingSignals === before + 2, "the signal after a dot, to everyone");

    // A refusal changes nothing, so it says nothing.
    await (await Voter.as(OBSERVER, boardId)).cast(roundId, ids.guichet);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(observer.votingSignals).toBe(before + 2);
  });

  it("reaches the clients of another server process through the bus", async () => {
    const bus = new InProcessBoardBus();
    const build = await loadServerBuild();
    const first = await createServer({ port: 0, host: "127.0.0.1", build, mode: "production", boards: { bus } });
    const second = await createServer({ port: 0, host: "127.0.0.1", build, mode: "production", boards: { bus } });
    try {
      const { boardId, ids } = await votingBoard("Deux nœuds");
      const elsewhere = new BoardClient(second.url, boardId, await BoardClient.signIn(second.url, OBSERVER));
      clients.push(elsewhere);
      await elsewhere.synced();
      const before = elsewhere.votingSignals;

      const facilitator = new HttpClient(first.url);
      await facilitator.signIn(FACILITATOR_S1, DEMO_PASSWORD);
      const started = await facilitator.post(`/boards/${boardId}/votes`, { intent: "start", dotsPerPerson: "1" });
      expect(started.status).toBe(200);
      await waitFor(() => elsewhere.votingSignals === before + 1, "the signal on the other node");
      const roundId = ((await started.json()) as { state: VotingState }).state.round!.id;
      expect((await facilitator.post(`/boards/${boardId}/votes`, { intent: "cast", roundId, elementId: ids.appli })).status).toBe(200);
      await waitFor(() => elsewhere.votingSignals === before + 2, "the signal after a dot on the other node");
    } finally {
      for (const created of clients.splice(0)) created.destroy();
      // One after the other: each close ends with releasing the shared pool, which the other still needs.
      await first.close();
      await second.close();
    }
  });
});
