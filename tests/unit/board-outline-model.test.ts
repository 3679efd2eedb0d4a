import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addElement, COLOURS, elementsOf, notesBySection, readElements, SHAPE_KINDS, type BoardElement } from "~/boards/document";
import {
  addNoteToSection,
  createElement,
  deleteElementsRestorably,
  moveNoteToSection,
  restoreElements,
  saveTextDraft,
  setText,
  startTextDraft,
  STICKY_SIZE,
} from "~/boards/editing";
import { countChange, excerpt, NO_CHANGES, noteVotes, outlineOf } from "~/boards/outline";
import type { VotingState } from "~/boards/voting";
import { resources } from "~/i18n/resources";

const origin = { test: true };

function boardWithColumns() {
  const doc = new Y.Doc();
  const must = addElement(doc, { type: "section", text: "Must", x: 0, y: 0, w: 360, h: 400 });
  const should = addElement(doc, { type: "section", text: "Should", x: 400, y: 0, w: 360, h: 400 });
  return { doc, must, should };
}

const element = (doc: Y.Doc, id: string) => readElements(doc).find((candidate) => candidate.id === id)!;
const overlap = (a: BoardElement, b: BoardElement) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const inside = (note: BoardElement, section: BoardElement) => note.x >= section.x && note.y >= section.y && note.x + note.w <= section.x + section.w && note.y + note.h <= section.y + section.h;

/** Sends each document's changes to the other, as the board server would. */
function exchange(a: Y.Doc, b: Y.Doc) {
  const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, fromA);
  Y.applyUpdate(a, fromB);
}

const textOf = (doc: Y.Doc, id: string) => elementsOf(doc).get(id)?.get("text") as Y.Text;

