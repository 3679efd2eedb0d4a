import { getDb } from "~/db/client.server";
import { maySupport, mayRead } from "~/recommendations/permissions";
import { rankBySession, tallyOf } from "~/recommendations/ranking";
import type { WorkshopAccess } from "./access.server";
import { readableWhere } from "./recommendations.server";

/**
 * Prioritisation: each person supports up to Workshop.supportsPerPerson recommendations and states how far they
 * agree with any of them (1–5). Results are ranked per session and for the whole workshop.
 */

export type SupportRefusal = "notFound" | "forbidden" | "limitReached";
export type SupportChange = { ok: true } | { ok: false; reason: SupportRefusal; limit?: number };

async function openForSupport(input: { workshopId: string; recommendationId: string; access: WorkshopAccess; userId: string }) {
  const { workshopId, recommendationId, access, userId } = input;
  const recommendation = await getDb().recommendation.findFirst({
    where: { id: recommendationId, workshopId },
    select: { status: true, authorId: true, sessionId: true, visibility: true },
  });
  if (!recommendation || !mayRead(access, userId, recommendation)) return "notFound" as const;
  if (!maySupport(access, recommendation.status)) return "forbidden" as const;
  return null;
}

/**
 * Gives or withdraws one's support. The person's membership row is locked while counting, so that two quick clicks
 * on two recommendations cannot both take the last support left.
 */
export async function setSupport(input: {
  workshopId: string;
  recommendationId: string;
  access: WorkshopAccess;
  userId: string;
  supported: boolean;
}): Promise<SupportChange> {
  const { workshopId, recommendationId, userId, supported } = input;
  const refusal = await openForSupport(input);
  if (refusal) return { ok: false, reason: refusal };
  return getDb().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Membership" WHERE "workshopId" = ${workshopId} AND "userId" = ${userId} FOR UPDATE`;
    if (supported) {
      const workshop = await tx.workshop.findUniqueOrThrow({ where: { id: workshopId }, select: { supportsPerPerson: true } });
      const given = await tx.recommendationSupport.count({
        where: { userId, supported: true, recommendation: { workshopId }, NOT: { recommendationId } },
      });
      if (given >= workshop.supportsPerPerson) return { ok: false, reason: "limitReached", limit: workshop.supportsPerPerson } as const;
    }
    await tx.recommendationSupport.upsert({
      where: { recommendationId_userId: { recommendationId, userId } },
      create: { recommendationId, userId, supported },
      update: { supported },
    });
    return { ok: true } as const;
  });
}

/** States (1–5) or clears (null) one's agreement; it does not count against the supports. */
export async function setAgreement(input: {
  workshopId: string;
  recommendationId: string;
  access: WorkshopAccess;
  userId: string;
  agreement: number | null;
}): Promise<SupportChange> {
  const { recommendationId, userId, agreement } = input;
  const refusal = await openForSupport(input);
  if (refusal) return { ok: false, reason: refusal };
  await getDb().recommendationSupport.upsert({
    where: { recommendationId_userId: { recommendationId, userId } },
    create: { recommendationId, userId, agreement },
    update: { agreement },
  });
  return { ok: true };
}

/** How many supports this person has given in the workshop, and how many they may give. */
export async function supportBudget({ workshopId, userId }: { workshopId: string; userId: string }) {
  const db = getDb();
  const [workshop, given] = await Promise.all([
    db.workshop.findUniqueOrThrow({ where: { id: workshopId }, select: { supportsPerPerson: true } }),
    db.recommendationSupport.count({ where: { userId, supported: true, recommendation: { workshopId } } }),
  ]);
  return { limit: workshop.supportsPerPerson, given, left: Math.max(0, workshop.supportsPerPerson - given) };
}

/** Rankings of the recommendations open to prioritisation or past it (not drafts, not merged). */
export async function rankRecommendations(input: { workshopId: string; access: WorkshopAccess; userId: string }) {
  const { workshopId, access, userId } = input;
  const db = getDb();
  const [sessions, rows] = await Promise.all([
    db.session.findMany({ where: { workshopId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true, title: true } }),
    db.recommendation.findMany({
      where: { AND: [{ workshopId, status: { notIn: ["DRAFT", "MERGED"] } }, readableWhere(access, userId)] },
      select: { id: true, title: true, status: true, sessionId: true, supports: { select: { supported: true, agreement: true } } },
    }),
  ]);
  const items = rows.map(({ supports, ...row }) => ({ ...row, tally: tallyOf(supports) }));
  const { overall, bySession } = rankBySession(
    items,
    sessions.map((session) => session.id),
  );
  const titles = new Map(sessions.map((session) => [session.id, session.title]));
  return { overall, bySession: bySession.map((group) => ({ ...group, sessionTitle: group.sessionId ? (titles.get(group.sessionId) ?? null) : null })) };
}
