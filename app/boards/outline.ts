import { sectionOf, sortSections, type BoardElement } from "./document";
import type { VotingState } from "./voting";

/**
 * The board read as a document (the outline view): sections in reading order, each with its notes and the other
 * things written in it, then what lies outside every section, then the links between elements.
 */
export interface OutlineGroup {
  /** Null for what is not in any section. */
  section: BoardElement | null;
  notes: BoardElement[];
  /** Texts and shapes with a label: short, but part of what the board says. */
  others: BoardElement[];
}

export interface OutlineLink {
  id: string;
  from: BoardElement;
  to: BoardElement;
}

export interface Outline {
  groups: OutlineGroup[];
  links: OutlineLink[];
}

const readingOrder = (a: BoardElement, b: BoardElement) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The same grouping as notesBySection (app/boards/document.ts), from the elements a page already holds. */
export function outlineOf(elements: BoardElement[]): Outline {
  const sections = sortSections(elements.filter((element) => element.type === "section"));
  const groups = new Map<string | null, OutlineGroup>();
  for (const section of sections) groups.set(section.id, { section, notes: [], others: [] });
  groups.set(null, { section: null, notes: [], others: [] });
  for (const element of elements) {
    const written = element.type === "text" || element.type === "shape";
    if (element.type !== "sticky" && !(written && element.text.trim())) continue;
    const group = groups.get(sectionOf(element, sections)?.id ?? null);
    (element.type === "sticky" ? group?.notes : group?.others)?.push(element);
  }
  for (const group of groups.values()) {
    group.notes.sort(readingOrder);
    group.others.sort(readingOrder);
  }
  const byId = new Map(elements.map((element) => [element.id, element]));
  const links = elements.flatMap((element) => {
    const from = element.type === "connector" && element.from ? byId.get(element.from) : undefined;
    const to = element.type === "connector" && element.to ? byId.get(element.to) : undefined;
    return from && to ? [{ id: element.id, from, to }] : [];
  });
  return { groups: [...groups.values()], links };
}

/** A note's text on one line, cut to fit in a button's name or an announcement. */
export function excerpt(text: string, max = 60): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** What a note shows of the board's dot voting: one's own dots while a round is open, everyone's once it closed. */
export type NoteVotes =
  | { kind: "open"; mine: number; canAdd: boolean; canRemove: boolean }
  | { kind: "closed"; count: number; voters: string[] | null }
  | null;

export function noteVotes(voting: Pick<VotingState, "round" | "myDots" | "dotsLeft" | "results"> | null, noteId: string): NoteVotes {
  if (!voting?.round) return null;
  if (voting.round.status === "OPEN") {
    const mine = voting.myDots[noteId] ?? 0;
    return { kind: "open", mine, canAdd: voting.dotsLeft > 0, canRemove: mine > 0 };
  }
  const result = voting.results?.find((candidate) => candidate.elementId === noteId);
  return { kind: "closed", count: result?.count ?? 0, voters: result?.voters ?? null };
}

/** Notes and sections that appeared or went, counted by kind, for one spoken summary of others' changes. */
export interface ChangeCounts {
  notesAdded: number;
  notesRemoved: number;
  sectionsAdded: number;
  sectionsRemoved: number;
}

export const NO_CHANGES: ChangeCounts = { notesAdded: 0, notesRemoved: 0, sectionsAdded: 0, sectionsRemoved: 0 };

export function countChange(counts: ChangeCounts, type: unknown, change: "added" | "removed"): ChangeCounts {
  if (type === "sticky") return change === "added" ? { ...counts, notesAdded: counts.notesAdded + 1 } : { ...counts, notesRemoved: counts.notesRemoved + 1 };
  if (type === "section") return change === "added" ? { ...counts, sectionsAdded: counts.sectionsAdded + 1 } : { ...counts, sectionsRemoved: counts.sectionsRemoved + 1 };
  return counts;
}
