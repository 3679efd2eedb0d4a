import { formatInTimeZone } from "date-fns-tz";
import { z } from "zod";
import { documentFromState, COLOURS, SHAPE_KINDS } from "~/boards/document";
import { BoardTemplate, PollKind } from "~/generated/prisma/enums";
import { PLENARY } from "~/live/protocol";
import { POLL_LIMITS } from "~/live/polls";
import { BOARD_TITLE_MAX } from "~/utils/board-forms";
import { extractStructure, STRUCTURE_TYPES } from "./boards";
import { wallClockMinutes } from "./schedule";

/**
 * What a workshop template holds (WorkshopTemplate.content): the shape of a workshop, never its people. Sessions are
 * referred to by their index in `sessions`, agenda items by theirs in `agenda`; `null` is the plenary. Times are
 * wall-clock minutes from the workshop's start (app/templates/schedule.ts). Versioned, so that a later shape can
 * read the templates saved before it.
 */
export const TEMPLATE_CONTENT_VERSION = 1;

export const TEMPLATE_LIMITS = {
  sessions: 50,
  agenda: 300,
  boards: 100,
  elements: 2_000,
  polls: 300,
  /** A month, as the longest workshop (app/utils/schedule-forms.server.ts). */
  minutes: 31 * 24 * 60,
} as const;

const index = z.number().int().min(0);
const plenaryOr = index.nullable();
const finite = z.number().finite();

const sessionSchema = z.object({
  title: z.string().trim().min(1).max(200),
  description: z.string().max(2000),
  room: z.string().max(120),
  capacity: z.number().int().min(1).max(100_000).nullable(),
  participantsMayRecommend: z.boolean(),
  position: z.number().int(),
});

const agendaItemSchema = z.object({
  title: z.string().trim().min(1).max(200),
  /** Wall-clock minutes from the workshop's start; an item may begin before it (a welcome coffee). */
  startMinutes: z
    .number()
    .int()
    .min(-24 * 60)
    .max(TEMPLATE_LIMITS.minutes),
  durationMinutes: z.number().int().min(1).max(TEMPLATE_LIMITS.minutes),
  session: plenaryOr,
});

const elementSchema = z.object({
  ref: z.string().min(1).max(20),
  type: z.enum(STRUCTURE_TYPES),
  x: finite,
  y: finite,
  w: finite.min(0),
  h: finite.min(0),
  z: finite,
  colour: z.enum(COLOURS),
  text: z.string().max(5000),
  parent: z.string().max(20).nullable(),
  group: z.string().max(20).nullable(),
  shape: z.enum(SHAPE_KINDS).nullable(),
  from: z.string().max(20).nullable(),
  to: z.string().max(20).nullable(),
});

const boardSchema = z.object({
  session: index,
  title: z.string().trim().min(1).max(BOARD_TITLE_MAX),
  kind: z.enum(Object.values(BoardTemplate)),
  elements: z.array(elementSchema).max(TEMPLATE_LIMITS.elements),
});

const pollSchema = z.object({
  question: z.string().trim().min(1).max(POLL_LIMITS.questionMax),
  kind: z.enum(Object.values(PollKind)),
  options: z.array(z.string().max(POLL_LIMITS.optionMax)).max(POLL_LIMITS.optionsMax),
  scaleMax: z.number().int().min(POLL_LIMITS.scaleMin).max(POLL_LIMITS.scaleMax).nullable(),
  anonymous: z.boolean(),
  session: plenaryOr,
  agendaItem: plenaryOr,
});

export const templateContentSchema = z
  .object({
    version: z.literal(TEMPLATE_CONTENT_VERSION),
    /** The wall-clock time the workshop started at, in the template's zone: what a new run offers first. */
    startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
    sessions: z.array(sessionSchema).max(TEMPLATE_LIMITS.sessions),
    agenda: z.array(agendaItemSchema).max(TEMPLATE_LIMITS.agenda),
    boards: z.array(boardSchema).max(TEMPLATE_LIMITS.boards),
    polls: z.array(pollSchema).max(TEMPLATE_LIMITS.polls),
  })
  .superRefine((content, ctx) => {
    const sessionExists = (value: number | null) => value === null || value < content.sessions.length;
    content.agenda.forEach((item, i) => {
      if (!sessionExists(item.session)) ctx.addIssue({ code: "custom", path: ["agenda", i, "session"], message: "no such session" });
    });
    content.boards.forEach((board, i) => {
      if (!sessionExists(board.session)) ctx.addIssue({ code: "custom", path: ["boards", i, "session"], message: "no such session" });
      const refs = new Set(board.elements.map((element) => element.ref));
      if (refs.size !== board.elements.length) ctx.addIssue({ code: "custom", path: ["boards", i, "elements"], message: "repeated ref" });
      board.elements.forEach((element, j) => {
        for (const link of ["parent", "from", "to"] as const) {
          const target = element[link];
          if (target !== null && !refs.has(target)) ctx.addIssue({ code: "custom", path: ["boards", i, "elements", j, link], message: "no such element" });
        }
      });
    });
    content.polls.forEach((poll, i) => {
      if (!sessionExists(poll.session)) ctx.addIssue({ code: "custom", path: ["polls", i, "session"], message: "no such session" });
      const item = poll.agendaItem === null ? null : content.agenda[poll.agendaItem];
      if (poll.agendaItem !== null && !item) ctx.addIssue({ code: "custom", path: ["polls", i, "agendaItem"], message: "no such agenda item" });
      // A prepared poll runs in the room of its agenda item (app/models/live/polls.server.ts).
      else if (item && item.session !== poll.session) ctx.addIssue({ code: "custom", path: ["polls", i, "session"], message: "not the agenda item's room" });
    });
  });

