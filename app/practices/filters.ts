import { z } from "zod";
import { LANGUAGES } from "~/i18n/config";
import { isCountryCode } from "./countries";
import { QUERY_MAX } from "./search";
import { PRACTICE_THEMES } from "./themes";

/**
 * The library's search and filters, read from the address (a GET form: a search can be shared, bookmarked and run
 * without JavaScript, and the CSV export takes the same parameters). Anything unknown is ignored, never an error.
 */
export const PAGE_SIZE = 20;

const filtersSchema = z.object({
  q: z.string().transform((value) => [...value].slice(0, QUERY_MAX).join("")).catch(""),
  theme: z.enum(PRACTICE_THEMES).optional().catch(undefined),
  country: z.string().refine(isCountryCode).optional().catch(undefined),
  institution: z.string().min(1).max(64).optional().catch(undefined),
  language: z.enum(LANGUAGES).optional().catch(undefined),
  /** "mine": the viewer's institution's practices in every state (drafts, pending, rejected). */
  scope: z.enum(["mine"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export type LibraryFilters = z.output<typeof filtersSchema>;

const KEYS = ["q", "theme", "country", "institution", "language", "scope", "page"] as const;

export function readLibraryFilters(searchParams: URLSearchParams): LibraryFilters {
  const raw: Record<string, string> = {};
  for (const key of KEYS) {
    const value = searchParams.get(key);
    if (value !== null && value !== "") raw[key] = value;
  }
  return filtersSchema.parse({ q: "", page: 1, ...raw });
}

/** The address of the same search with some parameters changed (pagination, the export, the scope tabs). */
export function libraryQuery(filters: LibraryFilters, changes: Partial<Record<(typeof KEYS)[number], string | number | undefined>> = {}): string {
  const params = new URLSearchParams();
  const merged: Record<string, string | number | undefined> = { ...filters, ...changes };
  for (const key of KEYS) {
    const value = merged[key];
    if (value === undefined || value === "" || (key === "page" && value === 1)) continue;
    params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}
