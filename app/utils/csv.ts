/**
 * CSV for spreadsheets (RFC 4180, CRLF line ends). Excel reads a file as UTF-8 only when it starts with a byte
 * order mark; without it, Arabic and accented names come out garbled.
 */
const BYTE_ORDER_MARK = "\uFEFF";

/** A spreadsheet runs a cell starting with one of these as a formula, so a name like "=HYPERLINK(…)" could act. */
const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"]);

export function csvField(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (text.length > 0 && FORMULA_TRIGGERS.has(text[0])) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return BYTE_ORDER_MARK + rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}
