import { z } from "zod";

/** A validation message as an i18n key (`namespace:key`) plus its values, translated where it is shown. */
export interface FieldError {
  key: string;
  values?: Record<string, unknown>;
}

export type FieldErrors = Record<string, FieldError>;

export type FormResult<T> =
  | { ok: true; data: T }
  | { ok: false; errors: FieldErrors; values: Record<string, string | string[]> };

function messageFor(issue: z.core.$ZodIssue, input: unknown): FieldError {
  if (/^[a-z]+:[\w.]+$/.test(issue.message)) return { key: issue.message };
  switch (issue.code) {
    case "invalid_type":
      return { key: input === undefined || input === "" ? "errors:required" : "errors:invalid" };
    case "too_small":
      if (issue.origin === "string") {
        return Number(issue.minimum) <= 1 ? { key: "errors:required" } : { key: "errors:tooShort", values: { min: issue.minimum } };
      }
      if (issue.origin === "array" || issue.origin === "set") return { key: "errors:required" };
      return { key: "errors:numberTooSmall", values: { min: issue.minimum } };
    case "too_big":
      return issue.origin === "string"
        ? { key: "errors:tooLong", values: { max: issue.maximum } }
        : { key: "errors:numberTooBig", values: { max: issue.maximum } };
    case "invalid_format":
      return { key: issue.format === "email" ? "errors:email" : "errors:invalid" };
    case "invalid_value":
      return { key: "errors:invalidChoice" };
    default:
      return { key: "errors:invalid" };
  }
}

/** The form's fields as plain values: repeated names (checkboxes, multi-selects) become arrays. */
export function formValues(formData: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    const all = formData.getAll(key).filter((value): value is string => typeof value === "string");
    values[key] = all.length > 1 || key.endsWith("[]") ? all : (all[0] ?? "");
  }
  return values;
}

/**
 * Validates a submitted form with a zod schema. On failure it returns one error per field (the first) and the
 * values as typed, so the page can show both and nothing the person typed is lost.
 */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): FormResult<z.output<S>> {
  const values = formValues(formData);
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join(".") || "form";
    const input = issue.path.reduce<unknown>(
      (value, segment) => (value && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[segment as PropertyKey] : undefined),
      values,
    );
    errors[field] ??= messageFor(issue, input);
  }
  delete values.password;
  delete values.passwordConfirm;
  return { ok: false, errors, values };
}

/** Form text fields: trimmed, and an empty field counts as absent. */
export const text = (max = 200) => z.string().trim().min(1).max(max);
export const optionalText = (max = 2000) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), z.string().trim().max(max).optional());
export const email = () => z.string().trim().toLowerCase().min(1).pipe(z.email());

/** Checkboxes and multi-selects: one ticked box arrives as a string, none as nothing; always an array here. */
export const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]), z.array(item));
