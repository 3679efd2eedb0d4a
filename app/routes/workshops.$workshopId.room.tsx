import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { QrCode } from "~/components/qr-code";
import { requireCapability } from "~/models/access.server";
import { getWorkshop } from "~/models/workshop.server";
import { notFound } from "~/utils/http.server";
import { absoluteUrl, publicOrigin } from "~/utils/public-url.server";
import { qrCodeSvg } from "~/utils/qr-code.server";

/** Shown full screen on the room's projector: no app header around it (see root.tsx). */
export const handle = { fullScreen: true };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} · Majlis` : "Majlis" }];

/** What the room's projector shows so that people join from their phone: the QR code and the code to type. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const workshopId = params.workshopId ?? "";
  const user = await requireUser(request);
  await requireCapability({ workshopId, userId: user.id, capability: "workshop.edit" });
  const workshop = await getWorkshop({ workshopId });
  if (!workshop) notFound();
  const joinUrl = absoluteUrl(request, `/join/${workshop.joinCode}`);
  return json({
    title: workshop.title,
    joinCode: workshop.joinCode,
    draft: workshop.status === "DRAFT",
    joinPageUrl: `${publicOrigin(request)}/join`,
    qrSvg: await qrCodeSvg(joinUrl),
  });
}

export default function RoomDisplayPage() {
  const { t } = useTranslation("registration");
  const { title, joinCode, draft, joinPageUrl, qrSvg } = useLoaderData<typeof loader>();
  return (
    <section className="room-display stack" aria-labelledby="room-title">
      <h1 id="room-title">{title}</h1>
      {draft ? <p className="alert alert--error">{t("room.draft")}</p> : null}
      <p className="room-display__scan">{t("room.scan")}</p>
      <QrCode svg={qrSvg} label={t("room.qrLabel")} />
      <p className="room-display__url">
        {t("room.orOpen")} <bdi dir="ltr">{joinPageUrl}</bdi> {t("room.andType")}
      </p>
      <p className="room-display__code" dir="ltr">
        {joinCode}
      </p>
    </section>
  );
}
