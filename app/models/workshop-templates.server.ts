import { getDb } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import type { Visibility, WorkshopFormat } from "~/generated/prisma/enums";
import { PLENARY } from "~/live/protocol";
import { visibleTo, type Viewer } from "~/peers/visibility";
import { mayViewTemplate, type TemplatePerson } from "~/templates/access";
import { structureState } from "~/templates/boards";
import { buildTemplateContent, durationOf, readTemplateContent, type TemplateContent } from "~/templates/content";
import type { TemplateFields, UseTemplateFields } from "~/templates/forms";
import { atWallClockMinutes } from "~/templates/schedule";
import { readBoardState } from "./board-storage.server";
import { insertBoard } from "./boards.server";
import { createWorkshop } from "./workshop.server";

/** Workshop templates: a workshop's shape saved to run again (app/templates/content.ts), shared per visibility. */

/** The person as the template rules need them (app/templates/access.ts); null when there is no such account. */
export async function getTemplatePerson({ userId }: { userId: string }): Promise<TemplatePerson | null> {
  return getDb().user.findUnique({ where: { id: userId }, select: { id: true, organisationId: true, platformModerator: true, canOrganise: true } });
}

/** What the "save as template" form offers first: the workshop's own title and description. */
export async function getTemplateSource({ workshopId }: { workshopId: string }) {
  return getDb().workshop.findUnique({ where: { id: workshopId }, select: { id: true, title: true, description: true } });
}

export type TemplateSave = { ok: true; templateId: string } | { ok: false; reason: "notFound" | "noInstitution" };

/**
 * Saves the workshop's shape as a template of the workshop's institution (or the author's, for a workshop of none).
 * Only the shape is read here: sessions, agenda, boards' structure and polls (app/templates/content.ts).
 */
export async function saveWorkshopAsTemplate({
  workshopId,
  actorId,
  fields,
}: {
  workshopId: string;
  actorId: string;
  fields: TemplateFields;
}): Promise<TemplateSave> {
  const db = getDb();
  const [workshop, actor] = await Promise.all([
    db.workshop.findUnique({
      where: { id: workshopId },
      select: { organisationId: true, startsAt: true, endsAt: true, timezone: true, languages: true, format: true },
    }),
    db.user.findUnique({ where: { id: actorId }, select: { organisationId: true } }),
  ]);
  if (!workshop) return { ok: false, reason: "notFound" };
  const organisationId = workshop.organisationId ?? actor?.organisationId ?? null;
  // Kept within an institution that does not exist, nobody could ever read it.
  if (organisationId === null && fields.visibility === "INSTITUTION") return { ok: false, reason: "noInstitution" };

  const [sessions, agenda, boards, polls] = await Promise.all([
    db.session.findMany({
      where: { workshopId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true, title: true, description: true, room: true, capacity: true, participantsMayRecommend: true, position: true },
    }),
    db.agendaItem.findMany({
      where: { workshopId },
      orderBy: [{ startsAt: "asc" }, { endsAt: "asc" }, { id: "asc" }],
      select: { id: true, title: true, startsAt: true, endsAt: true, sessionId: true },
    }),
    db.board.findMany({
      where: { workshopId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, sessionId: true, title: true, template: true },
    }),
    db.poll.findMany({
      where: { workshopId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { room: true, agendaItemId: true, question: true, kind: true, options: true, scaleMax: true, anonymous: true },
    }),
  ]);
  const boardStates = await Promise.all(boards.map(async (board) => ({ ...board, state: await readBoardState({ boardId: board.id }) })));
  // Parallel slots share their times: the plenary, then the sessions in order, so that saving twice gives the same.
  const sessionRank = new Map(sessions.map((session, index) => [session.id, index]));
  const rank = (item: { sessionId: string | null }) => (item.sessionId === null ? -1 : sessionRank.get(item.sessionId) ?? sessions.length);
  agenda.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.endsAt.getTime() - b.endsAt.getTime() || rank(a) - rank(b));
  const content = buildTemplateContent({ workshop, sessions, agenda, boards: boardStates, polls });

  return db.$transaction(async (tx) => {
    const template = await tx.workshopTemplate.create({
      data: {
        ...fields,
        organisationId,
        createdById: actorId,
        sourceWorkshopId: workshopId,
        format: workshop.format,
        languages: workshop.languages,
        timezone: workshop.timezone,
        durationMinutes: durationOf(workshop),
        content: content as unknown as Prisma.InputJsonValue,
      },
      select: { id: true },
    });
    await tx.auditLog.create({
      data: { workshopId, actorId, action: "template.create", subjectType: "WorkshopTemplate", subjectId: template.id, data: { title: fields.title } },
    });
    return { ok: true, templateId: template.id } as const;
  });
}

export type TemplateFilter = "all" | "mine" | "shared";

/** Counted from stored content without validating all of it: a library lists many templates. */
function sessionCount(content: Prisma.JsonValue): number {
  const sessions = content && typeof content === "object" && !Array.isArray(content) ? content.sessions : null;
  return Array.isArray(sessions) ? sessions.length : 0;
}

