import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { resolveLanguage } from "~/i18n/locale.server";
import { requireCapability } from "~/models/access.server";
import { listRegistrations } from "~/models/registration.server";
import { getWorkshop } from "~/models/workshop.server";
import { notFound } from "~/utils/http.server";
import { filtersFromSearchParams } from "~/utils/registration-filters";
import { registrationsCsv, registrationsFileName } from "~/utils/registrations-csv.server";

/** The registrations (with the list's filters, when any) as a CSV download for spreadsheets. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const workshopId = params.workshopId ?? "";
  const user = await requireUser(request);
  await requireCapability({ workshopId, userId: user.id, capability: "registrations.manage" });
  const workshop = await getWorkshop({ workshopId });
  if (!workshop) notFound();
  const filters = filtersFromSearchParams(new URL(request.url).searchParams);
  const [rows, { language }] = await Promise.all([
    listRegistrations({ workshopId, filters }),
    resolveLanguage(request, user.locale),
  ]);
  const csv = registrationsCsv({ rows, language, timeZone: workshop.timezone });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${registrationsFileName({
        joinCode: workshop.joinCode,
        language,
      })}"`,
      // Personal data: never kept by a shared cache.
      "Cache-Control": "private, no-store",
    },
  });
}
