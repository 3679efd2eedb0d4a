import { fromZonedTime } from "date-fns-tz";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addElement, documentFromState, readElements, readMeta } from "~/boards/document";
import { mayManageTemplate, mayUseTemplate, mayViewTemplate, type TemplatePerson } from "~/templates/access";
import { extractStructure, structureState } from "~/templates/boards";
import { buildTemplateContent, durationOf, templateContentSchema, type WorkshopShape } from "~/templates/content";
import { useTemplateFormSchema } from "~/templates/forms";
import { atWallClockMinutes, clockReading, durationLabel, wallClockMinutes } from "~/templates/schedule";
import { parseForm } from "~/utils/forms";
import { effectiveWorkshopRole } from "~/utils/roles";

const CASABLANCA = "Africa/Casablanca";
const PARIS = "Europe/Paris";

/** A board as participants leave it: two sections with a title, a shape, a connector, and their notes and drawings. */
function workedBoard() {
  const doc = new Y.Doc();
  const ideas = addElement(doc, { type: "section", text: "Idées", x: 0, y: 0, w: 600, h: 400, colour: "blue", authorId: "organiser", z: -1 });
  const data = addElement(doc, { type: "section", text: "Données", x: 700, y: 0, w: 600, h: 400, colour: "green", authorId: "organiser", z: -1 });
  const shape = addElement(doc, { type: "shape", shape: "diamond", text: "Décision", x: 40, y: 60, parentId: ideas, groupId: "grp-1", authorId: "organiser" });
  const title = addElement(doc, { type: "text", text: "Consigne : une idée par note", x: 40, y: 10, parentId: ideas, groupId: "grp-1", authorId: "organiser" });
  addElement(doc, { type: "connector", from: ideas, to: data, authorId: "organiser" });
  const note = addElement(doc, { type: "sticky", text: "Un guichet unique", parentId: ideas, authorId: "participant-1" });
  addElement(doc, { type: "connector", from: note, to: shape, authorId: "participant-1" });
  addElement(doc, { type: "stroke", points: [0, 0, 10, 10], authorId: "participant-2" });
  addElement(doc, { type: "sticky", text: "Inventaire des fichiers", parentId: data, authorId: "participant-2" });
  return { doc, ids: { ideas, data, shape, title } };
}

describe("a board's structure", () => {
  it("keeps sections, shapes, texts and the connectors between them, and drops notes, drawings and authors", () => {
    const { doc } = workedBoard();
    const structure = extractStructure(doc);
    expect(structure.map((element) => element.type).sort()).toEqual(["connector", "section", "section", "shape", "text"]);
    expect(structure.map((element) => element.text)).not.toContain("Un guichet unique");
    expect(JSON.stringify(structure)).not.toMatch(/participant|organiser|Inventaire/);
    const sections = structure.filter((element) => element.type === "section");
    const connector = structure.find((element) => element.type === "connector");
    expect(connector?.from).toBe(sections.find((section) => section.text === "Idées")?.ref);
    expect(connector?.to).toBe(sections.find((section) => section.text === "Données")?.ref);
    const shape = structure.find((element) => element.type === "shape");
    const text = structure.find((element) => element.type === "text");
    expect(shape?.parent).toBe(connector?.from);
    expect(shape?.group).not.toBeNull();
    expect(shape?.group).toBe(text?.group);
  });

  it("seeds a new board with fresh ids, the same layout and links, written by its new author", () => {
    const { doc, ids } = workedBoard();
    const state = structureState({ kind: "PROBLEM_SOLUTION_TREE", elements: extractStructure(doc), authorId: "creator" });
    const seeded = documentFromState(state);
    const elements = readElements(seeded);
    expect(readMeta(seeded)).toEqual({ schemaVersion: 1, template: "PROBLEM_SOLUTION_TREE" });
    expect(elements.filter((element) => element.type === "sticky" || element.type === "stroke")).toEqual([]);
    expect(elements.every((element) => element.authorId === "creator")).toBe(true);
    expect(elements.map((element) => element.id)).not.toContain(ids.ideas);
    const ideas = elements.find((element) => element.text === "Idées");
    const data = elements.find((element) => element.text === "Données");
    expect(ideas).toMatchObject({ x: 0, y: 0, w: 600, h: 400, colour: "blue" });
    expect(elements.find((element) => element.type === "shape")).toMatchObject({ shape: "diamond", parentId: ideas?.id });
    expect(elements.find((element) => element.type === "connector")).toMatchObject({ from: ideas?.id, to: data?.id });
    const groups = new Set(elements.filter((element) => element.groupId !== null).map((element) => element.groupId));
    expect(groups.size).toBe(1);
    expect(groups.has("grp-1")).toBe(false);
  });
});

