import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { DataTable } from "~/components/data-table";
import { DEFAULT_LANGUAGE } from "~/i18n/config";
import { translatorFor } from "~/i18n/i18n";
import { resolveLanguage } from "~/i18n/locale.server";
import { listPendingPractices } from "~/models/practices.server";
import { countryName } from "~/practices/countries";
import { practiceViewerOf } from "~/practices/viewer";
import { useRootData } from "~/root";
import { formatDate } from "~/utils/dates";
import { forbidden } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} · Majlis` : "Majlis" }];

/** The platform moderators' queue: practices waiting to be shared beyond their institution, oldest first. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const viewer = practiceViewerOf(user);
  if (!viewer.platformModerator) forbidden();
  const { language } = await resolveLanguage(request, user.locale);
  const pending = await listPendingPractices({ viewer });
  return json({
    title: translatorFor(language)("practices:moderation.title"),
    pending: pending.map((practice) => ({ ...practice, countryName: countryName(practice.country, language) })),
  });
}

export default function PracticeModerationPage() {
  const { t } = useTranslation("practices");
  const { pending } = useLoaderData<typeof loader>();
  const language = useRootData()?.language ?? DEFAULT_LANGUAGE;
  return (
    <div className="stack">
      <p>
        <Link to="/practices">{t("detail.back")}</Link>
      </p>
      <section aria-labelledby="moderation-title" className="stack">
        <h1 id="moderation-title">{t("moderation.title")}</h1>
        <p className="muted">{t("moderation.intro")}</p>
        {pending.length === 0 ? (
          <p className="alert alert--ok">{t("moderation.empty")}</p>
        ) : (
          <DataTable
            labelledBy="moderation-title"
            columns={[t("moderation.columns.title"), t("moderation.columns.institution"), t("moderation.columns.visibility"), t("moderation.columns.submittedAt")]}
          >
            {pending.map((practice) => (
              <tr key={practice.id}>
                <td>
                  <Link to={`/practices/${practice.id}`} dir="auto">
                    {practice.title}
                  </Link>
                </td>
                <td>
                  <span dir="auto">{practice.organisation.name}</span>
                  <span className="muted"> · {practice.countryName}</span>
                </td>
                <td>{t(`visibilities.${practice.visibility}`)}</td>
                <td>{practice.submittedAt ? formatDate(practice.submittedAt, "UTC", language) : "—"}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}
