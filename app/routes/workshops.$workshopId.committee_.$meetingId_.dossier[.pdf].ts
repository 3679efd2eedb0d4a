import type { LoaderFunctionArgs } from "@remix-run/node";
import { dossierPdf, evidencePictures } from "~/committee/dossier-pdf.server";
import { download, loadDossierRequest, meetingLanguages } from "~/committee/dossier-request.server";
import { dossierFileName } from "~/committee/dossier-table.server";
import { loadEvidenceStates } from "~/models/committee.server";

/** The printed dossier: every agenda item with its decision and pictures of its evidence, in each dossier language. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await loadDossierRequest(request, params);
  if (!found.ok) return found.response;
  const { dossier, reader, chosen } = found;
  const languages = chosen.length > 0 ? chosen : meetingLanguages(dossier);
  const states = await loadEvidenceStates({ workshopId: dossier.workshop.id, dossier });
  const pdf = await dossierPdf({ dossier, languages, pictures: evidencePictures(dossier, states) });
  return download(pdf, "application/pdf", dossierFileName({ dossier, language: languages.length === 1 ? languages[0] : reader, extension: "pdf" }));
}
