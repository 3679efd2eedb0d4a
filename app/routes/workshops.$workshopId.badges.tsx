import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { QrCode } from "~/components/qr-code";
import { WorkshopHeader } from "~/components/workshop-header";
import { requireCapability } from "~/models/access.server";
import { listRegistrations } from "~/models/registration.server";
import { getWorkshop } from "~/models/workshop.server";
import { notFound } from "~/utils/http.server";
import { absoluteUrl } from "~/utils/public-url.server";
import { qrCodeSvg } from "~/utils/qr-code.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.workshop.title} · Majlis` : "Majlis" }];

/**
 * Printable name badges for the people expected in the room, each with the QR code that checks its holder in at the
 * door: for participants without a phone at hand.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const workshopId = params.workshopId ?? "";
  const user = await requireUser(request);
  await requireCapability({ workshopId, userId: user.id, capability: "checkin" });
  const workshop = await getWorkshop({ workshopId });
  if (!workshop) notFound();
  const registrations = await listRegistrations({ workshopId, filters: { mode: "IN_PERSON" } });
  const badges = await Promise.all(
    registrations.map(async (registration) => ({
      id: registration.id,
      name: registration.user.name,
      session: registration.session?.title ?? null,
      qrSvg: await qrCodeSvg(absoluteUrl(request, `/workshops/${workshopId}/checkin/${registration.checkInCode}`)),
    })),
  );
  return json({ workshop, badges });
}

export default function BadgesPage() {
  const { t } = useTranslation("registration");
  const { workshop, badges } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <WorkshopHeader workshop={workshop} isOrganiser />
      <div className="page-header no-print">
        <div>
          <h2>{t("badges.title")}</h2>
          <p className="muted">{t("badges.intro", { count: badges.length })}</p>
        </div>
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t("badges.print")}
        </button>
      </div>
      {badges.length === 0 ? <p className="muted">{t("badges.none")}</p> : null}
      <ul className="badges">
        {badges.map((badge) => (
          <li key={badge.id} className="badge-card">
            <p className="badge-card__workshop" dir="auto">
              {workshop.title}
            </p>
            <p className="badge-card__name" dir="auto">
              {badge.name}
            </p>
            {badge.session ? (
              <p className="badge-card__session" dir="auto">
                {badge.session}
              </p>
            ) : null}
            <QrCode svg={badge.qrSvg} label={t("badges.qrLabel", { name: badge.name })} />
          </li>
        ))}
      </ul>
    </div>
  );
}