export type TemplateContent = z.output<typeof templateContentSchema>;
export type TemplateSession = TemplateContent["sessions"][number];
export type TemplateAgendaItem = TemplateContent["agenda"][number];
export type TemplateBoard = TemplateContent["boards"][number];
export type TemplatePoll = TemplateContent["polls"][number];

/** Stored content, checked: a template written by an older version, or by hand, is refused rather than misread. */
export function readTemplateContent(value: unknown): TemplateContent {
  const parsed = templateContentSchema.safeParse(value);
  if (!parsed.success) throw new Error(`unreadable workshop template content: ${parsed.error.message}`);
  return parsed.data;
}

export interface WorkshopShape {
  workshop: { startsAt: Date; timezone: string };
  /** In their order (position). */
  sessions: Array<{
    id: string;
    title: string;
    description: string;
    room: string;
    capacity: number | null;
    participantsMayRecommend: boolean;
    position: number;
  }>;
  agenda: Array<{ id: string; title: string; startsAt: Date; endsAt: Date; sessionId: string | null }>;
  boards: Array<{ sessionId: string; title: string; template: BoardTemplate; state: Uint8Array }>;
  polls: Array<{ room: string; agendaItemId: string | null; question: string; kind: PollKind; options: string[]; scaleMax: number | null; anonymous: boolean }>;
}

/**
 * A workshop's shape as template content. Only what the lists above carry is read: the people, registrations,
 * chat, questions, votes, notes and recommendations of the workshop never reach this function's result. Polls are
 * kept as prepared drafts, whatever became of them; a poll or board of a session that no longer exists is left out.
 */
export function buildTemplateContent({ workshop, sessions, agenda, boards, polls }: WorkshopShape): TemplateContent {
  const sessionIndex = new Map(sessions.map((session, i) => [session.id, i]));
  const agendaIndex = new Map(agenda.map((item, i) => [item.id, i]));
  const minutesFromStart = (at: Date) => wallClockMinutes({ start: workshop.startsAt, at, timeZone: workshop.timezone });
  const roomIndex = (room: string) => (room === PLENARY ? null : sessionIndex.get(room));
  return readTemplateContent({
    version: TEMPLATE_CONTENT_VERSION,
    startTime: formatInTimeZone(workshop.startsAt, workshop.timezone, "HH:mm"),
    sessions: sessions.map(({ title, description, room, capacity, participantsMayRecommend, position }) => ({
      title,
      description,
      room,
      capacity,
      participantsMayRecommend,
      position,
    })),
    agenda: agenda.map((item) => ({
      title: item.title,
      startMinutes: minutesFromStart(item.startsAt),
      durationMinutes: Math.max(1, minutesFromStart(item.endsAt) - minutesFromStart(item.startsAt)),
      session: item.sessionId === null ? null : sessionIndex.get(item.sessionId) ?? null,
    })),
    boards: boards.flatMap((board) => {
      const session = sessionIndex.get(board.sessionId);
      if (session === undefined) return [];
      const doc = documentFromState(board.state);
      const elements = extractStructure(doc);
      doc.destroy();
      return [{ session, title: board.title, kind: board.template, elements }];
    }),
    polls: polls.flatMap((poll) => {
      const session = roomIndex(poll.room);
      if (session === undefined) return [];
      const agendaItem = poll.agendaItemId === null ? null : agendaIndex.get(poll.agendaItemId) ?? null;
      // An agenda item moved to another room since the poll was made: the poll follows its room, not the item.
      const sameRoom = agendaItem !== null && agenda[agendaItem].sessionId === (poll.room === PLENARY ? null : poll.room);
      return [
        {
          question: poll.question,
          kind: poll.kind,
          options: poll.options,
          scaleMax: poll.scaleMax,
          anonymous: poll.anonymous,
          session,
          agendaItem: sameRoom ? agendaItem : null,
        },
      ];
    }),
  });
}

/** How long the workshop lasts on the clock of its zone, in minutes. */
export function durationOf({ startsAt, endsAt, timezone }: { startsAt: Date; endsAt: Date; timezone: string }): number {
  return Math.max(1, wallClockMinutes({ start: startsAt, at: endsAt, timeZone: timezone }));
}
