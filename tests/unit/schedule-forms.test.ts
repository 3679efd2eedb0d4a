import { describe, expect, it } from "vitest";
import { parseForm } from "~/utils/forms";
import { agendaItemFormSchema, sessionFormSchema, workshopDays, workshopFormSchema } from "~/utils/schedule-forms.server";

function formData(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const entry of Array.isArray(value) ? value : [value]) data.append(key, entry);
  }
  return data;
}

const workshop = {
  title: " Atelier de Rabat ",
  description: "",
  startsAt: "2023-11-24T09:00",
  endsAt: "2023-11-24T17:00",
  timezone: "Africa/Casablanca",
  venue: "Rabat",
  format: "HYBRID",
  languages: ["fr", "ar"],
};

describe("the workshop form", () => {
  it("reads start and end as wall-clock times in the chosen zone", () => {
    const result = parseForm(workshopFormSchema, formData(workshop));
    expect(result.ok && result.data).toEqual({
      title: "Atelier de Rabat",
      description: "",
      startsAt: new Date("2023-11-24T08:00:00Z"),
      endsAt: new Date("2023-11-24T16:00:00Z"),
      timezone: "Africa/Casablanca",
      venue: "Rabat",
      format: "HYBRID",
      languages: ["fr", "ar"],
    });
    const inParis = parseForm(workshopFormSchema, formData({ ...workshop, timezone: "Europe/Paris", languages: "en" }));
    expect(inParis.ok && [inParis.data.startsAt.toISOString(), inParis.data.languages]).toEqual(["2023-11-24T08:00:00.000Z", ["en"]]);
  });

  it("explains each problem on its own field", () => {
    const result = parseForm(
      workshopFormSchema,
      formData({ ...workshop, title: "", endsAt: "2023-11-24T08:00", languages: [], format: "BOTH", timezone: "Nowhere/City" }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      title: { key: "errors:required" },
      format: { key: "errors:invalidChoice" },
      timezone: { key: "errors:timezone" },
      languages: { key: "errors:atLeastOneLanguage" },
    });
    const backwards = parseForm(workshopFormSchema, formData({ ...workshop, endsAt: "2023-11-24T08:00" }));
    expect(!backwards.ok && backwards.errors).toEqual({ endsAt: { key: "errors:endBeforeStart" } });
  });

  it("refuses unreadable dates, dates from another century and workshops longer than a month", () => {
    const unreadable = parseForm(workshopFormSchema, formData({ ...workshop, startsAt: "24/11/2023 09:00" }));
    expect(!unreadable.ok && unreadable.errors.startsAt).toEqual({ key: "errors:date" });
    const ancient = parseForm(workshopFormSchema, formData({ ...workshop, startsAt: "1823-11-24T09:00" }));
    expect(!ancient.ok && ancient.errors.startsAt).toEqual({ key: "workshop:form.outOfRange" });
    const tooLong = parseForm(workshopFormSchema, formData({ ...workshop, endsAt: "2024-01-24T17:00" }));
    expect(!tooLong.ok && tooLong.errors.endsAt).toEqual({ key: "workshop:form.tooLong" });
  });
});

describe("the session form", () => {
  it("treats an empty capacity as no limit and refuses anything but a positive whole number", () => {
    const open = parseForm(sessionFormSchema, formData({ title: "Données", capacity: " " }));
    expect(open.ok && open.data.capacity).toBeUndefined();
    const sized = parseForm(sessionFormSchema, formData({ title: "Données", capacity: "40" }));
    expect(sized.ok && sized.data.capacity).toBe(40);
    for (const capacity of ["0", "-3", "2.5", "douze"]) {
      const result = parseForm(sessionFormSchema, formData({ title: "Données", capacity }));
      expect(!result.ok && result.errors.capacity, capacity).toEqual({ key: "workshop:sessions.capacityInvalid" });
    }
  });
});

describe("agenda items", () => {
  const rabat = { startsAt: new Date("2023-11-24T08:00:00Z"), endsAt: new Date("2023-11-24T16:00:00Z"), timezone: "Africa/Casablanca" };

  it("are read in the workshop's zone; the empty track means plenary", () => {
    const result = parseForm(agendaItemFormSchema(rabat), formData({ title: "Ouverture", startsAt: "2023-11-24T09:30", endsAt: "2023-11-24T10:00", sessionId: "" }));
    expect(result.ok && result.data).toEqual({
      title: "Ouverture",
      sessionId: null,
      startsAt: new Date("2023-11-24T08:30:00Z"),
      endsAt: new Date("2023-11-24T09:00:00Z"),
    });
  });

  it("may start before the announced time on the same day, but not on another day", () => {
    const early = parseForm(agendaItemFormSchema(rabat), formData({ title: "Café", startsAt: "2023-11-24T07:30", endsAt: "2023-11-24T08:00", sessionId: "s1" }));
    expect(early.ok).toBe(true);
    const nextDay = parseForm(agendaItemFormSchema(rabat), formData({ title: "Visite", startsAt: "2023-11-25T09:00", endsAt: "2023-11-25T10:00" }));
    expect(!nextDay.ok && nextDay.errors).toEqual({
      startsAt: { key: "workshop:agenda.outsideWorkshop" },
      endsAt: { key: "workshop:agenda.outsideWorkshop" },
    });
  });

  it("covers whole calendar days in the workshop's zone, across a daylight-saving change", () => {
    const days = workshopDays({
      startsAt: new Date("2026-03-28T09:00:00Z"),
      endsAt: new Date("2026-03-29T15:00:00Z"),
      timeZone: "Europe/Paris",
    });
    expect(days.earliest.toISOString()).toBe("2026-03-27T23:00:00.000Z");
    expect(days.latest.toISOString()).toBe("2026-03-29T22:00:00.000Z");
  });
});
