import { formatInTimeZone, fromZonedTime } from "date-fns-tz";

/**
 * A template keeps its times as minutes of wall-clock time from the workshop's start, so that a run of it keeps the
 * agenda as people read it on the clock of the room: 09:30 stays 09:30 when the template made in Rabat is run in
 * Paris, and the second morning of a two-day workshop still starts at 09:00 after a daylight-saving change overnight
 * (counting elapsed minutes would move it by an hour).
 */

const MINUTE_MS = 60_000;

/** The instant's wall-clock reading in the zone, as if that reading were UTC: differences are clock differences. */
function wallClock(date: Date, timeZone: string): number {
  return Date.parse(`${formatInTimeZone(date, timeZone, "yyyy-MM-dd'T'HH:mm:ss")}Z`);
}

/** Minutes on the clock of the zone from `start` to `at` (negative when `at` comes first). */
export function wallClockMinutes({ start, at, timeZone }: { start: Date; at: Date; timeZone: string }): number {
  return Math.round((wallClock(at, timeZone) - wallClock(start, timeZone)) / MINUTE_MS);
}

/**
 * The instant `minutes` later on the clock of the zone than the local date and time `start` ("2024-03-30T09:00").
 * A reading that does not exist (skipped by a daylight-saving change) resolves the way the zone's rules do.
 */
export function atWallClockMinutes({ start, minutes, timeZone }: { start: string; minutes: number; timeZone: string }): Date {
  const reading = new Date(Date.parse(`${start.length === 16 ? `${start}:00` : start}Z`) + minutes * MINUTE_MS);
  return fromZonedTime(reading.toISOString().slice(0, 19), timeZone);
}

const DAY_MINUTES = 24 * 60;

/** Where an agenda time falls for a reader of the template: which day of the workshop (0 first) and at what time. */
export function clockReading({ startTime, minutes }: { startTime: string; minutes: number }): { day: number; time: string } {
  const [hours, mins] = startTime.split(":").map(Number);
  const total = hours * 60 + mins + minutes;
  const day = Math.floor(total / DAY_MINUTES);
  const ofDay = total - day * DAY_MINUTES;
  const pad = (value: number) => String(value).padStart(2, "0");
  return { day, time: `${pad(Math.floor(ofDay / 60))}:${pad(ofDay % 60)}` };
}

/** A length in minutes as a translation key of `templates:duration` and its values. */
export function durationLabel(minutes: number): { key: string; values: Record<string, number> } {
  const days = Math.floor(minutes / DAY_MINUTES);
  const hours = Math.floor((minutes % DAY_MINUTES) / 60);
  const rest = minutes % 60;
  if (days > 0) return { key: "templates:duration.days", values: { days, hours } };
  if (hours === 0) return { key: "templates:duration.minutes", values: { minutes: rest } };
  return rest === 0 ? { key: "templates:duration.hours", values: { hours } } : { key: "templates:duration.hoursMinutes", values: { hours, minutes: rest } };
}
