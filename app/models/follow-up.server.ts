import { getDb } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import type { FollowUpStatus, RecommendationStatus } from "~/generated/prisma/enums";
import type { FollowUpFields, FollowUpFilters } from "~/committee/forms";
import { isOverdue } from "~/committee/overdue";
import type { WorkshopAccess } from "./access.server";
import { applyStatusStep, statusRefusal } from "./recommendation-status.server";

type Tx = Prisma.TransactionClient;

/**
 * Follow-up actions of accepted recommendations: who does what by when, how far it got. Every change of status or
 * progress (or a note about it) is kept as a FollowUpUpdate, for the action's history and the progress chart. When
 * work on an accepted recommendation starts, the recommendation moves to IN_IMPLEMENTATION in the same transaction.
 */

/** Recommendations that take follow-up actions: accepted by the committee (with or without changes), or under way. */
const FOLLOWED_STATUSES: RecommendationStatus[] = ["ACCEPTED", "ACCEPTED_WITH_CHANGES", "IN_IMPLEMENTATION"];
/** An action in one of these means work on its recommendation has begun. */
const STARTED: FollowUpStatus[] = ["IN_PROGRESS", "DONE"];

export type FollowUpRefusal = "notFound" | "notAccepted";
export type FollowUpChange<T = object> = ({ ok: true } & T) | { ok: false; reason: FollowUpRefusal };

export async function listFollowUpActions({ workshopId, filters, today }: { workshopId: string; filters: FollowUpFilters; today: string }) {
  const owner = filters.owner
    ? { OR: [{ ownerInstitution: { contains: filters.owner, mode: "insensitive" as const } }, { ownerName: { contains: filters.owner, mode: "insensitive" as const } }] }
    : {};
  const actions = await getDb().followUpAction.findMany({
    where: {
      recommendation: { workshopId },
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.overdue ? { dueDate: { lt: new Date(`${today}T00:00:00Z`) }, status: filters.status ?? { not: "DONE" } } : {}),
      ...owner,
    },
    orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      ownerInstitution: true,
      ownerName: true,
      dueDate: true,
      status: true,
      progress: true,
      notes: true,
      updatedAt: true,
      recommendation: { select: { id: true, title: true, status: true, followUps: { select: { status: true } } } },
      updates: {
        orderBy: { createdAt: "desc" },
        take: 10,
        select: { id: true, status: true, progress: true, note: true, createdAt: true, actor: { select: { name: true } } },
      },
    },
  });
  return actions.map(({ recommendation: { followUps, ...recommendation }, ...action }) => ({
    ...action,
    overdue: isOverdue(action, today),
    recommendation: { ...recommendation, allActionsDone: followUps.every((followUp) => followUp.status === "DONE") },
  }));
}

/** The recommendations an organiser may add follow-up actions to. */
export async function listFollowUpCandidates({ workshopId }: { workshopId: string }) {
  return getDb().recommendation.findMany({
    where: { workshopId, status: { in: FOLLOWED_STATUSES } },
    orderBy: { title: "asc" },
    select: { id: true, title: true, status: true },
  });
}

export async function createFollowUpAction(input: {
  workshopId: string;
  recommendationId: string;
  access: WorkshopAccess;
  actorId: string;
  fields: FollowUpFields;
}): Promise<FollowUpChange<{ actionId: string }>> {
  const { workshopId, recommendationId, access, actorId, fields } = input;
  const { note, ...data } = fields;
  return getDb().$transaction(async (tx) => {
    const recommendation = await tx.recommendation.findFirst({
      where: { id: recommendationId, workshopId },
      select: {
        status: true,
        authorId: true,
        sessionId: true,
        decisions: { where: { outcome: { in: ["ACCEPTED", "ACCEPTED_WITH_CHANGES"] } }, orderBy: { decidedAt: "desc" }, take: 1, select: { id: true } },
      },
    });
    if (!recommendation) return { ok: false, reason: "notFound" } as const;
    if (!FOLLOWED_STATUSES.includes(recommendation.status)) return { ok: false, reason: "notAccepted" } as const;
    const action = await tx.followUpAction.create({
      data: { ...data, recommendationId, decisionId: recommendation.decisions[0]?.id ?? null, createdById: actorId },
      select: { id: true },
    });
    await tx.followUpUpdate.create({ data: { actionId: action.id, actorId, status: data.status, progress: data.progress, note } });
    await startImplementation(tx, { workshopId, recommendationId, recommendation, access, actorId, actionStatus: data.status });
    return { ok: true, actionId: action.id } as const;
  });
}

export async function updateFollowUpAction(input: {
  workshopId: string;
  actionId: string;
  access: WorkshopAccess;
  actorId: string;
  fields: FollowUpFields;
}): Promise<FollowUpChange> {
  const { workshopId, actionId, access, actorId, fields } = input;
  const { note, ...data } = fields;
  return getDb().$transaction(async (tx) => {
    const action = await tx.followUpAction.findFirst({
      where: { id: actionId, recommendation: { workshopId } },
      select: { status: true, progress: true, recommendationId: true, recommendation: { select: { status: true, authorId: true, sessionId: true } } },
    });
    if (!action) return { ok: false, reason: "notFound" } as const;
    await tx.followUpAction.update({ where: { id: actionId }, data });
    if (action.status !== data.status || action.progress !== data.progress || note) {
      await tx.followUpUpdate.create({ data: { actionId, actorId, status: data.status, progress: data.progress, note } });
    }
    await startImplementation(tx, {
      workshopId,
      recommendationId: action.recommendationId,
      recommendation: action.recommendation,
      access,
      actorId,
      actionStatus: data.status,
    });
    return { ok: true } as const;
  });
}

/**
 * The first action that starts takes its accepted recommendation into implementation (the workflow's organiser
 * step). Conditional like every status change: if someone moved the recommendation meanwhile, it stays as they left it.
 */
async function startImplementation(
  tx: Tx,
  input: {
    workshopId: string;
    recommendationId: string;
    recommendation: { status: RecommendationStatus; authorId: string | null; sessionId: string | null };
    access: WorkshopAccess;
    actorId: string;
    actionStatus: FollowUpStatus;
  },
) {
  const { workshopId, recommendationId, recommendation, access, actorId, actionStatus } = input;
  if (!STARTED.includes(actionStatus)) return;
  const from = recommendation.status;
  if (from !== "ACCEPTED" && from !== "ACCEPTED_WITH_CHANGES") return;
  if (statusRefusal({ access, actorId, recommendation, from, to: "IN_IMPLEMENTATION", via: "status" })) return;
  await applyStatusStep(tx, { workshopId, recommendationId, from, to: "IN_IMPLEMENTATION", actorId });
}

/** How many actions of the workshop are overdue, for the dashboard. */
export async function countOverdueActions({ workshopId, today }: { workshopId: string; today: string }) {
  return getDb().followUpAction.count({
    where: { recommendation: { workshopId }, status: { not: "DONE" }, dueDate: { lt: new Date(`${today}T00:00:00Z`) } },
  });
}
