import { formatInTimeZone } from "date-fns-tz";
import type { Language } from "~/i18n/config";
import { translatorFor } from "~/i18n/i18n";
import type { MeetingDossier } from "~/models/committee.server";
import { toCsv } from "~/utils/csv";
import { evidencePath } from "./links";
import { dayOf } from "./overdue";

/**
 * A meeting's agenda as a table, one row per recommendation, in one language: the CSV and each sheet of the workbook.
 * What people wrote stays as written; labels, statuses and headers are translated.
 */

const COLUMNS = [
  "position",
  "title",
  "session",
  "theme",
  "status",
  "priority",
  "costBand",
  "timeframe",
  "ownerInstitution",
  "supports",
  "agreement",
  "problem",
  "proposedAction",
  "rationale",
  "outcome",
  "decisionRationale",
  "decisionChanges",
  "decidedBy",
  "decidedAt",
  "evidence",
  "followUps",
] as const;

export type DossierColumn = (typeof COLUMNS)[number];
export type DossierCell = string | number | null;

/** Columns of written text, which spreadsheets show wide and wrapped. */
export const LONG_TEXT_COLUMNS: ReadonlySet<DossierColumn> = new Set([
  "problem",
  "proposedAction",
  "rationale",
  "decisionRationale",
  "decisionChanges",
  "evidence",
  "followUps",
]);

export interface DossierTable {
  columns: readonly DossierColumn[];
  headers: string[];
  rows: DossierCell[][];
}

export function dossierTable({ dossier, language, origin }: { dossier: MeetingDossier; language: Language; origin: string }): DossierTable {
  const t = translatorFor(language);
  const timeZone = dossier.workshop.timezone;
  const rows = dossier.items.map((item, index): DossierCell[] => {
    const { recommendation: r } = item;
    const decision = r.decision;
    const cells: Record<DossierColumn, DossierCell> = {
      position: index + 1,
      title: r.title,
      session: r.session?.title ?? t("recommendations:plenary"),
      theme: t(`recommendations:themes.${r.theme}`),
      status: t(`recommendations:statuses.${r.status}`),
      priority: t(`recommendations:priorities.${r.priority}`),
      costBand: t(`recommendations:costBands.${r.costBand}`),
      timeframe: t(`recommendations:timeframes.${r.timeframe}`),
      ownerInstitution: r.ownerInstitution,
      supports: r.tally.supports,
      agreement: r.tally.agreement === null ? null : Math.round(r.tally.agreement * 10) / 10,
      problem: r.problem,
      proposedAction: r.proposedAction,
      rationale: r.rationale,
      outcome: decision ? t(`recommendations:outcomes.${decision.outcome}`) : "",
      decisionRationale: decision?.rationale ?? "",
      decisionChanges: decision?.changes ?? "",
      decidedBy: decision?.decidedBy?.name ?? "",
      decidedAt: decision ? formatInTimeZone(decision.decidedAt, timeZone, "yyyy-MM-dd HH:mm") : "",
      evidence: r.sources
        .map((source) =>
          t("committee:dossier.evidenceLine", {
            board: source.board.title,
            version: source.boardVersion.name,
            excerpt: source.excerpt,
            url: new URL(evidencePath(dossier.workshop.id, source), origin).toString(),
          }),
        )
        .join("\n"),
      followUps: r.followUps
        .map((action) =>
          t("committee:dossier.followUpLine", {
            title: action.title,
            owner: [action.ownerInstitution, action.ownerName].filter(Boolean).join(", "),
            date: dayOf(action.dueDate),
            status: t(`recommendations:followUpStatuses.${action.status}`),
            progress: action.progress,
          }),
        )
        .join("\n"),
    };
    return COLUMNS.map((column) => cells[column]);
  });
  return { columns: COLUMNS, headers: COLUMNS.map((column) => t(`committee:dossier.columns.${column}`)), rows };
}

export function dossierCsv(table: DossierTable): string {
  return toCsv([table.headers, ...table.rows]);
}

/** An ASCII file name (kept intact by every browser and mail client) with the meeting's date. */
export function dossierFileName({ dossier, language, extension }: { dossier: MeetingDossier; language: Language; extension: string }) {
  const base =
    translatorFor(language)("committee:dossier.fileName")
      .normalize("NFKD")
      .replace(/[^\w-]+/g, "") || "dossier";
  const day = formatInTimeZone(dossier.scheduledAt, dossier.workshop.timezone, "yyyy-MM-dd");
  return `${base}-${day}-${language}.${extension}`;
}
