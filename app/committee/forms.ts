import { z } from "zod";
import { CommitteeMeetingStatus, DecisionOutcome, FollowUpStatus } from "~/generated/prisma/enums";
import { LANGUAGES } from "~/i18n/config";
import { fromLocalInputValue } from "~/utils/dates";
import { list, optionalText, text } from "~/utils/forms";

/** The forms of the committee, follow-up and dashboard pages, shared with their components for limits and choices. */

export const OUTCOMES = Object.values(DecisionOutcome);
export const FOLLOW_UP_STATUSES = Object.values(FollowUpStatus);
export const MEETING_STATUSES = Object.values(CommitteeMeetingStatus);
export const RATIONALE_MAX = 4000;
export const NOTES_MAX = 4000;

const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

/** A meeting; its time is typed as wall-clock time in the workshop's zone. */
export function meetingSchema(timeZone: string) {
  return z.object({
    title: text(200),
    scheduledAt: z
      .string()
      .trim()
      .min(1)
      .transform((value, ctx) => {
        const date = fromLocalInputValue(value, timeZone);
        if (!date || date.getTime() < EARLIEST || date.getTime() > LATEST) {
          ctx.addIssue({ code: "custom", message: "errors:date" });
          return z.NEVER;
        }
        return date;
      }),
    location: optionalText(200).transform((value) => value ?? ""),
    languages: list(z.enum(LANGUAGES)).refine((languages) => languages.length > 0, "errors:atLeastOneLanguage"),
    status: z.enum(MEETING_STATUSES).default("PLANNED"),
  });
}

export type MeetingFields = z.output<ReturnType<typeof meetingSchema>>;

/**
 * A committee decision. Every outcome needs its rationale; for a rejection or a deferral that rationale is the reason
 * the workflow requires, and the message says so. Accepting with changes needs the changes.
 */
export const decisionSchema = z
  .object({
    recommendationId: z.string().min(1),
    outcome: z.enum(OUTCOMES),
    rationale: optionalText(RATIONALE_MAX),
    changes: optionalText(RATIONALE_MAX),
  })
  .superRefine((decision, ctx) => {
    if (!decision.rationale) {
      const reasonNeeded = decision.outcome === "REJECTED" || decision.outcome === "DEFERRED";
      ctx.addIssue({ code: "custom", path: ["rationale"], message: reasonNeeded ? "committee:errors.reasonRequired" : "committee:errors.rationaleRequired" });
    }
    if (decision.outcome === "ACCEPTED_WITH_CHANGES" && !decision.changes) {
      ctx.addIssue({ code: "custom", path: ["changes"], message: "committee:errors.changesRequired" });
    }
  })
  .transform(({ rationale, changes, ...decision }) => ({ ...decision, rationale: rationale ?? "", changes: changes ?? "" }));

export type DecisionFields = z.output<typeof decisionSchema>;

/** A calendar day (`<input type="date">`), kept as midnight UTC: the database column is a date without a time. */
const calendarDay = z
  .string()
  .trim()
  .min(1)
  .regex(/^\d{4}-\d{2}-\d{2}$/, "errors:date")
  .transform((value, ctx) => {
    const date = new Date(`${value}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value || date.getTime() < EARLIEST || date.getTime() > LATEST) {
      ctx.addIssue({ code: "custom", message: "errors:date" });
      return z.NEVER;
    }
    return date;
  });

const followUpFields = z.object({
  title: text(200),
  ownerInstitution: text(200),
  ownerName: optionalText(200).transform((value) => value ?? ""),
  dueDate: calendarDay,
  status: z.enum(FOLLOW_UP_STATUSES),
  progress: z.coerce.number().int("errors:number").min(0).max(100),
  notes: optionalText(NOTES_MAX).transform((value) => value ?? ""),
  /** What this update is about, kept in the action's history. */
  note: optionalText(1000).transform((value) => value ?? ""),
});

/** Done means done: the bar reads 100 %, whatever was typed. */
const doneIsComplete = <T extends { status: string; progress: number }>(action: T): T =>
  action.status === "DONE" ? { ...action, progress: 100 } : action;

export const followUpSchema = followUpFields.transform(doneIsComplete);

export type FollowUpFields = z.output<typeof followUpSchema>;

export const newFollowUpSchema = followUpFields
  .extend({ recommendationId: z.string().min(1, "committee:errors.chooseRecommendation") })
  .transform(doneIsComplete);

export const followUpFiltersSchema = z.object({
  status: z.enum(FOLLOW_UP_STATUSES).optional().catch(undefined),
  overdue: z.literal("1").optional().catch(undefined),
  owner: z.string().trim().max(200).optional().catch(undefined),
});

export type FollowUpFilters = z.output<typeof followUpFiltersSchema>;

export function readFollowUpFilters(searchParams: URLSearchParams): FollowUpFilters {
  const raw = Object.fromEntries([...searchParams].filter(([, value]) => value !== ""));
  return followUpFiltersSchema.parse(raw);
}
