import { useTranslation } from "react-i18next";
import type { Language } from "~/i18n/config";
import { formatDateTime } from "~/utils/dates";

export interface HistoryEvent {
  id: string;
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  changes: unknown;
  reason: string | null;
  createdAt: string;
  actor: { name: string } | null;
}

/** Fields whose values are codes, and the part of the namespace that names them. */
const CODE_LABELS: Record<string, string> = {
  theme: "themes",
  priority: "priorities",
  costBand: "costBands",
  timeframe: "timeframes",
  visibility: "visibilities",
  status: "statuses",
  outcome: "outcomes",
};
const EXCERPT = 160;

function changeList(event: HistoryEvent): Array<[string, unknown, unknown]> {
  const changes = event.changes && typeof event.changes === "object" && !Array.isArray(event.changes) ? (event.changes as Record<string, unknown>) : {};
  const entries = Object.entries(changes)
    .filter((entry): entry is [string, unknown[]] => Array.isArray(entry[1]) && entry[1].length === 2)
    .map(([field, [before, after]]): [string, unknown, unknown] => [field, before, after]);
  // Steps recorded without their status in `changes` still show it.
  if (event.toStatus && !("status" in changes)) entries.unshift(["status", event.fromStatus, event.toStatus]);
  return entries;
}

/** Who did what and when, each change as before → after, in the reader's language and the workshop's time zone. */
export function RecommendationHistory({ events, timeZone, language }: { events: HistoryEvent[]; timeZone: string; language: Language }) {
  const { t } = useTranslation(["recommendations", "common"]);
  const show = (field: string, value: unknown) => {
    if (value === null || value === undefined || value === "") return t("history.empty");
    const text = String(value);
    if (CODE_LABELS[field]) return t(`${CODE_LABELS[field]}.${text}`, { defaultValue: text });
    if (field === "language") return t(`common:language.${text}`, { defaultValue: text });
    return text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text;
  };
  return (
    <ol className="recommendation-history">
      {[...events].reverse().map((event) => {
        const name = event.actor?.name ?? t("history.someone");
        return (
          <li key={event.id}>
            <p>
              <strong>{t(`history.kinds.${event.kind}`, { name, defaultValue: t("history.kinds.other", { name }) })}</strong>
              {" · "}
              <time dateTime={event.createdAt} className="muted">
                {formatDateTime(event.createdAt, timeZone, language, { dateStyle: "medium", timeStyle: "short" })}
              </time>
            </p>
            <ul className="recommendation-history__changes">
              {changeList(event).map(([field, before, after]) => {
                const values = { field: t(`history.fields.${field}`, { defaultValue: field }), before: show(field, before), after: show(field, after) };
                return (
                  <li key={field} dir="auto">
                    {before === null || before === undefined ? t("history.added", values) : t("history.change", values)}
                  </li>
                );
              })}
              {event.reason ? <li dir="auto">{t("history.reason", { reason: event.reason })}</li> : null}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}
