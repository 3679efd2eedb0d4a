import { json } from "@remix-run/node";
import type { FieldErrors } from "~/utils/forms";

/**
 * A refused action on a practice page: the right status code, the reason as a translated message, and the values as
 * sent, so the form shows them again and nothing typed is lost.
 */
const STATUS: Record<string, number> = {
  notFound: 404,
  forbidden: 403,
  wrongStatus: 409,
  conflict: 409,
  tooBig: 413,
};

export interface Refused {
  intent: string;
  errors: FieldErrors;
  values: Record<string, string | string[]>;
}

export function refused(intent: string, reason: string, values: Record<string, string | string[]> = {}, extra: Record<string, unknown> = {}) {
  return json<Refused>({ intent, errors: { form: { key: `practices:errors.${reason}`, values: extra } }, values }, { status: STATUS[reason] ?? 400 });
}

/** A form that did not validate: 400 with one error per field. */
export function invalid(intent: string, errors: FieldErrors, values: Record<string, string | string[]>) {
  return json<Refused>({ intent, errors, values }, { status: 400 });
}
