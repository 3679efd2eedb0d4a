import { LANGUAGES } from "~/i18n/config";
import { resources } from "~/i18n/resources";
import { foldForSearch } from "~/utils/search-text";
import { countryNamesInAllLanguages } from "./countries";
import type { Figure, Resource } from "./fields";
import { isPracticeTheme } from "./themes";

/**
 * Search in the practice library. Practice.searchText keeps every searchable field folded once (foldForSearch: no
 * case, accents, harakat or Arabic letter variants), with the country's and the themes' names in every language of
 * the platform, so "Tunisie", "تونس" and "Tunisia" all find a practice run in TN. The query is folded the same way
 * and matched both as words (PostgreSQL full text: simple, French, English and Arabic stemming, so "compétence"
 * finds "compétences") and as substrings of words (so a half-typed "compét" or "كفاء" finds them too):
 * app/models/practice-search.server.ts.
 */
export const QUERY_MAX = 200;
/** Each word is one more condition in the query: a pasted page must not turn into a thousand of them. */
export const QUERY_WORDS_MAX = 12;

export interface SearchablePractice {
  title: string;
  problem: string;
  approach: string;
  results: string;
  figures: Figure[];
  resources: Resource[];
  country: string;
  themes: readonly string[];
  institutionName: string;
}

export function practiceSearchText(practice: SearchablePractice): string {
  const themeLabels = practice.themes.filter(isPracticeTheme).flatMap((theme) => LANGUAGES.map((language) => resources[language].practices.themes[theme]));
  return foldForSearch(
    [
      practice.title,
      practice.problem,
      practice.approach,
      practice.results,
      ...practice.figures.map((figure) => figure.label),
      ...practice.resources.map((resource) => resource.title),
      practice.institutionName,
      ...countryNamesInAllLanguages(practice.country),
      ...themeLabels,
    ].join("\n"),
  );
}

/** The query as the database gets it: at most QUERY_MAX characters of what was typed, folded like searchText. */
export function normaliseQuery(raw: string): string {
  return foldForSearch([...raw].slice(0, QUERY_MAX).join(""));
}

/** The words every one of which must appear in a practice for a substring match: letters and digits only. */
export function queryWords(query: string): string[] {
  const words = query.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 2);
  return [...new Set(words)].slice(0, QUERY_WORDS_MAX);
}

/** A word inside a LIKE pattern, its wildcards taken literally (with `ESCAPE '\'`). */
export function escapeLike(word: string): string {
  return word.replace(/[\\%_]/g, (character) => `\\${character}`);
}

export interface Snippet {
  /** Text before the snippet was left out. */
  before: boolean;
  parts: Array<{ text: string; match: boolean }>;
  after: boolean;
}

const SNIPPET_WORDS = 30;
const LEAD_WORDS = 8;

/** Whether a word of the text answers a word of the query, also in another form of it ("accompagnés" ~ "accompagnement"). */
function answers(word: string, queryWord: string): boolean {
  if (word.includes(queryWord)) return true;
  return queryWord.length >= 6 && word.startsWith(queryWord.slice(0, queryWord.length - 3));
}

/**
 * A few lines of the first text where the query appears (or of the first text), with the matching words marked, to
 * show under a search result.
 */
export function snippetOf(texts: readonly string[], query: string): Snippet {
  const words = queryWords(query);
  const tokenised = texts.map((text) => text.split(/\s+/).filter(Boolean)).filter((tokens) => tokens.length > 0);
  const isMatch = (token: string) => {
    const folded = foldForSearch(token);
    return folded !== "" && words.some((word) => answers(folded, word));
  };
  let tokens = tokenised[0] ?? [];
  let first = -1;
  for (const candidate of words.length > 0 ? tokenised : []) {
    first = candidate.findIndex(isMatch);
    if (first !== -1) {
      tokens = candidate;
      break;
    }
  }
  const start = first > LEAD_WORDS ? first - LEAD_WORDS : 0;
  const end = Math.min(tokens.length, start + SNIPPET_WORDS);
  const parts: Snippet["parts"] = [];
  tokens.slice(start, end).forEach((token, index) => {
    const match = words.length > 0 && isMatch(token);
    const last = parts.at(-1);
    const text = index === 0 ? token : ` ${token}`;
    if (last && last.match === match) last.text += text;
    else if (match && index > 0) {
      if (last) last.text += " ";
      parts.push({ text: token, match });
    } else parts.push({ text, match });
  });
  return { before: start > 0, parts, after: end < tokens.length };
}
