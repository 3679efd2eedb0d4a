import { getDb } from "~/db/client.server";

/** How a workshop collects recommendations: who writes them, and how many supports each participant gives. */
export async function getRecommendationSettings({ workshopId }: { workshopId: string }) {
  const workshop = await getDb().workshop.findUnique({
    where: { id: workshopId },
    select: { supportsPerPerson: true, sessions: { orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true, title: true, participantsMayRecommend: true } } },
  });
  return workshop;
}

/**
 * Organisers set both at once. Lowering the number of supports keeps what people already gave (they just cannot
 * give more until they are under the new limit): taking support back silently would rewrite the ranking.
 */
export async function updateRecommendationSettings(input: { workshopId: string; actorId: string; supportsPerPerson: number; openSessionIds: string[] }) {
  const { workshopId, actorId, supportsPerPerson, openSessionIds } = input;
  await getDb().$transaction(async (tx) => {
    await tx.workshop.update({ where: { id: workshopId }, data: { supportsPerPerson } });
    await tx.session.updateMany({ where: { workshopId }, data: { participantsMayRecommend: false } });
    await tx.session.updateMany({ where: { workshopId, id: { in: openSessionIds } }, data: { participantsMayRecommend: true } });
    await tx.auditLog.create({
      data: { workshopId, actorId, action: "recommendations.settings", subjectType: "Workshop", subjectId: workshopId, data: { supportsPerPerson, openSessionIds } },
    });
  });
}
