import { describe, expect, it } from "vitest";
import { formatTime, fromLocalInputValue, isValidTimeZone, toLocalInputValue } from "~/utils/dates";

describe("workshop time zones", () => {
  it("reads a datetime-local value as wall-clock time in the workshop's zone and shows it back the same", () => {
    const start = fromLocalInputValue("2023-11-24T09:00", "Africa/Casablanca");
    expect(start?.toISOString()).toBe("2023-11-24T08:00:00.000Z");
    expect(toLocalInputValue(start!, "Africa/Casablanca")).toBe("2023-11-24T09:00");
    expect(toLocalInputValue(start!, "America/Montreal")).toBe("2023-11-24T03:00");
  });

  it("formats times for the reader's language in the workshop's zone", () => {
    const start = new Date("2023-11-24T08:00:00Z");
    expect(formatTime(start, "Africa/Casablanca", "fr")).toBe("09:00");
    expect(formatTime(start, "Africa/Casablanca", "en")).toBe("09:00");
    expect(formatTime(start, "Africa/Casablanca", "ar")).toMatch(/09:00/);
  });

  it("rejects unreadable input and unknown zones", () => {
    expect(fromLocalInputValue("24/11/2023 09:00", "Africa/Casablanca")).toBeNull();
    expect(fromLocalInputValue("2023-13-45T99:00", "Africa/Casablanca")).toBeNull();
    expect(isValidTimeZone("Africa/Casablanca")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });
});
