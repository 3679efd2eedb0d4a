import { formatInTimeZone } from "date-fns-tz";

/**
 * An action is overdue once its due day has passed where the workshop takes place, and it is not done. Due dates
 * are calendar days (stored as midnight UTC), compared as yyyy-MM-dd strings with today in the workshop's zone.
 */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return formatInTimeZone(now, timeZone, "yyyy-MM-dd");
}

export function dayOf(dueDate: Date | string): string {
  return new Date(dueDate).toISOString().slice(0, 10);
}

export function isOverdue(action: { dueDate: Date | string; status: string }, today: string): boolean {
  return action.status !== "DONE" && dayOf(action.dueDate) < today;
}
