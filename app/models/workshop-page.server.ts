import { getDb } from "~/db/client.server";
import { listAgendaItems } from "./agenda.server";
import { listSessions } from "./session.server";
import { getWorkshop } from "./workshop.server";

/**
 * Everything the workshop page shows, for one reader. The join code is for organisers only: with it anyone in
 * the room could join, so it is not handed out on a page that may be public.
 */
export async function getWorkshopPage({ workshopId, userId, isOrganiser }: { workshopId: string; userId: string | null; isOrganiser: boolean }) {
  const [workshop, sessions, agenda, registration] = await Promise.all([
    getWorkshop({ workshopId }),
    listSessions({ workshopId }),
    listAgendaItems({ workshopId }),
    userId
      ? getDb().registration.findUnique({ where: { workshopId_userId: { workshopId, userId } }, select: { id: true } })
      : null,
  ]);
  if (!workshop) return null;
  const { joinCode, ...details } = workshop;
  return {
    workshop: { ...details, joinCode: isOrganiser ? joinCode : null },
    sessions,
    agenda,
    registered: registration !== null,
  };
}
