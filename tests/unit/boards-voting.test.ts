import { describe, expect, it } from "vitest";
import { encodeVotingChangedMessage, MessageType } from "~/boards/protocol";
import { VotingClient } from "~/boards/voting-client";
import { isVotable, rankResults, votingActionSchema, withPendingDots, type VotingState } from "~/boards/voting";
import { parseForm } from "~/utils/forms";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return parseForm(votingActionSchema, data);
};

const openState = (overrides: Partial<VotingState> = {}): VotingState => ({
  round: { id: "r1", question: null, dotsPerPerson: 3, anonymous: false, status: "OPEN", startedAt: "2026-01-01T10:00:00.000Z", closedAt: null },
  myDots: {},
  dotsLeft: 3,
  votersCount: 0,
  results: null,
  canManage: false,
  ...overrides,
});

describe("voting requests", () => {
  it("takes a round's settings as a form sends them", () => {
    expect(form({ intent: "start", question: "  Quelles priorités ?  ", dotsPerPerson: "5", anonymous: "on" })).toEqual({
      ok: true,
      data: { intent: "start", question: "Quelles priorités ?", dotsPerPerson: 5, anonymous: true },
    });
    expect(form({ intent: "start", question: " ", dotsPerPerson: "1" })).toEqual({
      ok: true,
      data: { intent: "start", question: undefined, dotsPerPerson: 1, anonymous: false },
    });
  });

  it("refuses dots outside 1–20, blank or not whole, with the message for each", () => {
    const dotsError = (dotsPerPerson: string) => {
      const result = form({ intent: "start", dotsPerPerson });
      return result.ok ? null : result.errors.dotsPerPerson;
    };
    expect(dotsError("0")).toEqual({ key: "errors:numberTooSmall", values: { min: 1 } });
    expect(dotsError("21")).toEqual({ key: "errors:numberTooBig", values: { max: 20 } });
    expect(dotsError("")).toEqual({ key: "errors:required" });
    expect(dotsError("2.5")).toEqual({ key: "errors:invalid" });
    expect(dotsError("beaucoup")).toEqual({ key: "errors:invalid" });
    const long = form({ intent: "start", dotsPerPerson: "3", question: "x".repeat(201) });
    expect(long.ok ? null : long.errors.question).toEqual({ key: "errors:tooLong", values: { max: 200 } });
  });

  it("needs the round and the element for a dot, and knows no other intent", () => {
    expect(form({ intent: "cast", roundId: "r1", elementId: "e1" })).toMatchObject({ ok: true, data: { intent: "cast", roundId: "r1", elementId: "e1" } });
    expect(form({ intent: "retract", roundId: "r1" }).ok).toBe(false);
    expect(form({ intent: "close", roundId: "" }).ok).toBe(false);
    expect(form({ intent: "delete", roundId: "r1" }).ok).toBe(false);
  });

  it("lets dots go on notes, text, shapes and sections only", () => {
    expect(["sticky", "text", "shape", "section"].every((type) => isVotable(type as never))).toBe(true);
    expect(isVotable("connector")).toBe(false);
    expect(isVotable("stroke")).toBe(false);
  });
});

describe("dots on their way", () => {
  it("show at once, never beyond the dots a person has, and a dot taken back frees one", () => {
    const state = openState({ myDots: { a: 1 }, dotsLeft: 2 });
    const shown = withPendingDots(state, [
      { kind: "cast", elementId: "b" },
      { kind: "cast", elementId: "b" },
      { kind: "cast", elementId: "c" },
      { kind: "retract", elementId: "a" },
      { kind: "retract", elementId: "z" },
    ]);
    expect(shown.myDots).toEqual({ b: 2 });
    expect(shown.dotsLeft).toBe(1);
    expect(state.myDots).toEqual({ a: 1 });
  });

  it("change nothing once the round is closed", () => {
    const closed = openState({ round: { ...openState().round!, status: "CLOSED" }, dotsLeft: 0 });
    expect(withPendingDots(closed, [{ kind: "cast", elementId: "a" }])).toBe(closed);
  });
});

describe("results", () => {
  const votes = [
    { elementId: "b", voterId: "u1", voterName: "Leila" },
    { elementId: "a", voterId: "u1", voterName: "Leila" },
    { elementId: "b", voterId: "u1", voterName: "Leila" },
    { elementId: "c", voterId: "u2", voterName: "Youssef" },
    { elementId: "a", voterId: "u3", voterName: "Ahmed" },
    { elementId: "b", voterId: "u4", voterName: "Ahmed" },
  ];

  it("rank elements by dots, ties in the same order for everyone, each voter named once", () => {
    expect(rankResults(votes, false)).toEqual([
      { elementId: "b", count: 3, voters: ["Ahmed", "Leila"] },
      { elementId: "a", count: 2, voters: ["Ahmed", "Leila"] },
      { elementId: "c", count: 1, voters: ["Youssef"] },
    ]);
  });

  it("name nobody in an anonymous round", () => {
    expect(rankResults(votes, true).map((result) => result.voters)).toEqual([null, null, null]);
  });
});

