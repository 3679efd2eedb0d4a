import type { LoaderFunctionArgs } from "@remix-run/node";
import { download, loadDossierRequest, meetingLanguages } from "~/committee/dossier-request.server";
import { dossierFileName } from "~/committee/dossier-table.server";
import { dossierXlsx } from "~/committee/dossier-xlsx.server";

/** The meeting's agenda as an Excel workbook: one sheet per dossier language (or per `?language=`). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await loadDossierRequest(request, params);
  if (!found.ok) return found.response;
  const { dossier, reader, chosen, origin } = found;
  const languages = chosen.length > 0 ? chosen : meetingLanguages(dossier);
  const workbook = await dossierXlsx({ dossier, languages, origin });
  return download(
    workbook,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    dossierFileName({ dossier, language: languages.length === 1 ? languages[0] : reader, extension: "xlsx" }),
  );
}
