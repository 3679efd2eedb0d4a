import { z } from "zod";
import { text, type FieldErrors } from "~/utils/forms";

/**
 * The forms of the exchange around a practice (comments, questions, answers, adoptions) and of the links between
 * recommendations and practices; shared with their components for the fields' limits.
 */
export const EXCHANGE_TEXT_MAX = 4000;
export const STORY_MIN = 20;
export const STORY_MAX = 2000;
export const PRACTICE_QUERY_MAX = 200;

export const EXCHANGE_INTENTS = ["comment", "question", "answer", "adopt", "delete"] as const;
export type ExchangeIntent = (typeof EXCHANGE_INTENTS)[number];

const id = z.string().trim().min(1).max(100);

export const commentSchema = z.object({ body: text(EXCHANGE_TEXT_MAX) });

/** An unticked checkbox is not sent at all. */
export const questionSchema = z.object({ body: text(EXCHANGE_TEXT_MAX), private: z.literal("on").optional().transform((value) => value === "on") });

export const answerSchema = z.object({ questionId: id, body: text(EXCHANGE_TEXT_MAX) });

export const adoptSchema = z.object({ story: z.string().trim().min(STORY_MIN).max(STORY_MAX) });

export const deleteSchema = z.object({ commentId: id });

export const citePracticeSchema = z.object({ practiceId: id });

/** The search box of the recommendation page: what to look for among the practices one may cite. */
export const practiceQuerySchema = z
  .string()
  .transform((value) => [...value.trim()].slice(0, PRACTICE_QUERY_MAX).join(""))
  .catch("");

/**
 * A form of the exchange that did not validate comes back to the practice page with its errors in this query
 * parameter (never the text typed: browsers already enforce the same limits, so what reaches the server invalid is
 * blank or forged), the same way with and without JavaScript.
 */
export const EXCHANGE_ERROR_PARAM = "exchangeError";

const exchangeErrorSchema = z.object({
  intent: z.enum(EXCHANGE_INTENTS),
  /** The question answered, when several forms share the intent. */
  target: z.string().max(100).optional(),
  errors: z.record(
    z.string().max(50),
    z.object({ key: z.string().regex(/^[a-z]+:[\w.]+$/), values: z.record(z.string(), z.union([z.string(), z.number()])).optional() }),
  ),
});

export type ExchangeError = z.output<typeof exchangeErrorSchema>;

export function exchangeErrorParam(error: { intent: ExchangeIntent; target?: string; errors: FieldErrors }): string {
  return JSON.stringify(error);
}

export function readExchangeError(search: URLSearchParams): ExchangeError | null {
  const raw = search.get(EXCHANGE_ERROR_PARAM);
  if (!raw) return null;
  try {
    const parsed = exchangeErrorSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
