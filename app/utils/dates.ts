import { fromZonedTime } from "date-fns-tz";
import { INTL_LOCALE, type Language } from "~/i18n/config";
import { buildZoneTable, runtimeOffsetMinutes, tableOffsetMinutes, type ZoneTable } from "./zone-offsets";

declare global {
  interface Window {
    /** The server's offset tables for the zones this page shows (ZoneTablesScript). */
    __majlisZoneTables?: Record<string, ZoneTable>;
  }
}

/** Server: built on first use and kept (a handful of zones, a few hundred numbers each). Browser: the page's. */
const zoneTables = new Map<string, ZoneTable>(typeof window === "undefined" ? [] : Object.entries(window.__majlisZoneTables ?? {}));

function offsetMinutes(ms: number, timeZone: string): number {
  let table = zoneTables.get(timeZone);
  if (!table && typeof window === "undefined" && isValidTimeZone(timeZone)) {
    table = buildZoneTable(timeZone);
    zoneTables.set(timeZone, table);
  }
  return (table && tableOffsetMinutes(table, ms)) ?? runtimeOffsetMinutes(ms, timeZone);
}

/** The zone tables the server used so far, for the page to carry to the browser (app/utils/zone-offsets.ts). */
export function usedZoneTables(): Record<string, ZoneTable> {
  return Object.fromEntries(zoneTables);
}

/** The wall-clock time in the zone, as a Date whose UTC fields read it. */
function wallClock(date: Date | string, timeZone: string): Date {
  const ms = new Date(date).getTime();
  return new Date(ms + offsetMinutes(ms, timeZone) * 60 * 1000);
}

/** Dates are stored in UTC and always shown in the workshop's time zone, in the reader's language. */
export function formatDateTime(
  date: Date | string,
  timeZone: string,
  language: Language,
  style: Intl.DateTimeFormatOptions = { dateStyle: "full", timeStyle: "short" },
): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[language], { ...style, timeZone: "UTC" }).format(wallClock(date, timeZone));
}

export function formatTime(date: Date | string, timeZone: string, language: Language): string {
  return formatDateTime(date, timeZone, language, { hour: "2-digit", minute: "2-digit" });
}

export function formatDate(date: Date | string, timeZone: string, language: Language): string {
  return formatDateTime(date, timeZone, language, { dateStyle: "long" });
}

/** The value of an <input type="datetime-local"> showing this instant in the given zone. */
export function toLocalInputValue(date: Date | string, timeZone: string): string {
  return wallClock(date, timeZone).toISOString().slice(0, 16);
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
