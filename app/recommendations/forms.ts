import { z } from "zod";
import { CostBand, RecommendationPriority, RecommendationStatus, RecommendationTheme, Timeframe, Visibility } from "~/generated/prisma/enums";
import { LANGUAGES } from "~/i18n/config";
import { optionalText, text } from "~/utils/forms";

/** The forms of the recommendation pages; shared with their components for the fields' limits and choices. */
export const TITLE_MAX = 200;
export const LONG_TEXT_MAX = 4000;
export const INSTITUTION_MAX = 200;
export const COMMENT_MAX = 2000;
export const REASON_MAX = 2000;

export const THEMES = Object.values(RecommendationTheme);
export const PRIORITIES = Object.values(RecommendationPriority);
export const COST_BANDS = Object.values(CostBand);
export const TIMEFRAMES = Object.values(Timeframe);
export const VISIBILITIES = Object.values(Visibility);
export const STATUSES = Object.values(RecommendationStatus);

/** The fields people write; `sessionId` empty means the plenary. */
export const recommendationFieldsSchema = z.object({
  title: text(TITLE_MAX),
  problem: text(LONG_TEXT_MAX),
  rationale: optionalText(LONG_TEXT_MAX).transform((value) => value ?? ""),
  proposedAction: text(LONG_TEXT_MAX),
  theme: z.enum(THEMES),
  ownerInstitution: optionalText(INSTITUTION_MAX).transform((value) => value ?? ""),
  priority: z.enum(PRIORITIES),
  costBand: z.enum(COST_BANDS),
  timeframe: z.enum(TIMEFRAMES),
  language: z.enum(LANGUAGES),
  sessionId: z.string().transform((value) => (value === "" ? null : value)),
  /** Only organisers set it; for others the field is absent and the value stays. */
  visibility: z.enum(VISIBILITIES).optional(),
});

export type RecommendationFields = z.output<typeof recommendationFieldsSchema>;

/** The evidence sent along with a recommendation made from a board element. */
export const sourceSchema = z.object({ boardId: z.string().min(1), elementId: z.string().min(1) });

/** What the person saw when they pressed a button: a change made meanwhile by someone else makes it a conflict. */
const seenStatus = z.enum(STATUSES);

export const editSchema = recommendationFieldsSchema.extend({
  seenAt: z.string().refine((value) => !Number.isNaN(Date.parse(value))),
});

export const statusSchema = z.object({
  from: seenStatus,
  to: z.enum(STATUSES),
  reason: optionalText(REASON_MAX),
});

export const mergeSchema = z.object({ from: seenStatus, targetId: z.string().min(1, "recommendations:errors.chooseTarget") });

export const commentSchema = z.object({ body: text(COMMENT_MAX) });

export const supportSchema = z.object({ supported: z.enum(["true", "false"]).transform((value) => value === "true") });

export const agreementSchema = z.object({
  agreement: z.preprocess((value) => (value === "" ? null : value), z.coerce.number().int().min(1).max(5).nullable()),
});

export const filtersSchema = z.object({
  sessionId: z.string().optional().catch(undefined),
  theme: z.enum(THEMES).optional().catch(undefined),
  status: z.enum(STATUSES).optional().catch(undefined),
});

export type RecommendationFilters = z.output<typeof filtersSchema>;

/** Reads the list filters from the query string, ignoring anything unknown. */
export function readFilters(searchParams: URLSearchParams): RecommendationFilters {
  const raw = Object.fromEntries([...searchParams].filter(([, value]) => value !== ""));
  return filtersSchema.parse(raw);
}
