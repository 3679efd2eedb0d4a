import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { resolveLanguage } from "~/i18n/locale.server";
import { requireCapability } from "~/models/access.server";
import { getPollExport, inScope, roomsRunBy } from "~/models/live/polls.server";
import { getWorkshop } from "~/models/workshop.server";
import { forbidden, notFound } from "~/utils/http.server";
import { pollCsv, pollFileName } from "~/utils/poll-csv.server";

/** One poll's answers as a CSV download: for the organisers, and for the facilitators of the poll's session. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const workshopId = params.workshopId ?? "";
  const pollId = params.pollId ?? "";
  const user = await requireUser(request);
  const access = await requireCapability({ workshopId, userId: user.id, capability: "polls.prepare" });
  const [workshop, exported, { language }] = await Promise.all([
    getWorkshop({ workshopId }),
    getPollExport({ workshopId, pollId }),
    resolveLanguage(request, user.locale),
  ]);
  if (!workshop || !exported) notFound();
  if (!inScope(roomsRunBy(access), exported.poll.room)) forbidden();
  return new Response(pollCsv({ exported, language, timeZone: workshop.timezone }), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${pollFileName({ pollId, language })}"`,
      // Answers, often with names: never kept by a shared cache.
      "Cache-Control": "private, no-store",
    },
  });
}