function copyOf(doc: Y.Doc) {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

describe("adding and moving notes from the outline", () => {
  it("puts each new note inside its section, without covering another, and grows a full section", () => {
    const { doc, must } = boardWithColumns();
    const ids = Array.from({ length: 7 }, (_, index) => addNoteToSection(doc, { sectionId: must, text: `Note ${index}`, authorId: "u1" }, origin));
    const section = element(doc, must);
    const notes = ids.map((id) => element(doc, id));
    for (const note of notes) {
      expect(note).toMatchObject({ type: "sticky", parentId: must, authorId: "u1", w: STICKY_SIZE, h: STICKY_SIZE });
      expect(inside(note, section), note.text).toBe(true);
    }
    for (const [index, note] of notes.entries()) for (const other of notes.slice(index + 1)) expect(overlap(note, other), `${note.text} / ${other.text}`).toBe(false);
    // Two notes a row under the title: seven need four rows, more than the 400 units the section had.
    expect(section.h).toBeGreaterThan(400);
    expect(notesBySection(doc)[0]?.notes.map((note) => note.text)).toEqual(ids.map((_, index) => `Note ${index}`));
  });

  it("fills the gap a note left rather than piling up at the end", () => {
    const { doc, must } = boardWithColumns();
    const first = addNoteToSection(doc, { sectionId: must, text: "A", authorId: "u1" }, origin);
    addNoteToSection(doc, { sectionId: must, text: "B", authorId: "u1" }, origin);
    const firstPlace = element(doc, first);
    deleteElementsRestorably(doc, [first], origin);
    const third = addNoteToSection(doc, { sectionId: must, text: "C", authorId: "u1" }, origin);
    expect(element(doc, third)).toMatchObject({ x: firstPlace.x, y: firstPlace.y });
  });

  it("puts a note outside every section below everything, where no section catches it", () => {
    const { doc } = boardWithColumns();
    const id = addNoteToSection(doc, { sectionId: null, text: "Loose", authorId: "u1" }, origin);
    expect(element(doc, id).y).toBeGreaterThan(400);
    expect(notesBySection(doc).at(-1)).toMatchObject({ section: null, notes: [{ id }] });
  });

  it("moves a note into another section's free slot, and out of every section", () => {
    const { doc, must, should } = boardWithColumns();
    const kept = addNoteToSection(doc, { sectionId: should, text: "Already there", authorId: "u1" }, origin);
    const note = addNoteToSection(doc, { sectionId: must, text: "Travels", authorId: "u1" }, origin);
    moveNoteToSection(doc, { noteId: note, sectionId: should }, origin);
    const moved = element(doc, note);
    expect(moved.parentId).toBe(should);
    expect(inside(moved, element(doc, should))).toBe(true);
    expect(overlap(moved, element(doc, kept))).toBe(false);
    expect(outlineOf(readElements(doc)).groups.map((group) => group.notes.map((n) => n.text))).toEqual([[], ["Already there", "Travels"], []]);

    moveNoteToSection(doc, { noteId: note, sectionId: null }, origin);
    expect(element(doc, note).parentId).toBeNull();
    expect(outlineOf(readElements(doc)).groups.at(-1)?.notes.map((n) => n.text)).toEqual(["Travels"]);
  });
});

describe("editing a note's text while others edit it", () => {
  it("merges two people's concurrent changes to the same note", () => {
    const first = new Y.Doc();
    const id = addElement(first, { type: "sticky", text: "Simplifier les démarches" });
    const second = copyOf(first);
    setText(first, id, "Simplifier les démarches en ligne", origin);
    setText(second, id, "Vraiment simplifier les démarches", origin);
    exchange(first, second);
    expect(element(first, id).text).toBe("Vraiment simplifier les démarches en ligne");
    expect(element(second, id).text).toBe(element(first, id).text);
  });

  it("keeps what someone else wrote while a person's edit was still on their page", () => {
    const mine = new Y.Doc();
    const id = addElement(mine, { type: "sticky", text: "Un guichet pour tous" });
    const theirs = copyOf(mine);
    const draft = startTextDraft(mine, id);
    // Meanwhile, someone else types at both ends of the note; that reaches this page before the save.
    textOf(theirs, id).insert(0, "Vite : ");
    textOf(theirs, id).insert(textOf(theirs, id).length, " !");
    exchange(mine, theirs);
    saveTextDraft(mine, draft, "Un guichet unique pour toutes et tous", origin);
    exchange(mine, theirs);
    expect(element(mine, id).text).toBe("Vite : Un guichet unique pour toutes et tous !");
    expect(element(theirs, id).text).toBe(element(mine, id).text);
  });

  it("deletes only what the person deleted, not what others typed at its edges", () => {
    const mine = new Y.Doc();
    const id = addElement(mine, { type: "sticky", text: "abc XYZ def" });
    const theirs = copyOf(mine);
    const draft = startTextDraft(mine, id);
    textOf(theirs, id).insert(7, "]");
    textOf(theirs, id).insert(4, "[");
    exchange(mine, theirs);
    saveTextDraft(mine, draft, "abc  def", origin);
    expect(element(mine, id).text).toBe("abc [] def");
  });

  it("writes a person's text as typed when nobody else changed it, and handles a text written as a plain string", () => {
    const doc = new Y.Doc();
    const id = addElement(doc, { type: "sticky", text: "طلب منحة" });
    saveTextDraft(doc, startTextDraft(doc, id), "طلب منحة دراسية", origin);
    expect(element(doc, id).text).toBe("طلب منحة دراسية");
    elementsOf(doc).get(id)?.set("text", "plain");
    saveTextDraft(doc, startTextDraft(doc, id), "plain text", origin);
    expect(element(doc, id).text).toBe("plain text");
  });
});

describe("deleting a note so that it can be brought back", () => {
  it("restores the note and the links that went with it, under the same ids", () => {
    const { doc, must } = boardWithColumns();
    const note = addNoteToSection(doc, { sectionId: must, text: "Cause", authorId: "u1" }, origin);
    const other = addNoteToSection(doc, { sectionId: must, text: "Effet", authorId: "u2" }, origin);
    const link = createElement(doc, { type: "connector", from: note, to: other }, "u1", origin);
    const before = readElements(doc);
    const removed = deleteElementsRestorably(doc, [note], origin);
    expect(removed.map((element) => element.id).sort()).toEqual([note, link].sort());
    expect(readElements(doc).map((element) => element.id)).not.toContain(link);
    restoreElements(doc, removed, origin);
    expect(readElements(doc)).toEqual(before);
  });
});

describe("the outline of a board", () => {
  it("groups notes like the exports do, with the texts and labelled shapes of each section and the links", () => {
    const { doc, must, should } = boardWithColumns();
    const late = addElement(doc, { type: "sticky", text: "Lower", x: 10, y: 300, parentId: must });
    const early = addElement(doc, { type: "sticky", text: "Upper", x: 10, y: 60, parentId: must });
    addElement(doc, { type: "sticky", text: "Dropped on Should", x: 420, y: 60 });
    addElement(doc, { type: "text", text: "Priorité", x: 20, y: 10, w: 100, h: 30 });
    addElement(doc, { type: "shape", shape: "ellipse", text: "", x: 30, y: 100, w: 20, h: 20 });
    addElement(doc, { type: "shape", shape: "diamond", text: "Décision", x: 900, y: 900, w: 20, h: 20 });
    addElement(doc, { type: "connector", from: early, to: late });
    addElement(doc, { type: "connector", from: early, to: "gone" });

    const outline = outlineOf(readElements(doc));
    const exported = outline.groups.filter((group) => group.section || group.notes.length > 0);
    expect(exported.map((group) => ({ section: group.section?.id ?? null, notes: group.notes.map((note) => note.id) }))).toEqual(
      notesBySection(doc).map((group) => ({ section: group.section?.id ?? null, notes: group.notes.map((note) => note.id) })),
    );
    expect(outline.groups.map((group) => group.section?.id ?? null)).toEqual([must, should, null]);
    expect(outline.groups[0]?.others.map((other) => other.text)).toEqual(["Priorité"]);
    expect(outline.groups[2]?.others.map((other) => other.text)).toEqual(["Décision"]);
    expect(outline.links.map((l) => [l.from.text, l.to.text])).toEqual([["Upper", "Lower"]]);
  });

  it("keeps empty sections, so that notes can be added to them", () => {
    const { doc } = boardWithColumns();
    expect(outlineOf(readElements(doc)).groups.map((group) => [group.section?.text ?? null, group.notes.length])).toEqual([
      ["Must", 0],
      ["Should", 0],
      [null, 0],
    ]);
  });

  it("cuts a note's text to one line for the names of its buttons", () => {
    expect(excerpt("  Réduire\n les   délais  ")).toBe("Réduire les délais");
    expect(excerpt("a".repeat(80), 10)).toBe(`${"a".repeat(9)}…`);
  });

  it("shows one's own dots during a round and everyone's after it", () => {
    const round = { id: "r", question: null, dotsPerPerson: 3, anonymous: false, startedAt: "", closedAt: null };
    const open: VotingState = { round: { ...round, status: "OPEN" }, myDots: { n1: 2 }, dotsLeft: 1, votersCount: 1, results: null, canManage: false };
    expect(noteVotes(open, "n1")).toEqual({ kind: "open", mine: 2, canAdd: true, canRemove: true });
    expect(noteVotes({ ...open, dotsLeft: 0 }, "n2")).toEqual({ kind: "open", mine: 0, canAdd: false, canRemove: false });
    const closed: VotingState = { ...open, round: { ...round, status: "CLOSED" }, dotsLeft: 0, results: [{ elementId: "n1", count: 4, voters: ["Leila Amrani"] }] };
    expect(noteVotes(closed, "n1")).toEqual({ kind: "closed", count: 4, voters: ["Leila Amrani"] });
    expect(noteVotes(closed, "n2")).toEqual({ kind: "closed", count: 0, voters: null });
    expect(noteVotes(null, "n1")).toBeNull();
    expect(noteVotes({ ...open, round: null }, "n1")).toBeNull();
  });

  it("counts others' additions and deletions of notes and sections, and nothing else", () => {
    let counts = countChange(NO_CHANGES, "sticky", "added");
    counts = countChange(counts, "sticky", "added");
    counts = countChange(counts, "section", "removed");
    expect(countChange(counts, "stroke", "added")).toBe(counts);
    expect(counts).toEqual({ notesAdded: 2, notesRemoved: 0, sectionsAdded: 0, sectionsRemoved: 1 });
    expect(countChange(NO_CHANGES, undefined, "removed")).toBe(NO_CHANGES);
  });

  it("names every colour and shape in every language", () => {
    for (const language of ["fr", "en", "ar"] as const) {
      const { colours, shapes } = resources[language].boardEditor;
      for (const colour of COLOURS) expect(colours[colour], `${language} ${colour}`).toBeTruthy();
      for (const shape of SHAPE_KINDS) expect(shapes[shape], `${language} ${shape}`).toBeTruthy();
    }
  });
});
