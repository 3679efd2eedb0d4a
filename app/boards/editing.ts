import * as Y from "yjs";
import { addElement, elementsOf, readElements, sectionOf, sortSections, type BoardElement, type ElementFields } from "./document";

/**
 * The changes people make to a board, shared by the canvas and the outline so that both edit the document the same
 * way. Each runs in one transaction with the caller's `origin`, which is what the undo manager tracks: undo takes
 * back one's own changes only, never someone else's.
 */

export const STICKY_SIZE = 160;
const SLOT_GAP = 16;
/** Room left at the top of a section for its title. */
const SECTION_HEADER = 56;

export type EditableFields = Partial<Pick<ElementFields, "x" | "y" | "w" | "h" | "colour" | "shape" | "groupId" | "parentId" | "z">>;

function topZ(doc: Y.Doc): number {
  let top = 0;
  elementsOf(doc).forEach((element) => {
    const z = element.get("z");
    if (typeof z === "number" && Number.isFinite(z)) top = Math.max(top, z);
  });
  return top;
}

/** A new element above every other one, written by `authorId` (the server would correct anything else). */
export function createElement(doc: Y.Doc, fields: Partial<ElementFields> & Pick<ElementFields, "type">, authorId: string, origin: unknown): string {
  let id = "";
  doc.transact(() => {
    // Sections sit below what is placed on them.
    const z = fields.type === "section" ? Math.min(0, ...readElements(doc).map((element) => element.z)) - 1 : topZ(doc) + 1;
    id = addElement(doc, { z, ...fields, authorId });
    const created = readElements(doc).find((element) => element.id === id);
    if (created && created.type !== "section" && created.type !== "connector" && fields.parentId === undefined) {
      setParentFromPosition(doc, created);
    }
  }, origin);
  return id;
}

export function setFields(doc: Y.Doc, changes: Record<string, EditableFields>, origin: unknown) {
  doc.transact(() => {
    for (const [id, fields] of Object.entries(changes)) {
      const element = elementsOf(doc).get(id);
      if (!element) continue;
      for (const [key, value] of Object.entries(fields)) {
        if (element.get(key) !== value) element.set(key, value);
      }
    }
  }, origin);
}

/** A stroke's points, e.g. stretched when it was resized. */
export function setPoints(doc: Y.Doc, id: string, points: number[], origin: unknown) {
  doc.transact(() => elementsOf(doc).get(id)?.set("points", points), origin);
}

/**
 * Replaces an element's text with as small a change as possible (the common start and end are kept), so that
 * someone else typing elsewhere in the same note is not overwritten.
 */
export function setText(doc: Y.Doc, id: string, next: string, origin: unknown) {
  const element = elementsOf(doc).get(id);
  if (!element) return;
  doc.transact(() => {
    let text = element.get("text");
    if (!(text instanceof Y.Text)) {
      text = new Y.Text();
      element.set("text", text);
    }
    const yText = text as Y.Text;
    const current = yText.toString();
    if (current === next) return;
    let start = 0;
    while (start < current.length && start < next.length && current[start] === next[start]) start += 1;
    let end = 0;
    while (end < current.length - start && end < next.length - start && current[current.length - 1 - end] === next[next.length - 1 - end]) end += 1;
    const removed = current.length - start - end;
    if (removed > 0) yText.delete(start, removed);
    const inserted = next.slice(start, next.length - end);
    if (inserted) yText.insert(start, inserted);
  }, origin);
}

/** Deletes elements, the connectors attached to them, and frees what was placed in a deleted section. */
export function deleteElements(doc: Y.Doc, ids: string[], origin: unknown) {
  const doomed = new Set(ids);
  doc.transact(() => {
    for (const element of readElements(doc)) {
      if (element.type === "connector" && ((element.from && doomed.has(element.from)) || (element.to && doomed.has(element.to)))) doomed.add(element.id);
    }
    const elements = elementsOf(doc);
    for (const element of readElements(doc)) {
      if (!doomed.has(element.id) && element.parentId && doomed.has(element.parentId)) elements.get(element.id)?.set("parentId", null);
    }
    for (const id of doomed) elements.delete(id);
  }, origin);
}

/**
 * What moves along when these elements are moved: the rest of their groups, and whatever sits in a moved section.
 */
