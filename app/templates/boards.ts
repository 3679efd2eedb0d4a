import * as Y from "yjs";
import {
  addElement,
  DOCUMENT_SCHEMA_VERSION,
  metaOf,
  newElementId,
  readElements,
  type BoardElement,
  type Colour,
  type ElementType,
  type ShapeKind,
} from "~/boards/document";
import type { BoardTemplate } from "~/generated/prisma/enums";

/**
 * A board's structure is what its facilitators prepared for the work, as opposed to the work itself: sections
 * (frames), shapes, texts and the connectors between them. Sticky notes and freehand strokes are what participants
 * contributed, and authors and times say who did it and when: none of that goes into a template.
 */
export const STRUCTURE_TYPES = ["section", "shape", "text", "connector"] as const satisfies readonly ElementType[];
export type StructureType = (typeof STRUCTURE_TYPES)[number];

/** An element of a template's board. References (`ref`, `parent`, `from`, `to`, `group`) are local to the board. */
export interface StructureElement {
  ref: string;
  type: StructureType;
  x: number;
  y: number;
  w: number;
  h: number;
  z: number;
  colour: Colour;
  text: string;
  parent: string | null;
  group: string | null;
  shape: ShapeKind | null;
  from: string | null;
  to: string | null;
}

const isStructure = (element: BoardElement): element is BoardElement & { type: StructureType } => (STRUCTURE_TYPES as readonly string[]).includes(element.type);

/** The structure of a board's document, back to front; a connector is kept only when both its ends are. */
export function extractStructure(doc: Y.Doc): StructureElement[] {
  const candidates = readElements(doc).filter(isStructure);
  const anchors = new Set(candidates.filter((element) => element.type !== "connector").map((element) => element.id));
  const kept = candidates.filter(
    (element) => element.type !== "connector" || (element.from !== null && element.to !== null && anchors.has(element.from) && anchors.has(element.to))
  );
  const refs = new Map(kept.map((element, index) => [element.id, `e${index + 1}`]));
  const groups = new Map<string, string>();
  const refOf = (id: string | null) => (id === null ? null : refs.get(id) ?? null);
  const groupOf = (id: string | null) => {
    if (id === null) return null;
    if (!groups.has(id)) groups.set(id, `g${groups.size + 1}`);
    return groups.get(id) ?? null;
  };
  return kept.map((element) => ({
    ref: refs.get(element.id) ?? "",
    type: element.type,
    x: element.x,
    y: element.y,
    w: element.w,
    h: element.h,
    z: element.z,
    colour: element.colour,
    text: element.text,
    parent: refOf(element.parentId),
    group: groupOf(element.groupId),
    shape: element.type === "shape" ? element.shape : null,
    from: element.type === "connector" ? refOf(element.from) : null,
    to: element.type === "connector" ? refOf(element.to) : null,
  }));
}

/**
 * The first state of a board made from a template's structure, as a Yjs update: fresh element ids (a board of a new
 * workshop shares nothing with the one it was modelled on), written by the person who creates the workshop.
 */
export function structureState({ kind, elements, authorId }: { kind: BoardTemplate; elements: StructureElement[]; authorId: string }): Uint8Array {
  const doc = new Y.Doc();
  const ids = new Map(elements.map((element) => [element.ref, newElementId()]));
  const groups = new Map<string, string>();
  const idOf = (ref: string | null) => (ref === null ? null : ids.get(ref) ?? null);
  const groupOf = (ref: string | null) => {
    if (ref === null) return null;
    if (!groups.has(ref)) groups.set(ref, newElementId());
    return groups.get(ref) ?? null;
  };
  doc.transact(() => {
    const meta = metaOf(doc);
    meta.set("schemaVersion", DOCUMENT_SCHEMA_VERSION);
    meta.set("template", kind);
    for (const element of elements) {
      const { ref, parent, group, from, to, ...fields } = element;
      addElement(doc, { ...fields, authorId, parentId: idOf(parent), groupId: groupOf(group), from: idOf(from), to: idOf(to) }, ids.get(ref));
    }
  });
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}
