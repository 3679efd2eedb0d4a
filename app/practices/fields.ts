import { z } from "zod";
import type { FieldErrors } from "~/utils/forms";

/**
 * The two repeatable parts of a practice, stored as JSON (Practice.figures, Practice.resources): key results in
 * numbers and links to further reading. Validated on the way in, and parsed again on the way out, dropping any entry
 * that does not fit, so that old or hand-edited rows never break a page.
 */
export const FIGURES_MAX = 12;
export const RESOURCES_MAX = 12;
export const FIGURE_LABEL_MAX = 160;
export const FIGURE_VALUE_MAX = 40;
export const RESOURCE_TITLE_MAX = 200;
export const URL_MAX = 2000;

/** Only web addresses: a `javascript:` or `data:` link in a practice would run or open something in the reader's browser. */
export function webUrl(value: string): string | null {
  try {
    const url = new URL(value.trim());
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "" ? url.href : null;
  } catch {
    return null;
  }
}

export const figureSchema = z.object({
  label: z.string().trim().min(1).max(FIGURE_LABEL_MAX),
  value: z.string().trim().min(1).max(FIGURE_VALUE_MAX),
});

export const resourceSchema = z.object({
  title: z.string().trim().min(1).max(RESOURCE_TITLE_MAX),
  url: z
    .string()
    .max(URL_MAX)
    .transform((value, context) => {
      const url = webUrl(value);
      if (url === null) context.addIssue({ code: "custom", message: "practices:errors.url" });
      return url ?? "";
    }),
});

export type Figure = z.output<typeof figureSchema>;
export type Resource = z.output<typeof resourceSchema>;

function readList<T>(json: unknown, schema: z.ZodType<T>, max: number): T[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((entry) => {
    const parsed = schema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  }).slice(0, max);
}

export const readFigures = (json: unknown): Figure[] => readList(json, figureSchema, FIGURES_MAX);
export const readResources = (json: unknown): Resource[] => readList(json, resourceSchema, RESOURCES_MAX);

const TOO_LONG = (max: number) => ({ key: "errors:tooLong", values: { max } });

/**
 * Rows typed in the form's repeated fields (`figureLabel[]` + `figureValue[]`…): blank rows are skipped, a half-filled
 * row is an error on its empty half. Errors are keyed `figures.<row>.label`, as the form's fields show them.
 */
function readRows<T>(input: {
  name: "figures" | "resources";
  first: { key: string; values: readonly string[]; max: number };
  second: { key: string; values: readonly string[]; max: number };
  max: number;
  build: (first: string, second: string) => T | { errorOn: string; key: string };
}): { rows: T[]; errors: FieldErrors } {
  const { name, first, second, max, build } = input;
  const rows: T[] = [];
  const errors: FieldErrors = {};
  const count = Math.max(first.values.length, second.values.length);
  let filled = 0;
  for (let index = 0; index < count; index += 1) {
    const a = (first.values[index] ?? "").trim();
    const b = (second.values[index] ?? "").trim();
    if (a === "" && b === "") continue;
    filled += 1;
    const at = (key: string) => `${name}.${index}.${key}`;
    if (a === "") errors[at(first.key)] = { key: "errors:required" };
    else if (a.length > first.max) errors[at(first.key)] = TOO_LONG(first.max);
    if (b === "") errors[at(second.key)] = { key: "errors:required" };
    else if (b.length > second.max) errors[at(second.key)] = TOO_LONG(second.max);
    if (errors[at(first.key)] || errors[at(second.key)]) continue;
    const row = build(a, b);
    if (row && typeof row === "object" && "errorOn" in row) errors[at(row.errorOn)] = { key: row.key };
    else rows.push(row);
  }
  if (filled > max) errors[name] = { key: name === "figures" ? "practices:errors.tooManyFigures" : "practices:errors.tooManyResources", values: { max } };
  return { rows, errors };
}

export function readFigureRows(labels: readonly string[], values: readonly string[]) {
  return readRows<Figure>({
    name: "figures",
    first: { key: "label", values: labels, max: FIGURE_LABEL_MAX },
    second: { key: "value", values, max: FIGURE_VALUE_MAX },
    max: FIGURES_MAX,
    build: (label, value) => ({ label, value }),
  });
}

export function readResourceRows(titles: readonly string[], urls: readonly string[]) {
  return readRows<Resource>({
    name: "resources",
    first: { key: "title", values: titles, max: RESOURCE_TITLE_MAX },
    second: { key: "url", values: urls, max: URL_MAX },
    max: RESOURCES_MAX,
    build: (title, url) => {
      const href = webUrl(url);
      return href === null ? { errorOn: "url", key: "practices:errors.url" } : { title, url: href };
    },
  });
}
