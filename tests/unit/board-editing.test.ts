import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addElement, readElements } from "~/boards/document";
import { createElement, deleteElements, moveElements, setGroup, withDependents } from "~/boards/editing";

const ORIGIN = { test: true };

function board() {
  const doc = new Y.Doc();
  const section = addElement(doc, { type: "section", x: 0, y: 0, w: 600, h: 400, text: "Must" });
  const inside = createElement(doc, { type: "sticky", x: 40, y: 80, w: 160, h: 160, text: "Annuaire" }, "author-1", ORIGIN);
  const outside = createElement(doc, { type: "sticky", x: 900, y: 80, w: 160, h: 160, text: "Guichet" }, "author-1", ORIGIN);
  const link = createElement(doc, { type: "connector", from: inside, to: outside }, "author-1", ORIGIN);
  const byId = (id: string) => readElements(doc).find((element) => element.id === id);
  return { doc, section, inside, outside, link, byId };
}

describe("editing a board", () => {
  it("files a new note under the section it is dropped in, and stacks new elements on top", () => {
    const { section, inside, outside, byId } = board();
    expect(byId(inside)?.parentId).toBe(section);
    expect(byId(outside)?.parentId).toBeNull();
    expect(byId(outside)!.z).toBeGreaterThan(byId(inside)!.z);
    expect(byId(inside)?.authorId).toBe("author-1");
  });

  it("moves what sits in a section along with it, and re-files a note dragged out of its section", () => {
    const { doc, section, inside, outside, byId } = board();
    const elements = readElements(doc);
    expect(withDependents(elements, [section]).sort()).toEqual([section, inside].sort());
    moveElements(doc, withDependents(elements, [section]), 100, 50, ORIGIN);
    expect(byId(section)).toMatchObject({ x: 100, y: 50 });
    expect(byId(inside)).toMatchObject({ x: 140, y: 130, parentId: section });
    expect(byId(outside)).toMatchObject({ x: 900, y: 80 });

    moveElements(doc, [inside], 1_000, 0, ORIGIN);
    expect(byId(inside)?.parentId).toBeNull();
  });

  it("selects and moves a group together, until it is ungrouped", () => {
    const { doc, inside, outside, byId } = board();
    setGroup(doc, [inside, outside], true, ORIGIN);
    expect(withDependents(readElements(doc), [inside]).sort()).toEqual([inside, outside].sort());
    moveElements(doc, withDependents(readElements(doc), [inside]), 0, 10, ORIGIN);
    expect(byId(outside)?.y).toBe(90);
    setGroup(doc, [inside, outside], false, ORIGIN);
    expect(withDependents(readElements(doc), [inside])).toEqual([inside]);
  });

  it("deletes the connectors of a deleted note, and frees the notes of a deleted section", () => {
    const { doc, section, inside, outside, link, byId } = board();
    deleteElements(doc, [outside], ORIGIN);
    expect(byId(link)).toBeUndefined();
    deleteElements(doc, [section], ORIGIN);
    expect(byId(inside)?.parentId).toBeNull();
  });

  it("undoes one's own changes only", () => {
    const { doc, inside, byId } = board();
    const undo = new Y.UndoManager(doc.getMap("elements"), { trackedOrigins: new Set([ORIGIN]) });
    moveElements(doc, [inside], 10, 0, ORIGIN);
    undo.stopCapturing();
    // Someone else's change, arriving from the server.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const theirs = createElement(other, { type: "sticky", x: 300, y: 300, text: "Leur note" }, "author-2", { remote: true });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)));
    undo.undo();
    expect(byId(inside)?.x).toBe(40);
    expect(byId(theirs)?.text).toBe("Leur note");
  });
});