describe("the voting signal", () => {
  it("is one varuint, the message type 101", () => {
    expect(MessageType.VOTING_CHANGED).toBe(101);
    expect([...encodeVotingChangedMessage()]).toEqual([101]);
  });
});

/** A server stand-in: requests wait until the test answers them, in any order. */
function fakeServer() {
  const requests: Array<{ method: string; fields: Record<string, string>; answer(status: number, body: unknown): void; fail(): void }> = [];
  const fetchImpl = ((_path: string, init: RequestInit = {}) =>
    new Promise<Response>((resolve, reject) => {
      init.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
      requests.push({
        method: init.method ?? "GET",
        fields: Object.fromEntries(new URLSearchParams(init.body as URLSearchParams)),
        answer: (status, body) => resolve(new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } })),
        fail: () => reject(new TypeError("fetch failed")),
      });
    })) as typeof fetch;
  return { requests, fetchImpl };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the voting client", () => {
  async function loaded(state = openState()) {
    const server = fakeServer();
    const client = new VotingClient("/boards/b1/votes", server.fetchImpl);
    void client.refresh();
    server.requests.shift()!.answer(200, state);
    await settle();
    return { server, client };
  }

  it("sends requests one at a time in order, showing the dots before the answers", async () => {
    const { server, client } = await loaded();
    client.cast("a");
    client.cast("b");
    expect(client.getSnapshot()).toMatchObject({ pending: true, state: { myDots: { a: 1, b: 1 }, dotsLeft: 1 } });
    expect(server.requests.map((request) => request.fields)).toEqual([{ intent: "cast", roundId: "r1", elementId: "a" }]);

    server.requests.shift()!.answer(200, { ok: true, state: openState({ myDots: { a: 1 }, dotsLeft: 2, votersCount: 1 }) });
    await settle();
    expect(server.requests.map((request) => request.fields)).toEqual([{ intent: "cast", roundId: "r1", elementId: "b" }]);
    expect(client.getSnapshot().state).toMatchObject({ myDots: { a: 1, b: 1 }, dotsLeft: 1, votersCount: 1 });

    server.requests.shift()!.answer(200, { ok: true, state: openState({ myDots: { a: 1, b: 1 }, dotsLeft: 1, votersCount: 1 }) });
    await settle();
    expect(client.getSnapshot()).toMatchObject({ pending: false, error: null, state: { myDots: { a: 1, b: 1 }, dotsLeft: 1 } });
  });

  it("says no without asking when no dot is left, and shows the server's refusal otherwise", async () => {
    const { server, client } = await loaded(openState({ myDots: { a: 3 }, dotsLeft: 0 }));
    client.cast("b");
    expect(client.getSnapshot().error).toEqual({ key: "boards:voting.errors.noDotsLeft" });
    // It fetches the state again (it may be behind), and sends no vote.
    expect(server.requests.map((request) => request.method)).toEqual(["GET"]);
    server.requests.shift()!.answer(200, openState({ myDots: { a: 3 }, dotsLeft: 0 }));
    await settle();

    client.retract("a");
    expect(client.getSnapshot().error).toBeNull();
    server.requests.shift()!.answer(409, { ok: false, error: "boards:voting.errors.roundClosed" });
    await settle();
    expect(client.getSnapshot()).toMatchObject({ pending: false, error: { key: "boards:voting.errors.roundClosed" }, state: { myDots: { a: 3 } } });
    expect(server.requests.map((request) => request.method)).toEqual(["GET"]);
  });

  it("drops what waits when the connection fails, and says so", async () => {
    const { server, client } = await loaded();
    client.cast("a");
    client.cast("b");
    server.requests.shift()!.fail();
    await settle();
    expect(client.getSnapshot()).toMatchObject({ pending: false, error: { key: "boards:voting.errors.network" }, state: { myDots: {}, dotsLeft: 3 } });
    expect(server.requests.map((request) => request.method)).toEqual(["GET"]);
  });

  it("fetches again when a state it fetched may predate an answer, and keeps only the newest fetch", async () => {
    const { server, client } = await loaded();
    client.cast("a");
    void client.refresh();
    const [vote, firstLoad] = server.requests.splice(0);
    vote.answer(200, { ok: true, state: openState({ myDots: { a: 1 }, dotsLeft: 2, votersCount: 1 }) });
    await settle();
    firstLoad.answer(200, openState());
    await settle();
    expect(client.getSnapshot().state.myDots).toEqual({ a: 1 });
    const again = server.requests.shift()!;
    expect(again.method).toBe("GET");

    void client.refresh();
    server.requests.shift()!.answer(200, openState({ myDots: { a: 1 }, dotsLeft: 2, votersCount: 4 }));
    await settle();
    expect(client.getSnapshot().state.votersCount).toBe(4);
  });
});
