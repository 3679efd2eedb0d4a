import { getDb } from "~/db/client.server";
import type { RecommendationStatus } from "~/generated/prisma/enums";
import type { MeetingFields } from "~/committee/forms";
import { tallyOf } from "~/recommendations/ranking";
import type { WorkshopAccess } from "./access.server";
import { applyStatusStep, statusRefusal, type StatusRefusal } from "./recommendation-status.server";
import { RECOMMENDATION_CONTENT, SOURCE_FIELDS } from "./recommendation-fields.server";

/**
 * Steering committee meetings of a workshop and their agendas. Putting a consolidated (or deferred) recommendation
 * on an agenda sends it to the committee: its status moves to UNDER_REVIEW in the same transaction, with its event.
 * Decisions: decisions.server.ts.
 */

/** Statuses a recommendation may have to be put on an agenda; the first two move to UNDER_REVIEW on the way. */
const AGENDA_STATUSES: RecommendationStatus[] = ["CONSOLIDATED", "DEFERRED", "UNDER_REVIEW"];

export type MeetingRefusal = "notFound" | "alreadyOnAgenda" | "decided" | "notReady" | StatusRefusal;
export type MeetingChange<T = object> = ({ ok: true } & T) | { ok: false; reason: MeetingRefusal };

export async function listMeetings({ workshopId }: { workshopId: string }) {
  return getDb().committeeMeeting.findMany({
    where: { workshopId },
    orderBy: [{ scheduledAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      scheduledAt: true,
      location: true,
      languages: true,
      status: true,
      _count: { select: { items: true, decisions: true } },
    },
  });
}

export async function createMeeting(input: { workshopId: string; actorId: string; fields: MeetingFields }): Promise<MeetingChange<{ meetingId: string }>> {
  const { workshopId, actorId, fields } = input;
  return getDb().$transaction(async (tx) => {
    const meeting = await tx.committeeMeeting.create({
      data: { workshopId, createdById: actorId, ...fields },
      select: { id: true },
    });
    await tx.auditLog.create({
      data: { workshopId, actorId, action: "committee.createMeeting", subjectType: "CommitteeMeeting", subjectId: meeting.id, data: { title: fields.title } },
    });
    return { ok: true, meetingId: meeting.id } as const;
  });
}

export async function updateMeeting(input: { workshopId: string; meetingId: string; actorId: string; fields: MeetingFields }): Promise<MeetingChange> {
  const { workshopId, meetingId, actorId, fields } = input;
  return getDb().$transaction(async (tx) => {
    const updated = await tx.committeeMeeting.updateMany({ where: { id: meetingId, workshopId }, data: fields });
    if (updated.count === 0) return { ok: false, reason: "notFound" } as const;
    await tx.auditLog.create({
      data: { workshopId, actorId, action: "committee.updateMeeting", subjectType: "CommitteeMeeting", subjectId: meetingId, data: { title: fields.title, status: fields.status } },
    });
    return { ok: true } as const;
  });
}

/**
 * A meeting with everything its page and its dossier show: each agenda item's recommendation, its support, its
 * evidence (frozen board versions), the decision taken at this meeting and the follow-up actions. Null when the
 * meeting is not one of this workshop's.
 */
export async function getMeetingDossier({ workshopId, meetingId }: { workshopId: string; meetingId: string }) {
  const meeting = await getDb().committeeMeeting.findFirst({
    where: { id: meetingId, workshopId },
    select: {
      id: true,
      title: true,
      scheduledAt: true,
      location: true,
      languages: true,
      status: true,
      workshop: { select: { id: true, title: true, timezone: true } },
      items: {
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: {
          id: true,
          position: true,
          recommendation: {
            select: {
              ...RECOMMENDATION_CONTENT,
              session: { select: { id: true, title: true } },
              author: { select: { name: true } },
              supports: { select: { supported: true, agreement: true } },
              sources: {
                orderBy: { createdAt: "asc" },
                select: SOURCE_FIELDS,
              },
              decisions: {
                where: { meetingId },
                orderBy: { decidedAt: "desc" },
                take: 1,
                select: { id: true, outcome: true, rationale: true, changes: true, decidedAt: true, decidedBy: { select: { name: true } } },
              },
              followUps: {
                orderBy: [{ dueDate: "asc" }, { id: "asc" }],
                select: { id: true, title: true, ownerInstitution: true, ownerName: true, dueDate: true, status: true, progress: true },
              },
            },
          },
        },
      },
    },
  });
  if (!meeting) return null;
  return {
    ...meeting,
    items: meeting.items.map(({ recommendation: { supports, decisions, ...recommendation }, ...item }) => ({
      ...item,
      recommendation: { ...recommendation, tally: tallyOf(supports), decision: decisions[0] ?? null },
    })),
  };
}

export type MeetingDossier = NonNullable<Awaited<ReturnType<typeof getMeetingDossier>>>;

/** Recommendations that may be put on this meeting's agenda: consolidated, deferred or under review, not on it yet. */
export async function listAgendaCandidates({ workshopId, meetingId }: { workshopId: string; meetingId: string }) {
  return getDb().recommendation.findMany({
    where: { workshopId, status: { in: AGENDA_STATUSES }, agendaItems: { none: { meetingId } } },
    orderBy: [{ status: "asc" }, { title: "asc" }],
    select: { id: true, title: true, status: true, session: { select: { title: true } } },
  });
}

/**
 * Puts a recommendation on the agenda, at the end. A consolidated or deferred one goes under review in the same
 * transaction (the workflow's "agenda" step, organisers only), conditional on the status the organiser saw.
 */
export async function addToAgenda(input: {
  workshopId: string;
  meetingId: string;
  recommendationId: string;
  access: WorkshopAccess;
  actorId: string;
}): Promise<MeetingChange> {
  const { workshopId, meetingId, recommendationId, access, actorId } = input;
  return getDb().$transaction(async (tx) => {
    const meeting = await tx.committeeMeeting.findFirst({ where: { id: meetingId, workshopId }, select: { id: true } });
    const recommendation = await tx.recommendation.findFirst({
      where: { id: recommendationId, workshopId },
      select: { status: true, authorId: true, sessionId: true },
    });
    if (!meeting || !recommendation) return { ok: false, reason: "notFound" } as const;
    if (!AGENDA_STATUSES.includes(recommendation.status)) return { ok: false, reason: "notReady" } as const;
    const existing = await tx.committeeAgendaItem.findUnique({ where: { meetingId_recommendationId: { meetingId, recommendationId } }, select: { id: true } });
    if (existing) return { ok: false, reason: "alreadyOnAgenda" } as const;
    if (recommendation.status !== "UNDER_REVIEW") {
      const from = recommendation.status;
      const refusal = statusRefusal({ access, actorId, recommendation, from, to: "UNDER_REVIEW", via: "agenda" });
      if (refusal) return { ok: false, reason: refusal } as const;
      const moved = await applyStatusStep(tx, { workshopId, recommendationId, from, to: "UNDER_REVIEW", actorId, kind: "agenda" });
      if (!moved) return { ok: false, reason: "conflict" } as const;
    }
    const last = await tx.committeeAgendaItem.aggregate({ where: { meetingId }, _max: { position: true } });
    await tx.committeeAgendaItem.create({ data: { meetingId, recommendationId, position: (last._max.position ?? -1) + 1 } });
    return { ok: true } as const;
  });
}

/** Takes an item off the agenda, unless the committee already decided on it at this meeting (the record stays). */
export async function removeFromAgenda(input: { workshopId: string; meetingId: string; itemId: string }): Promise<MeetingChange> {
  const { workshopId, meetingId, itemId } = input;
  return getDb().$transaction(async (tx) => {
    const item = await tx.committeeAgendaItem.findFirst({
      where: { id: itemId, meetingId, meeting: { workshopId } },
      select: { recommendationId: true },
    });
    if (!item) return { ok: false, reason: "notFound" } as const;
    const decided = await tx.decision.count({ where: { meetingId, recommendationId: item.recommendationId } });
    if (decided > 0) return { ok: false, reason: "decided" } as const;
    await tx.committeeAgendaItem.delete({ where: { id: itemId } });
    return { ok: true } as const;
  });
}

/** Moves an item one place up or down the agenda (swapping with its neighbour); at either end, nothing moves. */
export async function moveAgendaItem(input: { workshopId: string; meetingId: string; itemId: string; direction: "up" | "down" }): Promise<MeetingChange> {
  const { workshopId, meetingId, itemId, direction } = input;
  return getDb().$transaction(async (tx) => {
    const items = await tx.committeeAgendaItem.findMany({
      where: { meetingId, meeting: { workshopId } },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    const index = items.findIndex((item) => item.id === itemId);
    if (index === -1) return { ok: false, reason: "notFound" } as const;
    const target = direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= items.length) return { ok: true } as const;
    const order = items.map((item) => item.id);
    [order[index], order[target]] = [order[target], order[index]];
    // Positions are rewritten 0..n-1, which also mends any gaps or ties left by removals.
    for (const [position, id] of order.entries()) await tx.committeeAgendaItem.update({ where: { id }, data: { position } });
    return { ok: true } as const;
  });
}

/** The frozen states of the board versions a dossier cites, by version id (only versions of this workshop's boards). */
export async function loadEvidenceStates({ workshopId, dossier }: { workshopId: string; dossier: MeetingDossier }): Promise<Map<string, Uint8Array>> {
  const versionIds = [...new Set(dossier.items.flatMap((item) => item.recommendation.sources.map((source) => source.boardVersionId)))];
  if (versionIds.length === 0) return new Map();
  const versions = await getDb().boardVersion.findMany({
    where: { id: { in: versionIds }, board: { workshopId } },
    select: { id: true, state: true },
  });
  return new Map(versions.map((version) => [version.id, new Uint8Array(version.state)]));
}
