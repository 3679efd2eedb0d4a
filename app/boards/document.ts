import * as Y from "yjs";

/**
 * The shape of a board's Yjs document, shared by the server (templates, exports, authorship) and the board UI.
 *
 *   doc.getMap("meta")      schemaVersion: number, template: BoardTemplate name
 *   doc.getMap("elements")  element id → Y.Map with the fields of `ElementFields` below; `text` is a Y.Text so that
 *                           two people typing in the same note merge character by character.
 *
 * Coordinates are board units (1 unit = 1 CSS pixel at zoom 1), x growing to the inline end of a left-to-right
 * page, y downwards; `z` orders elements from back to front. Anyone with edit access can write anything into the
 * document, so every reader here checks each field and skips what does not fit, rather than trusting it.
 */
export const DOCUMENT_SCHEMA_VERSION = 1;

export const META_KEY = "meta";
export const ELEMENTS_KEY = "elements";

export const ELEMENT_TYPES = ["sticky", "text", "shape", "section", "connector", "stroke"] as const;
export type ElementType = (typeof ELEMENT_TYPES)[number];

export const SHAPE_KINDS = ["rectangle", "ellipse", "diamond", "triangle"] as const;
export type ShapeKind = (typeof SHAPE_KINDS)[number];

/** Named colours: the UI maps them to its palette (with enough contrast in light and dark themes). */
export const COLOURS = ["yellow", "orange", "pink", "purple", "blue", "green", "grey", "white"] as const;
export type Colour = (typeof COLOURS)[number];

export interface ElementFields {
  type: ElementType;
  x: number;
  y: number;
  w: number;
  h: number;
  z: number;
  colour: Colour;
  /** The person who created the element; the server rewrites it to the sender's id (see realtime/boards). */
  authorId: string | null;
  /** Creation time, milliseconds since the epoch. */
  createdAt: number;
  /** Sticky notes, text, shape labels, section titles. */
  text: string;
  /** The section (frame) an element was placed in. */
  parentId: string | null;
  /** Elements sharing a group id are selected and moved together. */
  groupId: string | null;
  /** For shapes. */
  shape: ShapeKind | null;
  /** For connectors: the ids of the elements they join. */
  from: string | null;
  to: string | null;
  /** For freehand strokes: x0, y0, x1, y1… relative to (x, y). */
  points: number[];
}

export interface BoardElement extends ElementFields {
  id: string;
}

export interface BoardMeta {
  schemaVersion: number;
  template: string | null;
}

/** 16 random bytes as URL-safe text; crypto.getRandomValues also works on plain-HTTP pages, unlike randomUUID. */
export function newElementId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** A document holding a stored state (a snapshot, a version), for reading. */
export function documentFromState(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

export function elementsOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(ELEMENTS_KEY);
}

export function metaOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(META_KEY);
}

/** Adds an element; fields left out get neutral defaults. Returns its id. */
export function addElement(doc: Y.Doc, fields: Partial<ElementFields> & Pick<ElementFields, "type">, id = newElementId()): string {
  const element = new Y.Map<unknown>();
  const { text = "", ...rest } = fields;
  const values: Omit<ElementFields, "text"> = {
    x: 0,
    y: 0,
    w: 200,
    h: 200,
    z: 0,
    colour: "yellow",
    authorId: null,
    createdAt: Date.now(),
    parentId: null,
    groupId: null,
    shape: null,
    from: null,
    to: null,
    points: [],
    ...rest,
  };
  doc.transact(() => {
    for (const [key, value] of Object.entries(values)) element.set(key, value);
    element.set("text", new Y.Text(text));
    elementsOf(doc).set(id, element);
  });
  return id;
}

const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T => typeof value === "string" && (list as readonly string[]).includes(value);
const finite = (value: unknown, fallback: number) => (typeof value === "number" && Number.isFinite(value) ? value : fallback);
const textOrNull = (value: unknown) => (typeof value === "string" ? value : null);

