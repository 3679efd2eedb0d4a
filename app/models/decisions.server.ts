import { getDb } from "~/db/client.server";
import type { DecisionFields } from "~/committee/forms";
import type { WorkshopAccess } from "./access.server";
import { applyStatusStep, statusRefusal, type StatusRefusal } from "./recommendation-status.server";

/**
 * Committee decisions. A decision and the status it gives the recommendation are one transaction, conditional on the
 * recommendation still being under review: two members deciding at once cannot both win, and a decision is never
 * recorded without its status change and its history event (kind "decided", with the rationale as its reason).
 */

export type DecisionRefusal = "notFound" | StatusRefusal;
export type DecisionResult = { ok: true; decisionId: string } | { ok: false; reason: DecisionRefusal };

export async function recordDecision(input: {
  workshopId: string;
  meetingId: string;
  access: WorkshopAccess;
  actorId: string;
  decision: DecisionFields;
}): Promise<DecisionResult> {
  const { workshopId, meetingId, access, actorId, decision } = input;
  const { recommendationId, outcome, rationale, changes } = decision;
  return getDb().$transaction(async (tx) => {
    // Decisions are taken on a meeting's agenda: the recommendation must be on this meeting's, in this workshop.
    const item = await tx.committeeAgendaItem.findFirst({
      where: { meetingId, recommendationId, meeting: { workshopId } },
      select: { recommendation: { select: { status: true, authorId: true, sessionId: true } } },
    });
    if (!item) return { ok: false, reason: "notFound" } as const;
    const refusal = statusRefusal({
      access,
      actorId,
      recommendation: item.recommendation,
      from: "UNDER_REVIEW",
      to: outcome,
      via: "decision",
      reason: rationale,
      changes,
    });
    if (refusal) return { ok: false, reason: refusal } as const;
    const moved = await applyStatusStep(tx, {
      workshopId,
      recommendationId,
      from: "UNDER_REVIEW",
      to: outcome,
      actorId,
      reason: rationale,
      kind: "decided",
    });
    if (!moved) return { ok: false, reason: "conflict" } as const;
    const created = await tx.decision.create({
      data: { recommendationId, meetingId, outcome, rationale, changes, decidedById: actorId },
      select: { id: true },
    });
    return { ok: true, decisionId: created.id } as const;
  });
}
