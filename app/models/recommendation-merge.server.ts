import { getDb } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import type { RecommendationStatus } from "~/generated/prisma/enums";
import { mayRead } from "~/recommendations/permissions";
import { actorRoles, isFinal, mayTransition } from "~/recommendations/workflow";
import type { WorkshopAccess } from "./access.server";
import { applyStatusStep } from "./recommendation-status.server";

/**
 * Merging duplicates (often from parallel sessions): the target gets every source and every supporter of the
 * merged one (one stance per person: support if either had it, the target's agreement if stated there); comments
 * stay where they were written; the merged one becomes MERGED and points at the target. Both histories say so.
 */

export type MergeRefusal = "notFound" | "forbidden" | "conflict" | "self" | "targetNotFound" | "targetClosed";
export type MergeOutcome = { ok: true } | { ok: false; reason: MergeRefusal };

type Tx = Prisma.TransactionClient;

export async function mergeRecommendation(input: {
  workshopId: string;
  recommendationId: string;
  targetId: string;
  access: WorkshopAccess;
  actorId: string;
  /** The status the person saw: a change since then makes it a conflict. */
  from: RecommendationStatus;
}): Promise<MergeOutcome> {
  const { workshopId, recommendationId, targetId, access, actorId, from } = input;
  if (recommendationId === targetId) return { ok: false, reason: "self" };
  return getDb().$transaction(async (tx) => {
    // Both rows locked in a fixed order: two people merging A into B and B into A at once cannot both succeed.
    await tx.$queryRaw`SELECT "id" FROM "Recommendation" WHERE "id" IN (${recommendationId}, ${targetId}) ORDER BY "id" FOR UPDATE`;
    const select = { id: true, title: true, workshopId: true, status: true, authorId: true, sessionId: true, visibility: true } as const;
    const [merged, target] = await Promise.all([
      tx.recommendation.findFirst({ where: { id: recommendationId, workshopId }, select }),
      tx.recommendation.findFirst({ where: { id: targetId, workshopId }, select }),
    ]);
    if (!merged || !mayRead(access, actorId, merged)) return { ok: false, reason: "notFound" } as const;
    if (!mayTransition({ from, to: "MERGED", via: "merge", actor: actorRoles({ access, userId: actorId, recommendation: merged }) })) {
      return { ok: false, reason: "forbidden" } as const;
    }
    // A recommendation of another workshop is not a target: it is "not found" here, whatever its id.
    if (!target || !mayRead(access, actorId, target)) return { ok: false, reason: "targetNotFound" } as const;
    if (isFinal(target.status)) return { ok: false, reason: "targetClosed" } as const;
    if (merged.status !== from) return { ok: false, reason: "conflict" } as const;

    await moveSources(tx, recommendationId, targetId);
    await moveSupports(tx, recommendationId, targetId);
    const moved = await applyStatusStep(tx, {
      workshopId,
      recommendationId,
      from,
      to: "MERGED",
      actorId,
      kind: "merged",
      data: { mergedIntoId: targetId },
      changes: { mergedInto: [null, target.title] },
    });
    if (!moved) return { ok: false, reason: "conflict" } as const;
    await tx.recommendationEvent.create({
      data: { recommendationId: targetId, actorId, kind: "mergedFrom", changes: { mergedFrom: [null, merged.title] } },
    });
    return { ok: true } as const;
  });
}

async function moveSources(tx: Tx, fromId: string, toId: string) {
  const [sources, existing] = await Promise.all([
    tx.recommendationSource.findMany({ where: { recommendationId: fromId }, select: { id: true, boardVersionId: true, elementId: true } }),
    tx.recommendationSource.findMany({ where: { recommendationId: toId }, select: { boardVersionId: true, elementId: true } }),
  ]);
  const held = new Set(existing.map((source) => `${source.boardVersionId}/${source.elementId}`));
  const duplicates = sources.filter((source) => held.has(`${source.boardVersionId}/${source.elementId}`)).map((source) => source.id);
  await tx.recommendationSource.deleteMany({ where: { id: { in: duplicates } } });
  await tx.recommendationSource.updateMany({ where: { recommendationId: fromId }, data: { recommendationId: toId } });
}

async function moveSupports(tx: Tx, fromId: string, toId: string) {
  const [supports, existing] = await Promise.all([
    tx.recommendationSupport.findMany({ where: { recommendationId: fromId }, select: { userId: true, supported: true, agreement: true } }),
    tx.recommendationSupport.findMany({ where: { recommendationId: toId }, select: { userId: true, supported: true, agreement: true } }),
  ]);
  const onTarget = new Map(existing.map((support) => [support.userId, support]));
  for (const support of supports) {
    const held = onTarget.get(support.userId);
    if (held) {
      await tx.recommendationSupport.update({
        where: { recommendationId_userId: { recommendationId: toId, userId: support.userId } },
        data: { supported: held.supported || support.supported, agreement: held.agreement ?? support.agreement },
      });
    } else {
      await tx.recommendationSupport.create({ data: { recommendationId: toId, ...support } });
    }
  }
  await tx.recommendationSupport.deleteMany({ where: { recommendationId: fromId } });
}
