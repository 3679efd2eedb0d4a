/**
 * UTC offsets of a time zone, as the server's time-zone database knows them, shared with the browser.
 *
 * Times are shown in the workshop's zone, by the server's first render and then by the browser. The two carry their
 * own copies of the time-zone database, and they disagree whenever a country changes its clock rules and one of
 * them has not caught up yet (a browser updated last week, a server runtime from last year). Then the same instant
 * reads one hour apart on the two sides, React's hydration fails on the mismatch and redraws the whole page under the
 * person's finger. So the server describes each zone it used as a table of offsets (its transitions over the years
 * workshops happen in), the page carries the tables, and the browser formats times with them: one clock everywhere.
 */

export interface ZoneTable {
  /** Instants (ms since the epoch) from which each offset applies, ascending; the first is the table's start. */
  starts: number[];
  /** Offsets from UTC in minutes, one per start. */
  offsets: number[];
}

const TABLE_FROM = Date.UTC(1970, 0, 1);
const TABLE_TO = Date.UTC(2060, 0, 1);
// No zone changes its clock twice within a week, so weekly samples see every transition; bisection then finds it.
const SAMPLE_STEP = 7 * 24 * 3600 * 1000;
const MINUTE = 60 * 1000;

const partsFormats = new Map<string, Intl.DateTimeFormat>();

/** The offset this runtime's own database gives, in minutes. */
export function runtimeOffsetMinutes(ms: number, timeZone: string): number {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    });
    partsFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(ms)).map((part) => [part.type, Number(part.value)]));
  const wallClockAsUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
  return Math.round((wallClockAsUtc - Math.floor(ms / MINUTE) * MINUTE) / MINUTE);
}

export function buildZoneTable(timeZone: string): ZoneTable {
  const starts = [TABLE_FROM];
  const offsets = [runtimeOffsetMinutes(TABLE_FROM, timeZone)];
  for (let sample = TABLE_FROM + SAMPLE_STEP; sample <= TABLE_TO; sample += SAMPLE_STEP) {
    const offset = runtimeOffsetMinutes(sample, timeZone);
    if (offset === offsets[offsets.length - 1]) continue;
    // The first minute with the new offset lies in (sample - step, sample].
    let before = sample - SAMPLE_STEP;
    let after = sample;
    while (after - before > MINUTE) {
      const middle = before + Math.floor((after - before) / 2 / MINUTE) * MINUTE || before + MINUTE;
      if (runtimeOffsetMinutes(middle, timeZone) === offset) after = middle;
      else before = middle;
    }
    starts.push(after);
    offsets.push(offset);
  }
  return { starts, offsets };
}

/** The table's offset at this instant; null outside the table's years. */
export function tableOffsetMinutes(table: ZoneTable, ms: number): number | null {
  if (ms < table.starts[0] || ms > TABLE_TO) return null;
  let low = 0;
  let high = table.starts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (table.starts[middle] <= ms) low = middle;
    else high = middle - 1;
  }
  return table.offsets[low];
}