/** One element as plain data, or null when the entry is not an element this version understands. */
export function readElement(id: string, element: unknown): BoardElement | null {
  if (!(element instanceof Y.Map)) return null;
  const type = element.get("type");
  if (!isOneOf(ELEMENT_TYPES, type)) return null;
  const text = element.get("text");
  const points = element.get("points");
  const shape = element.get("shape");
  const colour = element.get("colour");
  return {
    id,
    type,
    x: finite(element.get("x"), 0),
    y: finite(element.get("y"), 0),
    w: Math.max(0, finite(element.get("w"), 0)),
    h: Math.max(0, finite(element.get("h"), 0)),
    z: finite(element.get("z"), 0),
    colour: isOneOf(COLOURS, colour) ? colour : "yellow",
    authorId: textOrNull(element.get("authorId")),
    createdAt: finite(element.get("createdAt"), 0),
    text: text instanceof Y.Text ? text.toString() : typeof text === "string" ? text : "",
    parentId: textOrNull(element.get("parentId")),
    groupId: textOrNull(element.get("groupId")),
    shape: isOneOf(SHAPE_KINDS, shape) ? shape : null,
    from: textOrNull(element.get("from")),
    to: textOrNull(element.get("to")),
    points: Array.isArray(points) ? points.filter((point): point is number => typeof point === "number" && Number.isFinite(point)) : [],
  };
}

/** Every element, back to front (then by id, so that every reader sees the same order). */
export function readElements(doc: Y.Doc): BoardElement[] {
  const elements: BoardElement[] = [];
  elementsOf(doc).forEach((element, id) => {
    const read = readElement(id, element);
    if (read) elements.push(read);
  });
  return elements.sort((a, b) => a.z - b.z || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function readMeta(doc: Y.Doc): BoardMeta {
  const meta = metaOf(doc);
  return { schemaVersion: finite(meta.get("schemaVersion"), 0), template: textOrNull(meta.get("template")) };
}

/** Reading order of sections: rows from the top, then along the row (columns of a template share their y). */
export function sortSections(sections: BoardElement[]): BoardElement[] {
  return [...sections].sort((a, b) => a.y - b.y || a.x - b.x);
}

/**
 * The section an element belongs to: the one it was placed in (parentId), else the topmost section containing its
 * centre, so that a note dropped on a frame by a client that did not set parentId still counts there.
 */
export function sectionOf(element: BoardElement, sections: BoardElement[]): BoardElement | null {
  if (element.parentId) {
    const parent = sections.find((section) => section.id === element.parentId);
    if (parent) return parent;
  }
  const cx = element.x + element.w / 2;
  const cy = element.y + element.h / 2;
  const containing = sections.filter((s) => cx >= s.x && cx <= s.x + s.w && cy >= s.y && cy <= s.y + s.h);
  return containing.sort((a, b) => b.z - a.z)[0] ?? null;
}

/** Sticky notes grouped by section in reading order (sections, then the notes outside any section last). */
export function notesBySection(doc: Y.Doc): Array<{ section: BoardElement | null; notes: BoardElement[] }> {
  const elements = readElements(doc);
  const sections = sortSections(elements.filter((element) => element.type === "section"));
  const groups = new Map<string | null, BoardElement[]>([...sections.map((s) => [s.id, []] as [string, BoardElement[]]), [null, []]]);
  for (const note of elements.filter((element) => element.type === "sticky")) {
    groups.get(sectionOf(note, sections)?.id ?? null)?.push(note);
  }
  const readingOrder = (a: BoardElement, b: BoardElement) => a.y - b.y || a.x - b.x;
  return [
    ...sections.map((section) => ({ section, notes: (groups.get(section.id) ?? []).sort(readingOrder) })),
    { section: null, notes: (groups.get(null) ?? []).sort(readingOrder) },
  ].filter((group) => group.section !== null || group.notes.length > 0);
}