describe("template content", () => {
  const at = (time: string) => fromZonedTime(`2023-11-24T${time}:00`, CASABLANCA);
  const shape = (): WorkshopShape => ({
    workshop: { startsAt: at("09:00"), timezone: CASABLANCA },
    sessions: [
      { id: "s1", title: "Session 1", description: "Compétences", room: "Salle Al Andalous", capacity: 60, participantsMayRecommend: true, position: 0 },
      { id: "s2", title: "Session 2", description: "", room: "Salle Fès", capacity: null, participantsMayRecommend: false, position: 1 },
    ],
    agenda: [
      { id: "a1", title: "Ouverture", startsAt: at("09:30"), endsAt: at("10:00"), sessionId: null },
      { id: "a2", title: "Attentes", startsAt: at("11:00"), endsAt: at("13:00"), sessionId: "s1" },
      { id: "a3", title: "Données", startsAt: at("11:00"), endsAt: at("13:00"), sessionId: "s2" },
    ],
    boards: [{ sessionId: "s1", title: "Idées", template: "BLANK", state: Y.encodeStateAsUpdate(workedBoard().doc) }],
    polls: [
      {
        room: "s2",
        agendaItemId: "a3",
        question: "Quelles données ?",
        kind: "MULTIPLE",
        options: ["État civil", "Diplômes"],
        scaleMax: null,
        anonymous: false,
      },
      { room: "plenary", agendaItemId: null, question: "Votre note ?", kind: "RATING", options: [], scaleMax: 5, anonymous: true },
      { room: "deleted-session", agendaItemId: null, question: "Perdu", kind: "OPEN", options: [], scaleMax: null, anonymous: false },
    ],
  });

  it("keeps sessions, the agenda in minutes from the start, boards' structure and polls as indexes", () => {
    const content = buildTemplateContent(shape());
    expect(content.version).toBe(1);
    expect(content.startTime).toBe("09:00");
    expect(content.sessions.map((session) => session.title)).toEqual(["Session 1", "Session 2"]);
    expect(content.agenda).toEqual([
      { title: "Ouverture", startMinutes: 30, durationMinutes: 30, session: null },
      { title: "Attentes", startMinutes: 120, durationMinutes: 120, session: 0 },
      { title: "Données", startMinutes: 120, durationMinutes: 120, session: 1 },
    ]);
    expect(content.boards).toHaveLength(1);
    expect(content.boards[0].elements.some((element) => element.text === "Un guichet unique")).toBe(false);
    expect(content.boards[0].elements.filter((element) => element.type === "section")).toHaveLength(2);
    expect(content.polls).toEqual([
      { question: "Quelles données ?", kind: "MULTIPLE", options: ["État civil", "Diplômes"], scaleMax: null, anonymous: false, session: 1, agendaItem: 2 },
      { question: "Votre note ?", kind: "RATING", options: [], scaleMax: 5, anonymous: true, session: null, agendaItem: null },
    ]);
    expect(durationOf({ startsAt: at("09:00"), endsAt: at("17:00"), timezone: CASABLANCA })).toBe(480);
  });

  it("refuses content whose references point nowhere, or that is not version 1", () => {
    const content = buildTemplateContent(shape());
    expect(templateContentSchema.safeParse(content).success).toBe(true);
    expect(templateContentSchema.safeParse({ ...content, version: 2 }).success).toBe(false);
    expect(templateContentSchema.safeParse({ ...content, agenda: [{ ...content.agenda[0], session: 5 }] }).success).toBe(false);
    // A prepared poll runs in its agenda item's room.
    expect(templateContentSchema.safeParse({ ...content, polls: [{ ...content.polls[0], session: 0 }] }).success).toBe(false);
    const board = content.boards[0];
    const dangling = { ...board, elements: [...board.elements, { ...board.elements[0], ref: "e99", parent: "nowhere" }] };
    expect(templateContentSchema.safeParse({ ...content, boards: [dangling] }).success).toBe(false);
  });
});

