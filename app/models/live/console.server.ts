import { getDb } from "~/db/client.server";
import type { AgendaItemView, PresentPerson, RoomKey } from "~/live/protocol";
import { currentAgendaItem, getStage } from "./live-state.server";
import { listPresent } from "./presence.server";
import { listRooms } from "./room-access.server";

/** The scope of the LiveTimer row that runs in every parallel session at once. */
const ALL_SESSIONS_TIMER = "all";

export interface ConsoleTimer {
  durationMs: number;
  /** When running: when it ends, by the server's clock. */
  endsAt: string | null;
  /** When paused: what is left. */
  remainingMs: number | null;
}

export interface ConsolePerson {
  userId: string;
  name: string;
}

export interface ConsoleRoom {
  key: RoomKey;
  title: string | null;
  place: string | null;
  counts: { inPerson: number; remote: number };
  present: PresentPerson[];
  /** The queue, first raised first. */
  hands: ConsolePerson[];
  helpRequests: Array<ConsolePerson & { id: string; createdAt: string }>;
  currentAgendaItem: AgendaItemView | null;
  timer: ConsoleTimer | null;
}

export interface ConsoleSummary {
  stage: "PLENARY" | "PARALLEL";
  rooms: ConsoleRoom[];
  allSessionsTimer: ConsoleTimer | null;
}

const timerView = (row: { durationMs: number; endsAt: Date | null; remainingMs: number | null }): ConsoleTimer => ({
  durationMs: row.durationMs,
  endsAt: row.endsAt?.toISOString() ?? null,
  remainingMs: row.remainingMs,
});

/**
 * Every room of a workshop at a glance, for the organisers' console: who is there, who waits to speak, who called
 * for help, what each room is on and its countdown. Read from PostgreSQL, so it is the same whichever server
 * process the console is connected to.
 */
export async function getConsoleSummary({ workshopId }: { workshopId: string }): Promise<ConsoleSummary> {
  const db = getDb();
  const [rooms, stage, hands, helpRequests, timers] = await Promise.all([
    listRooms({ workshopId }),
    getStage({ workshopId }),
    db.raisedHand.findMany({ where: { workshopId }, orderBy: { raisedAt: "asc" }, select: { room: true, userId: true } }),
    db.helpRequest.findMany({
      where: { workshopId, resolvedAt: null },
      orderBy: { createdAt: "asc" },
      select: { id: true, room: true, userId: true, createdAt: true },
    }),
    db.liveTimer.findMany({ where: { workshopId } }),
  ]);
  const names = await namesOf([...hands, ...helpRequests].map((row) => row.userId));
  const perRoom = await Promise.all(
    rooms.map(async (room) => {
      const [present, agendaItem] = await Promise.all([
        listPresent({ workshopId, room: room.key }),
        currentAgendaItem({ workshopId, room: room.key }),
      ]);
      const timer = timers.find((row) => row.scope === room.key);
      return {
        ...room,
        // Counted from the same list the console shows, so the numbers and the names always agree.
        counts: {
          inPerson: present.filter((person) => person.mode === "IN_PERSON").length,
          remote: present.filter((person) => person.mode === "REMOTE").length,
        },
        present,
        hands: hands.filter((hand) => hand.room === room.key).map(({ userId }) => ({ userId, name: names.get(userId) ?? "" })),
        helpRequests: helpRequests
          .filter((request) => request.room === room.key)
          .map(({ id, userId, createdAt }) => ({ id, userId, name: names.get(userId) ?? "", createdAt: createdAt.toISOString() })),
        currentAgendaItem: agendaItem,
        timer: timer ? timerView(timer) : null,
      } satisfies ConsoleRoom;
    }),
  );
  const allSessions = timers.find((row) => row.scope === ALL_SESSIONS_TIMER);
  return { stage, rooms: perRoom, allSessionsTimer: allSessions ? timerView(allSessions) : null };
}

async function namesOf(userIds: string[]) {
  if (userIds.length === 0) return new Map<string, string>();
  const users = await getDb().user.findMany({ where: { id: { in: [...new Set(userIds)] } }, select: { id: true, name: true } });
  return new Map(users.map((user) => [user.id, user.name]));
}
