import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { normalizePollFields, normalizeVote, optionLines, pollOptionsProblem } from "~/live/polls";
import { tallyPoll } from "~/utils/poll-tally";
import { wordCloud, wordKey } from "~/utils/word-cloud";
import { Coalescer } from "../../realtime/live/coalesce";

const single = { kind: "SINGLE" as const, options: ["Oui", "Non", "Sans avis"], scaleMax: null };
const multiple = { ...single, kind: "MULTIPLE" as const };
const rating = { kind: "RATING" as const, options: [], scaleMax: 5 };
const open = { kind: "OPEN" as const, options: [], scaleMax: null };

describe("poll definitions", () => {
  it("requires 2 to 10 distinct options of at most 120 characters for choices only", () => {
    expect(pollOptionsProblem("SINGLE", ["Oui"])).toBe("optionsCount");
    expect(pollOptionsProblem("MULTIPLE", Array.from({ length: 11 }, (_, i) => `Option ${i}`))).toBe("optionsCount");
    expect(pollOptionsProblem("SINGLE", ["Oui", "x".repeat(121)])).toBe("optionTooLong");
    expect(pollOptionsProblem("SINGLE", ["Oui", "OUI"])).toBe("optionsDuplicate");
    expect(pollOptionsProblem("SINGLE", ["Oui", "Non"])).toBeNull();
    expect(pollOptionsProblem("RATING", [])).toBeNull();
    expect(pollOptionsProblem("OPEN", [])).toBeNull();
  });

  it("keeps only what a kind uses, with a scale of 5 by default", () => {
    expect(normalizePollFields({ question: "Q", kind: "RATING", options: ["a", "b"], anonymous: false })).toEqual({
      question: "Q",
      kind: "RATING",
      options: [],
      scaleMax: 5,
      anonymous: false,
    });
    expect(normalizePollFields({ question: "Q", kind: "SINGLE", options: ["a", "b"], scaleMax: 7, anonymous: true })).toMatchObject({
      options: ["a", "b"],
      scaleMax: null,
    });
  });

  it("reads options one per line, ignoring blank lines and spaces", () => {
    expect(optionLines("  Oui \r\n\n Non\n   \n")).toEqual(["Oui", "Non"]);
  });
});

describe("checking a vote against its poll", () => {
  it("single choice: exactly one existing option", () => {
    expect(normalizeVote(single, { choices: [1] })).toEqual({ choices: [1], text: null });
    expect(normalizeVote(single, { choices: [0, 1] })).toBeNull();
    expect(normalizeVote(single, { choices: [3] })).toBeNull();
    expect(normalizeVote(single, { choices: [-1] })).toBeNull();
    expect(normalizeVote(single, { choices: [] })).toBeNull();
    expect(normalizeVote(single, { choices: [1], text: "hello" })).toBeNull();
  });

  it("multiple choice: at least one, distinct, existing options, stored in order", () => {
    expect(normalizeVote(multiple, { choices: [2, 0] })).toEqual({ choices: [0, 2], text: null });
    expect(normalizeVote(multiple, { choices: [0, 0] })).toBeNull();
    expect(normalizeVote(multiple, { choices: [] })).toBeNull();
    expect(normalizeVote(multiple, { choices: [0, 5] })).toBeNull();
  });

  it("rating: one value on the scale", () => {
    expect(normalizeVote(rating, { choices: [5] })).toEqual({ choices: [5], text: null });
    expect(normalizeVote(rating, { choices: [0] })).toBeNull();
    expect(normalizeVote(rating, { choices: [6] })).toBeNull();
    expect(normalizeVote(rating, { choices: [3, 4] })).toBeNull();
  });

  it("open answer: a trimmed text of at most 80 characters", () => {
    expect(normalizeVote(open, { text: "  Mentorat  " })).toEqual({ choices: [], text: "Mentorat" });
    expect(normalizeVote(open, { text: "   " })).toBeNull();
    expect(normalizeVote(open, { text: "x".repeat(81) })).toBeNull();
    expect(normalizeVote(open, { choices: [0], text: "Mentorat" })).toBeNull();
  });
});

