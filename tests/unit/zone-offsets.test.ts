import { describe, expect, it } from "vitest";
import { formatDateTime, toLocalInputValue } from "~/utils/dates";
import { buildZoneTable, runtimeOffsetMinutes, tableOffsetMinutes } from "~/utils/zone-offsets";

describe("time-zone offset tables shared by the server and the browser", () => {
  it("find every transition of a zone with summer time, to the minute", () => {
    const paris = buildZoneTable("Europe/Paris");
    // 2024: summer time from 31 March 01:00 UTC to 27 October 01:00 UTC.
    expect(tableOffsetMinutes(paris, Date.UTC(2024, 2, 31, 0, 59))).toBe(60);
    expect(tableOffsetMinutes(paris, Date.UTC(2024, 2, 31, 1, 0))).toBe(120);
    expect(tableOffsetMinutes(paris, Date.UTC(2024, 9, 27, 0, 59))).toBe(120);
    expect(tableOffsetMinutes(paris, Date.UTC(2024, 9, 27, 1, 0))).toBe(60);
  });

  it("agree with this runtime's own database over the years workshops happen in, Ramadan changes included", () => {
    for (const zone of ["Africa/Casablanca", "America/Montreal", "Asia/Kolkata", "Australia/Lord_Howe"]) {
      const table = buildZoneTable(zone);
      for (let ms = Date.UTC(2015, 0, 1); ms < Date.UTC(2030, 0, 1); ms += 13 * 3600 * 1000 + 17 * 60 * 1000) {
        expect(tableOffsetMinutes(table, ms), `${zone} at ${new Date(ms).toISOString()}`).toBe(runtimeOffsetMinutes(ms, zone));
      }
    }
  });

  it("formats the venue's wall-clock time in the reader's language", () => {
    expect(formatDateTime("2023-11-24T08:00:00Z", "Africa/Casablanca", "fr", { hour: "2-digit", minute: "2-digit" })).toBe("09:00");
    expect(formatDateTime("2024-07-01T08:00:00Z", "Europe/Paris", "en", { dateStyle: "long" })).toBe("1 July 2024");
    expect(toLocalInputValue("2024-07-01T08:05:00Z", "Europe/Paris")).toBe("2024-07-01T10:05");
  });
});
