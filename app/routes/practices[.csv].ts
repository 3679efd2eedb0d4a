import type { LoaderFunctionArgs } from "@remix-run/node";
import { getUser } from "~/auth/session.server";
import { LANGUAGES, type Language } from "~/i18n/config";
import { translatorFor } from "~/i18n/i18n";
import { resolveLanguage } from "~/i18n/locale.server";
import { exportPractices } from "~/models/practice-search.server";
import { countryName } from "~/practices/countries";
import { readLibraryFilters } from "~/practices/filters";
import { practiceViewerOf } from "~/practices/viewer";
import { toCsv } from "~/utils/csv";
import { absoluteUrl } from "~/utils/public-url.server";

const COLUMNS = ["title", "institution", "country", "themes", "languages", "visibility", "status", "publishedAt", "link"] as const;

/** The library's current search and filters as a spreadsheet, within what the viewer may read, in their language. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const viewer = practiceViewerOf(user);
  const filters = readLibraryFilters(new URL(request.url).searchParams);
  const [practices, { language }] = await Promise.all([exportPractices({ viewer, filters }), resolveLanguage(request, user?.locale)]);
  const t = translatorFor(language);
  const languageName = (code: string) => ((LANGUAGES as readonly string[]).includes(code) ? t(`common:language.${code as Language}`) : code);
  const csv = toCsv([
    COLUMNS.map((column) => t(`practices:csv.columns.${column}`)),
    ...practices.map((practice) => [
      practice.title,
      practice.organisation.name,
      countryName(practice.country, language),
      practice.themes.map((theme) => t(`practices:themes.${theme}`, { defaultValue: theme })).join("; "),
      practice.languages.map(languageName).join("; "),
      t(`practices:visibilities.${practice.visibility}`),
      t(`practices:statuses.${practice.status}`),
      practice.publishedAt ? practice.publishedAt.toISOString().slice(0, 10) : "",
      absoluteUrl(request, `/practices/${practice.id}`),
    ]),
  ]);
  const base = t("practices:csv.fileName").normalize("NFKD").replace(/[^\w-]+/g, "") || "practices";
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${base}-${new Date().toISOString().slice(0, 10)}.csv"`,
      // What it holds depends on who asks: never kept by a shared cache.
      "Cache-Control": "private, no-store",
    },
  });
}
