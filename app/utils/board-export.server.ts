import { documentFromState, notesBySection, readElements, readMeta } from "~/boards/document";
import type { Language } from "~/i18n/config";
import { translatorFor } from "~/i18n/i18n";
import { toCsv } from "./csv";

interface ExportedBoard {
  id: string;
  title: string;
  template: string;
  sessionId: string;
}

interface ExportedVersion {
  id: string;
  name: string;
  createdAt: Date;
}

/** The ids of every author named in a stored state, to resolve their names in one query. */
export function authorIdsOf(state: Uint8Array): string[] {
  const doc = documentFromState(state);
  const ids = readElements(doc).flatMap((element) => (element.authorId ? [element.authorId] : []));
  doc.destroy();
  return [...new Set(ids)];
}

/** A board (or one of its versions) as plain JSON: the elements as the document shape defines them, with names. */
export function boardJson(input: {
  board: ExportedBoard;
  sessionTitle: string | null;
  version: ExportedVersion | null;
  state: Uint8Array;
  authors: Map<string, string>;
  now?: Date;
}) {
  const { board, sessionTitle, version, state, authors, now = new Date() } = input;
  const doc = documentFromState(state);
  const result = {
    board: { ...board, sessionTitle },
    version: version ? { id: version.id, name: version.name, createdAt: version.createdAt.toISOString() } : null,
    exportedAt: now.toISOString(),
    meta: readMeta(doc),
    elements: readElements(doc).map((element) => ({
      ...element,
      authorName: element.authorId ? (authors.get(element.authorId) ?? null) : null,
    })),
  };
  doc.destroy();
  return result;
}

/**
 * The sticky notes as a spreadsheet: one row per note, sections in reading order, with the dots each note got in
 * the board's latest closed voting round (0 when none).
 */
export function notesCsv(input: { state: Uint8Array; language: Language; authors: Map<string, string>; votes: Map<string, number> }) {
  const { state, language, authors, votes } = input;
  const t = translatorFor(language);
  const doc = documentFromState(state);
  const rows = notesBySection(doc).flatMap(({ section, notes }) =>
    notes.map((note) => [
      note.text,
      note.authorId ? (authors.get(note.authorId) ?? "") : "",
      section ? section.text : t("boards:csv.noSection"),
      votes.get(note.id) ?? 0,
    ]),
  );
  doc.destroy();
  return toCsv([[t("boards:csv.text"), t("boards:csv.author"), t("boards:csv.section"), t("boards:csv.votes")], ...rows]);
}
