import { z } from "zod";
import { Visibility } from "~/generated/prisma/enums";
import { LANGUAGES } from "~/i18n/config";
import { formValues, list, optionalText, parseForm, text, type FormResult } from "~/utils/forms";
import { isCountryCode } from "./countries";
import { readFigureRows, readResourceRows, type Figure, type Resource } from "./fields";
import { PRACTICE_THEMES } from "./themes";

/** The forms of the practice pages; shared with their components for the fields' limits and choices. */
export const TITLE_MAX = 200;
export const LONG_TEXT_MAX = 6000;
export const CONTACT_NAME_MAX = 200;
export const NOTE_MAX = 2000;
export const VISIBILITIES = Object.values(Visibility);
/** Blank rows offered under the filled ones, so that rows can be added without JavaScript. */
export const BLANK_ROWS = 3;

const anEmail = z.email();
const optionalEmail = z.preprocess(
  (value) => (typeof value === "string" ? value.trim().toLowerCase() : ""),
  z.string().max(254).refine((value) => value === "" || anEmail.safeParse(value).success, "errors:email"),
);

const practiceFieldsSchema = z.object({
  title: text(TITLE_MAX),
  problem: text(LONG_TEXT_MAX),
  approach: text(LONG_TEXT_MAX),
  results: optionalText(LONG_TEXT_MAX).transform((value) => value ?? ""),
  contactName: optionalText(CONTACT_NAME_MAX).transform((value) => value ?? ""),
  contactEmail: optionalEmail,
  country: z.string().refine(isCountryCode, "errors:invalidChoice"),
  themes: list(z.enum(PRACTICE_THEMES)).pipe(z.array(z.enum(PRACTICE_THEMES)).min(1, "practices:errors.atLeastOneTheme")),
  languages: list(z.enum(LANGUAGES)).pipe(z.array(z.enum(LANGUAGES)).min(1, "errors:atLeastOneLanguage")),
  visibility: z.enum(VISIBILITIES),
});

export type PracticeInput = Omit<z.output<typeof practiceFieldsSchema>, "themes" | "languages"> & {
  themes: string[];
  languages: string[];
  figures: Figure[];
  resources: Resource[];
};

/** PostgreSQL refuses NUL in text, and no other control character belongs in a practice: they go before anything else. */
function withoutControlCharacters(formData: FormData): FormData {
  const cleaned = new FormData();
  for (const [name, value] of formData) {
    if (typeof value === "string") cleaned.append(name, value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, ""));
  }
  return cleaned;
}

const strings = (value: string | string[] | undefined) => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/**
 * The practice form: its fields, plus the repeated rows of figures (`figureLabel[]`, `figureValue[]`) and resources
 * (`resourceTitle[]`, `resourceUrl[]`). Every error at once, and the values as typed to show them again.
 */
export function parsePracticeForm(formData: FormData): FormResult<PracticeInput> {
  const cleaned = withoutControlCharacters(formData);
  const values = formValues(cleaned);
  const fields = parseForm(practiceFieldsSchema, cleaned);
  const figures = readFigureRows(strings(values["figureLabel[]"]), strings(values["figureValue[]"]));
  const resources = readResourceRows(strings(values["resourceTitle[]"]), strings(values["resourceUrl[]"]));
  const errors = { ...(fields.ok ? {} : fields.errors), ...figures.errors, ...resources.errors };
  if (!fields.ok || Object.keys(errors).length > 0) return { ok: false, errors, values };
  return { ok: true, data: { ...fields.data, figures: figures.rows, resources: resources.rows } };
}

export const rejectSchema = z.object({ note: z.string().trim().min(1, "practices:errors.noteRequired").max(NOTE_MAX) });

/** A saved practice as the form's values (the repeated rows as arrays, like a submitted form). */
export function practiceFormValues(practice: PracticeInput): Record<string, string | string[]> {
  return {
    title: practice.title,
    problem: practice.problem,
    approach: practice.approach,
    results: practice.results,
    contactName: practice.contactName,
    contactEmail: practice.contactEmail,
    country: practice.country,
    visibility: practice.visibility,
    themes: practice.themes,
    languages: practice.languages,
    "figureLabel[]": practice.figures.map((figure) => figure.label),
    "figureValue[]": practice.figures.map((figure) => figure.value),
    "resourceTitle[]": practice.resources.map((resource) => resource.title),
    "resourceUrl[]": practice.resources.map((resource) => resource.url),
  };
}
