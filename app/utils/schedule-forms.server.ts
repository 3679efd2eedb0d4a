import { formatInTimeZone, fromZonedTime } from "date-fns-tz";
import { z } from "zod";
import { LANGUAGES } from "~/i18n/config";
import { fromLocalInputValue, isValidTimeZone } from "~/utils/dates";
import { list, optionalText, text } from "~/utils/forms";

/** The forms that shape a workshop's schedule: the workshop itself, its parallel sessions, its agenda items. */

const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);
const MAX_WORKSHOP_DAYS = 31;
const DAY_MS = 24 * 3600 * 1000;

const localDateTime = z.string().trim().min(1).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, "errors:date");

interface RangeBounds {
  earliest: Date;
  latest: Date;
  /** The i18n key shown when a time falls outside the bounds. */
  outsideKey: string;
  maxLengthMs?: number;
  tooLongKey?: string;
}

/**
 * Reads a start/end pair of datetime-local fields as wall-clock times in a zone and reports, on the field that
 * must change, why the pair cannot be used.
 */
function checkRange(
  ctx: z.RefinementCtx,
  raw: { startsAt?: unknown; endsAt?: unknown },
  timeZone: string,
  bounds: RangeBounds,
) {
  if (typeof raw.startsAt !== "string" || typeof raw.endsAt !== "string" || !isValidTimeZone(timeZone)) return;
  const startsAt = fromLocalInputValue(raw.startsAt.trim(), timeZone);
  const endsAt = fromLocalInputValue(raw.endsAt.trim(), timeZone);
  const outside = (date: Date) => date < bounds.earliest || date > bounds.latest;
  if (startsAt && outside(startsAt)) ctx.addIssue({ code: "custom", path: ["startsAt"], message: bounds.outsideKey });
  if (endsAt && outside(endsAt)) ctx.addIssue({ code: "custom", path: ["endsAt"], message: bounds.outsideKey });
  if (!startsAt || !endsAt || outside(startsAt) || outside(endsAt)) return;
  if (endsAt <= startsAt) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "errors:endBeforeStart" });
  else if (bounds.maxLengthMs && endsAt.getTime() - startsAt.getTime() > bounds.maxLengthMs) {
    ctx.addIssue({ code: "custom", path: ["endsAt"], message: bounds.tooLongKey ?? "errors:invalid" });
  }
}

const toDate = (value: string, timeZone: string) => fromLocalInputValue(value, timeZone) as Date;

export const workshopFormSchema = z
  .object({
    title: text(200),
    description: optionalText(5000),
    startsAt: localDateTime,
    endsAt: localDateTime,
    timezone: z.string().trim().min(1).refine(isValidTimeZone, "errors:timezone"),
    venue: optionalText(200),
    format: z.enum(["IN_PERSON", "ONLINE", "HYBRID"]),
    languages: list(z.enum(LANGUAGES)).refine((languages) => languages.length > 0, "errors:atLeastOneLanguage"),
  })
  .superRefine((raw, ctx) =>
    checkRange(ctx, raw, raw.timezone, {
      earliest: new Date(EARLIEST),
      latest: new Date(LATEST),
      outsideKey: "workshop:form.outOfRange",
      maxLengthMs: MAX_WORKSHOP_DAYS * DAY_MS,
      tooLongKey: "workshop:form.tooLong",
    }),
  )
  .transform(({ startsAt, endsAt, description, venue, languages, ...rest }) => ({
    ...rest,
    description: description ?? "",
    venue: venue ?? "",
    languages: [...new Set(languages)],
    startsAt: toDate(startsAt, rest.timezone),
    endsAt: toDate(endsAt, rest.timezone),
  }));

export type WorkshopFormData = z.output<typeof workshopFormSchema>;

const CAPACITY_INVALID = "workshop:sessions.capacityInvalid";

export const sessionFormSchema = z.object({
  title: text(200),
  description: optionalText(2000),
  room: optionalText(120),
  // Empty means "no limit"; anything else must be a whole number of seats.
  capacity: z.preprocess(
    (value) => (typeof value !== "string" || value.trim() === "" ? undefined : Number(value.trim())),
    z
      .number({ error: CAPACITY_INVALID })
      .int(CAPACITY_INVALID)
      .min(1, CAPACITY_INVALID)
      .max(100_000)
      .optional(),
  ),
});

/**
 * The calendar days of the workshop in its own zone, from midnight of the first day to midnight after the last:
 * agenda items may start a little before the announced time (a welcome coffee) but not on another day.
 */
export function workshopDays({ startsAt, endsAt, timeZone }: { startsAt: Date; endsAt: Date; timeZone: string }) {
  const firstDay = formatInTimeZone(startsAt, timeZone, "yyyy-MM-dd");
  const lastDay = formatInTimeZone(endsAt, timeZone, "yyyy-MM-dd");
  const earliest = fromZonedTime(`${firstDay}T00:00:00`, timeZone);
  const [year, month, day] = lastDay.split("-").map(Number);
  // The next calendar day, computed on dates rather than by adding 24 hours, which a DST change would skew.
  const dayAfter = new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
  return { earliest, latest: fromZonedTime(`${dayAfter}T00:00:00`, timeZone) };
}

export function agendaItemFormSchema(workshop: { startsAt: Date; endsAt: Date; timezone: string }) {
  const timeZone = workshop.timezone;
  const days = workshopDays({ startsAt: workshop.startsAt, endsAt: workshop.endsAt, timeZone });
  return z
    .object({
      title: text(200),
      startsAt: localDateTime,
      endsAt: localDateTime,
      sessionId: z.string().trim().max(100).default(""),
    })
    .superRefine((raw, ctx) =>
      checkRange(ctx, raw, timeZone, { ...days, outsideKey: "workshop:agenda.outsideWorkshop" }),
    )
    .transform(({ startsAt, endsAt, sessionId, title }) => ({
      title,
      sessionId: sessionId === "" ? null : sessionId,
      startsAt: toDate(startsAt, timeZone),
      endsAt: toDate(endsAt, timeZone),
    }));
}
