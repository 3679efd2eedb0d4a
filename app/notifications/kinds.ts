/**
 * What a notification can be about. A notification stores its kind, its subject's id and a short excerpt — never
 * the subject's title, which is read when the notification is shown, with the reader's rights at that moment.
 */
export const NOTIFICATION_KINDS = [
  "practice.commented",
  "practice.questioned",
  "practice.answered",
  "practice.adopted",
  "practice.submitted",
  "practice.published",
  "practice.rejected",
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Kinds about the exchange under a practice: their link opens the page at that part. */
const ABOUT_THE_EXCHANGE: ReadonlySet<NotificationKind> = new Set(["practice.commented", "practice.questioned", "practice.answered", "practice.adopted"]);

/** Where a notification leads. */
export function notificationTarget(kind: NotificationKind, subjectId: string): string {
  const page = `/practices/${encodeURIComponent(subjectId)}`;
  return ABOUT_THE_EXCHANGE.has(kind) ? `${page}#exchange` : page;
}

/** The short text a notification may carry (the start of a comment, a moderation note), whatever else `data` holds. */
export function excerptOf(data: unknown): string | null {
  if (!data || typeof data !== "object") return null;
  const excerpt = (data as Record<string, unknown>).excerpt;
  return typeof excerpt === "string" && excerpt.trim() !== "" ? excerpt : null;
}

/** How many notifications a page shows before an "older" link. */
export const NOTIFICATIONS_PER_PAGE = 50;
