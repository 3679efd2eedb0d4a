import { getDb } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import type { RecommendationStatus } from "~/generated/prisma/enums";
import type { WorkshopAccess } from "./access.server";
import {
  actorRoles,
  isTransition,
  mayTransition,
  requiresChanges,
  requiresReason,
  type TransitionChannel,
} from "~/recommendations/workflow";

type Tx = Prisma.TransactionClient;

/**
 * Status changes of recommendations. Every change is conditional on the status the person saw, and writes its
 * history event in the same transaction: two people pressing buttons at once cannot both win, and no change goes
 * unrecorded.
 */

export interface StatusStep {
  workshopId: string;
  recommendationId: string;
  from: RecommendationStatus;
  to: RecommendationStatus;
  actorId: string;
  reason?: string | null;
  /** Extra fields to set with the status (e.g. mergedIntoId). */
  data?: Prisma.RecommendationUncheckedUpdateManyInput;
  /** Written to the event's `changes` beside the status. */
  changes?: Record<string, [unknown, unknown]>;
  kind?: string;
}

/**
 * For the caller's transaction (a decision, an agenda, a merge): moves the status only if it is still `from`, and
 * records who, when and why. False when someone changed it first: the caller then rolls back and reports a conflict.
 * Who may take the step is the caller's check (mayTransition with its channel).
 */
export async function applyStatusStep(tx: Tx, step: StatusStep): Promise<boolean> {
  const { workshopId, recommendationId, from, to, actorId, reason = null, data = {}, changes, kind = "status" } = step;
  const moved = await tx.recommendation.updateMany({
    where: { id: recommendationId, workshopId, status: from },
    data: { ...data, status: to },
  });
  if (moved.count === 0) return false;
  await tx.recommendationEvent.create({
    data: {
      recommendationId,
      actorId,
      kind,
      fromStatus: from,
      toStatus: to,
      reason: reason || null,
      changes: { status: [from, to], ...changes } as Prisma.InputJsonValue,
    },
  });
  return true;
}

export type StatusRefusal = "notFound" | "forbidden" | "conflict" | "reasonRequired" | "changesRequired" | "notAStep";
export type StatusChange = { ok: true } | { ok: false; reason: StatusRefusal };

/** Why this person may not take this step now, or null when they may (before any write). */
export function statusRefusal(input: {
  access: WorkshopAccess;
  actorId: string;
  recommendation: { status: RecommendationStatus; authorId: string | null; sessionId: string | null };
  from: RecommendationStatus;
  to: RecommendationStatus;
  via: TransitionChannel;
  reason?: string | null;
  changes?: string | null;
}): StatusRefusal | null {
  const { access, actorId, recommendation, from, to, via } = input;
  if (!isTransition(from, to, via)) return "notAStep";
  const actor = actorRoles({ access, userId: actorId, recommendation });
  if (!mayTransition({ from, to, actor, via })) return "forbidden";
  if (requiresReason(to) && !input.reason?.trim()) return "reasonRequired";
  if (requiresChanges(to) && !input.changes?.trim()) return "changesRequired";
  // Checked last, and again by the conditional update: someone may have moved it since the page was shown.
  if (recommendation.status !== from) return "conflict";
  return null;
}

/**
 * A status button on the recommendation's page (DRAFT → SUBMITTED, → CONSOLIDATED, → UNDER_REVIEW…). Decisions
 * and merges go through their own functions, which take their steps through `applyStatusStep`.
 */
export async function changeRecommendationStatus(input: {
  workshopId: string;
  recommendationId: string;
  access: WorkshopAccess;
  actorId: string;
  from: RecommendationStatus;
  to: RecommendationStatus;
  reason?: string | null;
}): Promise<StatusChange> {
  const { workshopId, recommendationId, access, actorId, from, to, reason } = input;
  return getDb().$transaction(async (tx) => {
    const recommendation = await tx.recommendation.findFirst({
      where: { id: recommendationId, workshopId },
      select: { status: true, authorId: true, sessionId: true },
    });
    if (!recommendation) return { ok: false, reason: "notFound" } as const;
    const refusal = statusRefusal({ access, actorId, recommendation, from, to, via: "status", reason });
    if (refusal) return { ok: false, reason: refusal } as const;
    const moved = await applyStatusStep(tx, { workshopId, recommendationId, from, to, actorId, reason });
    return moved ? ({ ok: true } as const) : ({ ok: false, reason: "conflict" } as const);
  });
}
