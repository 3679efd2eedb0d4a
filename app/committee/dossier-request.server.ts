import { requireUser } from "~/auth/session.server";
import { isLanguage, type Language } from "~/i18n/config";
import { translatorFor } from "~/i18n/i18n";
import { resolveLanguage } from "~/i18n/locale.server";
import { requireCapability } from "~/models/access.server";
import { getMeetingDossier, type MeetingDossier } from "~/models/committee.server";
import { publicOrigin } from "~/utils/public-url.server";

/**
 * What every dossier download starts with: a signed-in organiser or committee member of the workshop, and a meeting
 * of that workshop. A meeting of another workshop is answered 404 with a sentence saying so (a download link shows
 * no page, so the message is the whole answer).
 */
export type DossierRequest =
  | { ok: true; dossier: MeetingDossier; reader: Language; chosen: Language[]; origin: string }
  | { ok: false; response: Response };

export async function loadDossierRequest(request: Request, params: { workshopId?: string; meetingId?: string }): Promise<DossierRequest> {
  const workshopId = params.workshopId ?? "";
  const user = await requireUser(request);
  await requireCapability({ workshopId, userId: user.id, capability: "committee.view" });
  const [dossier, { language: reader }] = await Promise.all([
    getMeetingDossier({ workshopId, meetingId: params.meetingId ?? "" }),
    resolveLanguage(request, user.locale),
  ]);
  if (!dossier) {
    const message = translatorFor(reader)("committee:errors.meetingNotFound");
    return { ok: false, response: new Response(message, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } }) };
  }
  // `?language=ar&language=fr` picks the languages; unknown values are ignored.
  const chosen = new URL(request.url).searchParams.getAll("language").filter(isLanguage);
  return { ok: true, dossier, reader, chosen: [...new Set(chosen)], origin: publicOrigin(request) };
}

/** The meeting's own dossier languages, in the order they were chosen. */
export function meetingLanguages(dossier: MeetingDossier): Language[] {
  const languages = dossier.languages.filter(isLanguage);
  return languages.length > 0 ? languages : ["fr"];
}

export function download(body: Buffer | string, contentType: string, fileName: string): Response {
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${fileName}"`,
      // Names of people and institutions, and decisions not yet public: never kept by a shared cache.
      "Cache-Control": "private, no-store",
    },
  });
}