export function withDependents(elements: BoardElement[], ids: string[]): string[] {
  const chosen = new Set(ids);
  const groups = new Set(elements.filter((element) => chosen.has(element.id) && element.groupId).map((element) => element.groupId));
  for (const element of elements) if (element.groupId && groups.has(element.groupId)) chosen.add(element.id);
  const sections = elements.filter((element) => element.type === "section");
  const movedSections = new Set(sections.filter((section) => chosen.has(section.id)).map((section) => section.id));
  if (movedSections.size > 0) {
    for (const element of elements) {
      if (element.type === "section" || element.type === "connector") continue;
      const section = sectionOf(element, sections);
      if (section && movedSections.has(section.id)) chosen.add(element.id);
    }
  }
  return [...chosen];
}

/** Moves elements by (dx, dy), then files each moved element under the section it now sits in. */
export function moveElements(doc: Y.Doc, ids: string[], dx: number, dy: number, origin: unknown) {
  doc.transact(() => {
    const elements = readElements(doc);
    const moving = new Set(ids);
    for (const element of elements) {
      if (!moving.has(element.id) || element.type === "connector") continue;
      const map = elementsOf(doc).get(element.id);
      map?.set("x", element.x + dx);
      map?.set("y", element.y + dy);
    }
    for (const element of readElements(doc)) {
      if (moving.has(element.id) && element.type !== "section" && element.type !== "connector") setParentFromPosition(doc, element);
    }
  }, origin);
}

function setParentFromPosition(doc: Y.Doc, element: BoardElement) {
  const sections = readElements(doc).filter((candidate) => candidate.type === "section" && candidate.id !== element.id);
  // Judged by position only: the element's old parentId must not keep it in a section it was dragged out of.
  const section = sectionOf({ ...element, parentId: null }, sections);
  const parentId = section?.id ?? null;
  const map = elementsOf(doc).get(element.id);
  if (map && map.get("parentId") !== parentId) map.set("parentId", parentId);
}

/** Puts the elements in one group (or takes them out of theirs), so that they are selected and moved together. */
export function setGroup(doc: Y.Doc, ids: string[], grouped: boolean, origin: unknown) {
  const groupId = grouped ? `group-${ids.slice().sort()[0]}` : null;
  doc.transact(() => {
    for (const id of ids) elementsOf(doc).get(id)?.set("groupId", groupId);
  }, origin);
}

/**
 * Where a new note goes in a section: the first free slot of a grid laid under the title, reading from the
 * section's start; below the section's last row when it is full (the section grows to hold it).
 */
export function freeSlotInSection(elements: BoardElement[], section: BoardElement): { x: number; y: number } {
  const sections = sortSections(elements.filter((element) => element.type === "section"));
  const taken = elements.filter((element) => element.type !== "section" && element.type !== "connector" && sectionOf(element, sections)?.id === section.id);
  const columns = Math.max(1, Math.floor((section.w - SLOT_GAP) / (STICKY_SIZE + SLOT_GAP)));
  for (let slot = 0; ; slot += 1) {
    const x = section.x + SLOT_GAP + (slot % columns) * (STICKY_SIZE + SLOT_GAP);
    const y = section.y + SECTION_HEADER + Math.floor(slot / columns) * (STICKY_SIZE + SLOT_GAP);
    const overlaps = taken.some((element) => x < element.x + element.w && element.x < x + STICKY_SIZE && y < element.y + element.h && element.y < y + STICKY_SIZE);
    if (!overlaps) return { x, y };
  }
}

/** A sticky note added to a section from the outline (no pointer to say where): the next free slot. */
export function addNoteToSection(doc: Y.Doc, input: { sectionId: string | null; text: string; authorId: string; colour?: ElementFields["colour"] }, origin: unknown): string {
  const elements = readElements(doc);
  const section = input.sectionId ? elements.find((element) => element.id === input.sectionId && element.type === "section") : undefined;
  let position: { x: number; y: number };
  if (section) {
    position = freeSlotInSection(elements, section);
    const bottom = position.y + STICKY_SIZE + SLOT_GAP;
    if (bottom > section.y + section.h) setFields(doc, { [section.id]: { h: bottom - section.y } }, origin);
  } else {
    // Outside every section: below everything on the board, so that it never lands in one by accident.
    const lowest = elements.reduce((max, element) => Math.max(max, element.y + element.h), 0);
    position = { x: 0, y: lowest + SLOT_GAP * 2 };
  }
  return createElement(
    doc,
    { type: "sticky", text: input.text, colour: input.colour ?? "yellow", w: STICKY_SIZE, h: STICKY_SIZE, parentId: section?.id ?? null, ...position },
    input.authorId,
    origin,
  );
}