/** The templates this viewer may read, newest first: all of them, their institution's, or other institutions'. */
export async function listTemplates({ viewer, filter }: { viewer: Viewer; filter: TemplateFilter }) {
  const own = viewer.organisationId;
  if (filter === "mine" && own === null) return [];
  const scope: Prisma.WorkshopTemplateWhereInput =
    filter === "mine"
      ? { organisationId: own }
      : filter === "shared" && own !== null
      ? { OR: [{ organisationId: null }, { organisationId: { not: own } }] }
      : {};
  const rows = await getDb().workshopTemplate.findMany({
    where: { AND: [visibleTo(viewer), scope] },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: 200,
    select: {
      id: true,
      title: true,
      description: true,
      durationMinutes: true,
      languages: true,
      format: true,
      visibility: true,
      organisationId: true,
      organisation: { select: { name: true } },
      content: true,
    },
  });
  return rows.map(({ content, organisation, ...row }) => ({
    ...row,
    organisationName: organisation?.name ?? null,
    sessionCount: sessionCount(content),
    ours: own !== null && row.organisationId === own,
  }));
}

/** A few templates for the page that creates a workshop, the viewer's institution's first. */
export async function listTemplateSuggestions({ viewer }: { viewer: Viewer }) {
  const all = await listTemplates({ viewer, filter: "all" });
  return [...all.filter((template) => template.ours), ...all.filter((template) => !template.ours)].slice(0, 6);
}

export interface ViewableTemplate {
  id: string;
  title: string;
  description: string;
  format: WorkshopFormat;
  languages: string[];
  timezone: string;
  durationMinutes: number;
  visibility: Visibility;
  organisationId: string | null;
  organisationName: string | null;
  createdById: string | null;
  createdAt: Date;
  updatedAt: Date;
  content: TemplateContent;
}

/** The template when it exists and this person may read it; null otherwise, the same answer for both. */
export async function getViewableTemplate({ templateId, person }: { templateId: string; person: TemplatePerson | null }): Promise<ViewableTemplate | null> {
  const row = await getDb().workshopTemplate.findUnique({
    where: { id: templateId },
    select: {
      id: true,
      title: true,
      description: true,
      format: true,
      languages: true,
      timezone: true,
      durationMinutes: true,
      visibility: true,
      organisationId: true,
      organisation: { select: { name: true } },
      createdById: true,
      createdAt: true,
      updatedAt: true,
      content: true,
    },
  });
  if (!row || !mayViewTemplate(person, row)) return null;
  const { organisation, content, ...template } = row;
  return { ...template, organisationName: organisation?.name ?? null, content: readTemplateContent(content) };
}

export async function updateTemplate({ templateId, actorId, fields }: { templateId: string; actorId: string; fields: TemplateFields }) {
  const db = getDb();
  await db.$transaction([
    db.workshopTemplate.update({ where: { id: templateId }, data: fields }),
    db.auditLog.create({
      data: {
        actorId,
        action: "template.update",
        subjectType: "WorkshopTemplate",
        subjectId: templateId,
        data: { title: fields.title, visibility: fields.visibility },
      },
    }),
  ]);
}

/** Workshops made from it stay; they only lose the link to it. */
export async function deleteTemplate({ templateId, actorId }: { templateId: string; actorId: string }) {
  await getDb().$transaction(async (tx) => {
    const template = await tx.workshopTemplate.delete({ where: { id: templateId }, select: { title: true } });
    await tx.auditLog.create({
      data: { actorId, action: "template.delete", subjectType: "WorkshopTemplate", subjectId: templateId, data: { title: template.title } },
    });
  });
}

/**
 * A new DRAFT workshop from a template, in one transaction: the workshop (through `createWorkshop`, so that its join
 * code, first organiser and institution are set as for any workshop), its sessions, the agenda moved to the chosen
 * start, boards seeded with the template's structure, and the polls as prepared drafts of the new agenda.
 */
export async function createWorkshopFromTemplate({ template, actorId, fields }: { template: ViewableTemplate; actorId: string; fields: UseTemplateFields }) {
  const { content } = template;
  const at = (minutes: number) => atWallClockMinutes({ start: fields.start, minutes, timeZone: fields.timezone });
  return createWorkshop({
    userId: actorId,
    templateId: template.id,
    fields: {
      title: fields.title,
      description: template.description,
      startsAt: at(0),
      endsAt: at(template.durationMinutes),
      timezone: fields.timezone,
      venue: fields.venue,
      format: template.format,
      languages: fields.languages,
    },
    fill: async (tx, workshopId) => {
      const sessionIds: string[] = [];
      for (const session of content.sessions) {
        sessionIds.push((await tx.session.create({ data: { workshopId, ...session }, select: { id: true } })).id);
      }
      const sessionOf = (index: number | null) => (index === null ? null : sessionIds[index]);
      const agendaIds: string[] = [];
      for (const item of content.agenda) {
        const created = await tx.agendaItem.create({
          data: {
            workshopId,
            title: item.title,
            sessionId: sessionOf(item.session),
            startsAt: at(item.startMinutes),
            endsAt: at(item.startMinutes + item.durationMinutes),
          },
          select: { id: true },
        });
        agendaIds.push(created.id);
      }
      for (const board of content.boards) {
        const state = structureState({ kind: board.kind, elements: board.elements, authorId: actorId });
        await insertBoard({ tx, workshopId, sessionId: sessionIds[board.session], actorId, title: board.title, template: board.kind, state });
      }
      await tx.poll.createMany({
        data: content.polls.map(({ session, agendaItem, ...poll }) => ({
          ...poll,
          workshopId,
          room: sessionOf(session) ?? PLENARY,
          agendaItemId: agendaItem === null ? null : agendaIds[agendaItem],
          createdById: actorId,
          status: "DRAFT" as const,
        })),
      });
    },
  });
}
