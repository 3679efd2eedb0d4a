import type { LoaderFunctionArgs } from "@remix-run/node";
import { download, loadDossierRequest } from "~/committee/dossier-request.server";
import { dossierCsv, dossierFileName, dossierTable } from "~/committee/dossier-table.server";

/** The meeting's agenda as a CSV for spreadsheets, in the language asked for (`?language=`) or the reader's. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await loadDossierRequest(request, params);
  if (!found.ok) return found.response;
  const { dossier, reader, chosen, origin } = found;
  const language = chosen[0] ?? reader;
  const csv = dossierCsv(dossierTable({ dossier, language, origin }));
  return download(csv, "text/csv; charset=utf-8", dossierFileName({ dossier, language, extension: "csv" }));
}
