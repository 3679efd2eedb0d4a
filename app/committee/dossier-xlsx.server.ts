import ExcelJS from "exceljs";
import type { Language } from "~/i18n/config";
import { translatorFor } from "~/i18n/i18n";
import type { MeetingDossier } from "~/models/committee.server";
import { LONG_TEXT_COLUMNS, dossierTable } from "./dossier-table.server";

/** Characters a sheet name may not hold, and its length limit, in Excel. */
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;
const SHEET_NAME_MAX = 31;

/**
 * The agenda as a workbook: one sheet per dossier language, right to left for Arabic, header row frozen. Cells hold
 * text and numbers only: a value typed as "=…" stays text, never a formula.
 */
export async function dossierXlsx({ dossier, languages, origin }: { dossier: MeetingDossier; languages: Language[]; origin: string }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Majlis";
  workbook.title = dossier.title;
  for (const language of languages) {
    const t = translatorFor(language);
    const table = dossierTable({ dossier, language, origin });
    const name = `${t("committee:dossier.sheet")} (${language})`.replace(SHEET_NAME_FORBIDDEN, " ").slice(0, SHEET_NAME_MAX);
    const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1, rightToLeft: language === "ar" }] });
    // Written texts get wide, wrapped columns; the others are as wide as their header.
    sheet.columns = table.headers.map((header, index) => ({
      header,
      width: LONG_TEXT_COLUMNS.has(table.columns[index]) ? 48 : Math.max(12, Math.min(30, header.length + 4)),
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row);
    sheet.eachRow((row) => {
      row.alignment = { vertical: "top", wrapText: true };
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
