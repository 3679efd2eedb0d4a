import type { Language } from "~/i18n/config";
import { TITLE_MAX } from "./forms";
import { guessLanguage } from "./language";

/** A title under this length reads as a title; the full note still goes to the problem. */
const TITLE_SOFT_MAX = 120;

/** The first line of a note, cut at a word boundary when long. */
export function titleFrom(text: string): string {
  const line = text.trim().split(/\r?\n/)[0]?.trim() ?? "";
  if (line.length <= TITLE_SOFT_MAX) return line;
  const cut = line.slice(0, TITLE_SOFT_MAX);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > 40 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`.slice(0, TITLE_MAX);
}

/** The form's starting values from a board element (a section brings the notes placed in it). */
export function prefillFromElement(input: { text: string; notes: string[]; sessionId: string; fallbackLanguage: Language }) {
  const { text, notes, sessionId, fallbackLanguage } = input;
  const problem = [text.trim(), ...notes.map((note) => `• ${note.trim()}`)].filter(Boolean).join("\n");
  return {
    title: titleFrom(text || notes[0] || ""),
    problem,
    sessionId,
    language: guessLanguage([text, ...notes].join(" "), fallbackLanguage),
  };
}