describe("agenda times across time zones", () => {
  it("keeps the wall-clock agenda of a template from Casablanca when it runs in Paris", () => {
    const casablancaStart = fromZonedTime("2023-11-24T09:00:00", CASABLANCA);
    const opening = fromZonedTime("2023-11-24T09:30:00", CASABLANCA);
    const minutes = wallClockMinutes({ start: casablancaStart, at: opening, timeZone: CASABLANCA });
    expect(minutes).toBe(30);
    // Paris is two hours ahead of UTC in June: 09:00 there is 07:00 UTC.
    expect(atWallClockMinutes({ start: "2024-06-14T09:00", minutes: 0, timeZone: PARIS }).toISOString()).toBe("2024-06-14T07:00:00.000Z");
    expect(atWallClockMinutes({ start: "2024-06-14T09:00", minutes, timeZone: PARIS }).toISOString()).toBe("2024-06-14T07:30:00.000Z");
  });

  it("keeps the second morning at 09:00 across a daylight-saving change overnight", () => {
    // Paris moves its clocks forward in the night of 30 to 31 March 2024: 09:00 is 08:00 UTC, then 07:00 UTC.
    const secondMorning = atWallClockMinutes({ start: "2024-03-30T09:00", minutes: 24 * 60, timeZone: PARIS });
    expect(secondMorning.toISOString()).toBe("2024-03-31T07:00:00.000Z");
    const start = fromZonedTime("2024-03-30T09:00:00", PARIS);
    expect(wallClockMinutes({ start, at: secondMorning, timeZone: PARIS })).toBe(24 * 60);
  });

  it("reads template times as a day of the workshop and a time, and lengths as a duration", () => {
    expect(clockReading({ startTime: "09:00", minutes: 30 })).toEqual({ day: 0, time: "09:30" });
    expect(clockReading({ startTime: "09:00", minutes: 24 * 60 + 45 })).toEqual({ day: 1, time: "09:45" });
    expect(clockReading({ startTime: "08:30", minutes: -30 })).toEqual({ day: 0, time: "08:00" });
    expect(durationLabel(45)).toEqual({ key: "templates:duration.minutes", values: { minutes: 45 } });
    expect(durationLabel(480)).toEqual({ key: "templates:duration.hours", values: { hours: 8 } });
    expect(durationLabel(510)).toEqual({ key: "templates:duration.hoursMinutes", values: { hours: 8, minutes: 30 } });
    expect(durationLabel(1440 + 480)).toEqual({ key: "templates:duration.days", values: { days: 1, hours: 8 } });
  });
});

describe("the form that runs a template again", () => {
  const data = (fields: Record<string, string | string[]>) => {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) form.append(key, item);
    return form;
  };
  const valid = { title: "Atelier de Paris", date: "2024-06-14", time: "09:00", timezone: PARIS, venue: "", languages: ["fr", "ar"] };

  it("reads the date and time as a local start in the chosen zone", () => {
    const form = parseForm(useTemplateFormSchema, data(valid));
    expect(form).toEqual({ ok: true, data: { title: "Atelier de Paris", start: "2024-06-14T09:00", timezone: PARIS, venue: "", languages: ["fr", "ar"] } });
  });

  it("says which field is wrong: a day that does not exist, a time, no title, no language", () => {
    const form = parseForm(useTemplateFormSchema, data({ ...valid, title: " ", date: "2024-02-30", time: "25:00", languages: [] }));
    expect(form.ok).toBe(false);
    if (form.ok) return;
    expect(form.errors).toEqual({
      title: { key: "errors:required" },
      date: { key: "templates:errors.date" },
      time: { key: "templates:errors.time" },
      languages: { key: "errors:atLeastOneLanguage" },
    });
  });
});

describe("who may do what", () => {
  const person = (organisationId: string | null, canOrganise = true): TemplatePerson => ({ id: "u1", organisationId, platformModerator: false, canOrganise });
  const template = { organisationId: "dmre", createdById: "u9", visibility: "INSTITUTION" as const };

  it("shows a template per its visibility and lets its institution's organisers manage it", () => {
    expect(mayViewTemplate(person("dmre"), template)).toBe(true);
    expect(mayViewTemplate(person("ote"), template)).toBe(false);
    expect(mayViewTemplate(person("ote"), { ...template, visibility: "PEERS" })).toBe(true);
    expect(mayViewTemplate(null, { ...template, visibility: "PEERS" })).toBe(false);
    expect(mayManageTemplate(person("dmre"), template)).toBe(true);
    expect(mayManageTemplate(person("dmre", false), template)).toBe(false);
    expect(mayManageTemplate(person("ote"), { ...template, visibility: "PUBLIC" })).toBe(false);
    expect(mayUseTemplate(person("ote"), { ...template, visibility: "PEERS" })).toBe(true);
    expect(mayUseTemplate(person("ote", false), { ...template, visibility: "PEERS" })).toBe(false);
  });

  it("gives people of a participating institution its role, unless they hold a personal one", () => {
    expect(effectiveWorkshopRole(null, "CO_ORGANISER")).toBe("ORGANISER");
    expect(effectiveWorkshopRole(null, "CONTRIBUTOR")).toBe("PARTICIPANT");
    expect(effectiveWorkshopRole(null, "OBSERVER")).toBe("OBSERVER");
    expect(effectiveWorkshopRole(null, "PEER")).toBe("PEER");
    expect(effectiveWorkshopRole("PEER", "CO_ORGANISER")).toBe("PEER");
    expect(effectiveWorkshopRole(null, null)).toBeNull();
  });
});
