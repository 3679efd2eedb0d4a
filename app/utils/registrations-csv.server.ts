import { formatInTimeZone } from "date-fns-tz";
import type { Language } from "~/i18n/config";
import { translatorFor } from "~/i18n/i18n";
import type { RegistrationRow } from "~/models/registration.server";
import { toCsv } from "./csv";

/** Sortable and read as a date by spreadsheets, in the workshop's time zone like everything else it shows. */
const CSV_DATE_FORMAT = "yyyy-MM-dd HH:mm";

/** The registrations as a spreadsheet in the organiser's language: header, then one row per person. */
export function registrationsCsv({
  rows,
  language,
  timeZone,
}: {
  rows: RegistrationRow[];
  language: Language;
  timeZone: string;
}) {
  const t = translatorFor(language);
  const date = (value: Date | null) => (value ? formatInTimeZone(value, timeZone, CSV_DATE_FORMAT) : "");
  return toCsv([
    ["name", "email", "mode", "session", "registeredAt", "checkedInAt"].map((column) =>
      t(`registration:columns.${column}`)
    ),
    ...rows.map((row) => [
      row.user.name,
      row.user.email ?? "",
      t(`registration:mode.${row.mode}`),
      row.session?.title ?? "",
      date(row.createdAt),
      date(row.checkedInAt),
    ]),
  ]);
}

/** An ASCII file name (every browser and mail client keeps it intact) naming the workshop by its join code. */
export function registrationsFileName({
  joinCode,
  language,
  now = new Date(),
}: {
  joinCode: string;
  language: Language;
  now?: Date;
}) {
  const t = translatorFor(language);
  const base =
    t("registration:csv.fileName")
      .normalize("NFKD")
      .replace(/[^\w-]+/g, "") || "registrations";
  const code = joinCode.replace(/[^\w-]+/g, "").toLowerCase();
  return `${base}-${code}-${now.toISOString().slice(0, 10)}.csv`;
}