describe("tallying", () => {
  it("counts each option once per voter", () => {
    const votes = [{ choices: [0, 2], text: null }, { choices: [0], text: null }, { choices: [2, 2], text: null }];
    expect(tallyPoll(multiple, votes)).toEqual({ voters: 3, counts: [2, 0, 2], average: null, words: [] });
  });

  it("gives a rating's spread and mean", () => {
    const votes = [5, 4, 4, 1, 3, 3].map((value) => ({ choices: [value], text: null }));
    expect(tallyPoll(rating, votes)).toEqual({ voters: 6, counts: [1, 0, 2, 2, 1], average: 3.33, words: [] });
    expect(tallyPoll(rating, []).average).toBeNull();
  });

  it("turns open answers into a word cloud (on a tie, the spelling seen first)", () => {
    const votes = ["Mentorat", "mentorat et Réseaux", "réseaux"].map((text) => ({ choices: [], text }));
    const { voters, words } = tallyPoll(open, votes);
    expect(voters).toBe(3);
    expect(words.map(({ word, count }) => [word, count])).toEqual([
      ["Mentorat", 2],
      ["Réseaux", 2],
    ]);
  });
});

describe("word cloud", () => {
  it("groups words whatever their case and accents, in the spelling used most", () => {
    const words = wordCloud(["Réseau", "reseau", "RÉSEAU", "réseau", "Réseau"]);
    expect(words).toEqual([{ word: "Réseau", count: 5, weight: 1 }]);
  });

  it("groups Arabic words whatever their diacritics, hamza or tatweel", () => {
    expect(wordKey("أَمْن")).toBe(wordKey("امن"));
    expect(wordKey("إدارة")).toBe(wordKey("اداره"));
    expect(wordKey("الشبكـــة")).toBe(wordKey("الشبكة"));
    const words = wordCloud(["الشَّبَكة", "الشبكة", "الشبكة في المغرب"]);
    expect(words[0]).toEqual({ word: "الشبكة", count: 3, weight: 1 });
    expect(words.map((w) => w.word)).not.toContain("في");
  });

  it("drops the stop words of the three languages and single letters", () => {
    const words = wordCloud(["l'accompagnement des projets", "the support of projects", "دعم من المشاريع", "a b c"]);
    expect(words.map((w) => w.word).sort()).toEqual(["accompagnement", "projects", "projets", "support", "المشاريع", "دعم"].sort());
  });

  it("counts a word once per answer and weighs it against the most frequent", () => {
    const words = wordCloud(["emploi emploi emploi", "emploi formation", "formation", "emploi", "santé"]);
    expect(words).toEqual([
      { word: "emploi", count: 3, weight: 1 },
      { word: "formation", count: 2, weight: 0.67 },
      { word: "santé", count: 1, weight: 0.33 },
    ]);
  });

  it("keeps the most frequent words only", () => {
    const answers = Array.from({ length: 60 }, (_, i) => `mot${i} ${i < 5 ? "commun" : ""}`);
    const words = wordCloud(answers, 10);
    expect(words).toHaveLength(10);
    expect(words[0]).toMatchObject({ word: "commun", count: 5 });
  });
});

describe("coalescing result updates", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("sends once per interval however many votes come in, then again for later votes", async () => {
    const coalescer = new Coalescer(250, (error) => {
      throw error;
    });
    let state = 0;
    const sent: number[] = [];
    const send = async () => {
      sent.push(state);
    };
    for (let vote = 1; vote <= 50; vote += 1) {
      state = vote;
      coalescer.soon("poll", send);
      await vi.advanceTimersByTimeAsync(4);
    }
    await vi.advanceTimersByTimeAsync(250);
    // 50 votes over 200 ms: one send, carrying the final state.
    expect(sent).toEqual([50]);
    state = 51;
    coalescer.soon("poll", send);
    await vi.advanceTimersByTimeAsync(250);
    expect(sent).toEqual([50, 51]);
  });

  it("sends a status change at once, replacing the planned send", async () => {
    const coalescer = new Coalescer(250, () => {});
    const sent: string[] = [];
    coalescer.soon("poll", async () => void sent.push("planned"));
    await coalescer.now("poll", async () => void sent.push("closed"));
    await vi.advanceTimersByTimeAsync(500);
    expect(sent).toEqual(["closed"]);
  });

  it("never lets a slow earlier send arrive after a later one", async () => {
    const coalescer = new Coalescer(250, () => {});
    const sent: string[] = [];
    void coalescer.now("poll", () => new Promise<void>((resolve) => setTimeout(() => resolve(void sent.push("first")), 1000)));
    void coalescer.now("poll", async () => void sent.push("second"));
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toEqual(["first", "second"]);
  });
});
