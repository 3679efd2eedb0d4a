import { formatInTimeZone, fromZonedTime } from "date-fns-tz";
import { INTL_LOCALE, type Language } from "~/i18n/config";

/** Dates are stored in UTC and always shown in the workshop's time zone, in the reader's language. */
export function formatDateTime(
  date: Date | string,
  timeZone: string,
  language: Language,
  style: Intl.DateTimeFormatOptions = { dateStyle: "full", timeStyle: "short" },
): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[language], { ...style, timeZone }).format(new Date(date));
}

export function formatTime(date: Date | string, timeZone: string, language: Language): string {
  return formatDateTime(date, timeZone, language, { hour: "2-digit", minute: "2-digit" });
}

export function formatDate(date: Date | string, timeZone: string, language: Language): string {
  return formatDateTime(date, timeZone, language, { dateStyle: "long" });
}

/** The value of an <input type="datetime-local"> showing this instant in the given zone. */
export function toLocalInputValue(date: Date | string, timeZone: string): string {
  return formatInTimeZone(new Date(date), timeZone, "yyyy-MM-dd'T'HH:mm");
}

/** Reads an <input type="datetime-local"> value as wall-clock time in the given zone; null when unreadable. */
export function fromLocalInputValue(value: string, timeZone: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const date = fromZonedTime(value, timeZone);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}