/** Moves a note into another section (or out of all of them), at that section's next free slot. */
export function moveNoteToSection(doc: Y.Doc, input: { noteId: string; sectionId: string | null }, origin: unknown) {
  const elements = readElements(doc).filter((element) => element.id !== input.noteId);
  const note = readElements(doc).find((element) => element.id === input.noteId);
  if (!note) return;
  const section = input.sectionId ? elements.find((element) => element.id === input.sectionId && element.type === "section") : undefined;
  doc.transact(() => {
    let position: { x: number; y: number };
    if (section) {
      position = freeSlotInSection(elements, section);
      const bottom = position.y + STICKY_SIZE + SLOT_GAP;
      if (bottom > section.y + section.h) elementsOf(doc).get(section.id)?.set("h", bottom - section.y);
    } else {
      const lowest = elements.reduce((max, element) => Math.max(max, element.y + element.h), 0);
      position = { x: 0, y: lowest + SLOT_GAP * 2 };
    }
    const map = elementsOf(doc).get(note.id);
    map?.set("x", position.x);
    map?.set("y", position.y);
    map?.set("parentId", section?.id ?? null);
  }, origin);
}

/**
 * A text as someone began to edit it away from the shared document (the outline's note and title fields), with a
 * bookmark at every position. Saved later, the change lands where those characters are by then: what others wrote
 * meanwhile stays, where setText alone would put back the text as it was when the editing began.
 */
export interface TextDraft {
  id: string;
  base: string;
  /** Per position of `base`: the character after it, and the character before it. */
  anchors: { after: Y.RelativePosition[]; before: Y.RelativePosition[] } | null;
}

export function startTextDraft(doc: Y.Doc, id: string): TextDraft {
  const text = elementsOf(doc).get(id)?.get("text");
  if (!(text instanceof Y.Text)) return { id, base: typeof text === "string" ? text : "", anchors: null };
  const base = text.toString();
  const positions = Array.from({ length: base.length + 1 }, (_, index) => index);
  return {
    id,
    base,
    anchors: {
      after: positions.map((index) => Y.createRelativePositionFromTypeIndex(text, index)),
      before: positions.map((index) => Y.createRelativePositionFromTypeIndex(text, index, -1)),
    },
  };
}

export function saveTextDraft(doc: Y.Doc, draft: TextDraft, next: string, origin: unknown) {
  const text = elementsOf(doc).get(draft.id)?.get("text");
  if (!draft.anchors || !(text instanceof Y.Text)) return setText(doc, draft.id, next, origin);
  const { base } = draft;
  let start = 0;
  while (start < base.length && start < next.length && base[start] === next[start]) start += 1;
  let end = 0;
  while (end < base.length - start && end < next.length - start && base[base.length - 1 - end] === next[next.length - 1 - end]) end += 1;
  const removedUpTo = base.length - end;
  const inserted = next.slice(start, next.length - end);
  if (removedUpTo === start && !inserted) return;
  // The removed stretch runs from the character after its start to the character before its end, so that text
  // others inserted at either edge stays.
  const from = Y.createAbsolutePositionFromRelativePosition(draft.anchors.after[start], doc);
  const to = removedUpTo > start ? Y.createAbsolutePositionFromRelativePosition(draft.anchors.before[removedUpTo], doc) : from;
  if (!from || !to || from.type !== text || to.type !== text) return setText(doc, draft.id, next, origin);
  doc.transact(() => {
    if (to.index > from.index) text.delete(from.index, to.index - from.index);
    if (inserted) text.insert(from.index, inserted);
  }, origin);
}

/** Deletes elements as deleteElements does, and returns what it changed as it was before, for restoreElements. */
export function deleteElementsRestorably(doc: Y.Doc, ids: string[], origin: unknown): BoardElement[] {
  const before = readElements(doc);
  deleteElements(doc, ids, origin);
  const after = new Map(readElements(doc).map((element) => [element.id, element]));
  return before.filter((element) => !after.has(element.id) || after.get(element.id)?.parentId !== element.parentId);
}

/**
 * Puts elements back as they were, under their own ids so that dots and links to them hold again. The server makes
 * the person restoring the author of a restored element (authorship follows who adds), unless it was theirs.
 */
export function restoreElements(doc: Y.Doc, elements: BoardElement[], origin: unknown) {
  doc.transact(() => {
    for (const { id, ...fields } of elements) {
      const existing = elementsOf(doc).get(id);
      if (!existing) addElement(doc, fields, id);
      else if (existing.get("parentId") !== fields.parentId) existing.set("parentId", fields.parentId);
    }
  }, origin);
}
