import { formatInTimeZone } from "date-fns-tz";
import { getDb } from "~/db/client.server";
import type { AttendanceMode, RecommendationStatus, RecommendationTheme } from "~/generated/prisma/enums";
import { PLENARY } from "~/live/protocol";

/**
 * The figures of a workshop's dashboard, computed from the records themselves: recommendations (merged ones count
 * in the one they were merged into), attendance (check-ins and the live and video rooms' join events), support,
 * decisions and follow-up updates. Days are the workshop's days, in its time zone.
 */

const DAY = "yyyy-MM-dd";
const TOP_SUPPORTED = 8;

export interface DashboardData {
  sessions: Array<{ id: string; title: string }>;
  byTheme: Array<{ theme: RecommendationTheme; count: number }>;
  /** Session id, or null for recommendations of the plenary. */
  bySession: Array<{ sessionId: string | null; count: number }>;
  byStatus: Array<{ status: RecommendationStatus; count: number }>;
  /** Per room (a session id, or "plenary"): how many different people attended in person and remotely. */
  participation: Array<{ room: string; inPerson: number; remote: number }>;
  topSupported: Array<{ id: string; title: string; supports: number }>;
  /** Cumulative number of decisions at the end of each day with a decision. */
  decisions: Array<{ day: string; total: number }>;
  /** Mean progress (0–100) of the actions that existed at the end of each day with an update. */
  progress: Array<{ day: string; mean: number }>;
  totals: { recommendations: number; decisions: number; actions: number };
}

export async function getDashboard({ workshopId, timeZone }: { workshopId: string; timeZone: string }): Promise<DashboardData> {
  const db = getDb();
  const counted = { workshopId, status: { not: "MERGED" as const } };
  const [sessions, themes, perSession, statuses, checkIns, joins, supported, decisions, updates, actions] = await Promise.all([
    db.session.findMany({ where: { workshopId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true, title: true } }),
    db.recommendation.groupBy({ by: ["theme"], where: counted, _count: { _all: true } }),
    db.recommendation.groupBy({ by: ["sessionId"], where: counted, _count: { _all: true } }),
    db.recommendation.groupBy({ by: ["status"], where: counted, _count: { _all: true } }),
    db.registration.findMany({ where: { workshopId, checkedInAt: { not: null } }, select: { userId: true, sessionId: true, mode: true } }),
    db.attendanceEvent.findMany({ where: { workshopId, kind: "JOIN" }, distinct: ["userId", "room", "mode"], select: { userId: true, room: true, mode: true } }),
    db.recommendation.findMany({
      where: { ...counted, supports: { some: { supported: true } } },
      select: { id: true, title: true, _count: { select: { supports: { where: { supported: true } } } } },
    }),
    db.decision.findMany({ where: { recommendation: { workshopId } }, orderBy: { decidedAt: "asc" }, select: { decidedAt: true } }),
    db.followUpUpdate.findMany({
      where: { action: { recommendation: { workshopId } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { actionId: true, progress: true, createdAt: true },
    }),
    db.followUpAction.count({ where: { recommendation: { workshopId } } }),
  ]);

  const day = (date: Date) => formatInTimeZone(date, timeZone, DAY);
  return {
    sessions,
    byTheme: themes.map((row) => ({ theme: row.theme, count: row._count._all })),
    bySession: perSession.map((row) => ({ sessionId: row.sessionId, count: row._count._all })),
    byStatus: statuses.map((row) => ({ status: row.status, count: row._count._all })),
    participation: participationByRoom(sessions, [
      ...checkIns.map((row) => ({ userId: row.userId, room: row.sessionId ?? PLENARY, mode: row.mode })),
      ...joins,
    ]),
    topSupported: supported
      .map((row) => ({ id: row.id, title: row.title, supports: row._count.supports }))
      .sort((a, b) => b.supports - a.supports || a.title.localeCompare(b.title))
      .slice(0, TOP_SUPPORTED),
    decisions: cumulativeByDay(decisions.map((decision) => day(decision.decidedAt))),
    progress: meanProgressByDay(updates.map((update) => ({ ...update, day: day(update.createdAt) }))),
    totals: {
      recommendations: statuses.reduce((sum, row) => sum + row._count._all, 0),
      decisions: decisions.length,
      actions,
    },
  };
}

/** Different people per room and mode: someone checked in and also seen joining the room counts once. */
function participationByRoom(sessions: Array<{ id: string }>, presences: Array<{ userId: string; room: string; mode: AttendanceMode }>) {
  const rooms = [...sessions.map((session) => session.id), PLENARY];
  const people = new Map<string, Set<string>>();
  for (const { userId, room, mode } of presences) {
    const key = `${room}:${mode}`;
    if (!people.has(key)) people.set(key, new Set());
    people.get(key)?.add(userId);
  }
  return rooms.map((room) => ({
    room,
    inPerson: people.get(`${room}:IN_PERSON`)?.size ?? 0,
    remote: people.get(`${room}:REMOTE`)?.size ?? 0,
  }));
}

function cumulativeByDay(days: string[]): Array<{ day: string; total: number }> {
  const points: Array<{ day: string; total: number }> = [];
  days.forEach((value, index) => {
    const last = points[points.length - 1];
    if (last?.day === value) last.total = index + 1;
    else points.push({ day: value, total: index + 1 });
  });
  return points;
}

/** Replays the updates in order: each day's point is the mean of every action's latest progress at that day's end. */
function meanProgressByDay(updates: Array<{ actionId: string; progress: number; day: string }>): Array<{ day: string; mean: number }> {
  const latest = new Map<string, number>();
  const points: Array<{ day: string; mean: number }> = [];
  for (const update of updates) {
    latest.set(update.actionId, update.progress);
    const mean = Math.round([...latest.values()].reduce((sum, value) => sum + value, 0) / latest.size);
    const last = points[points.length - 1];
    if (last?.day === update.day) last.mean = mean;
    else points.push({ day: update.day, mean });
  }
  return points;
}
