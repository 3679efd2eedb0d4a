import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { CheckInConfirmation, RegistrantSummary } from "~/components/check-in-status";
import { DEFAULT_LANGUAGE } from "~/i18n/config";
import { requireCapability } from "~/models/access.server";
import { checkIn, findRegistrationByCheckInCode, registrantView } from "~/models/registration.server";
import { getWorkshop } from "~/models/workshop.server";
import { useRootData } from "~/root";
import { formatTime } from "~/utils/dates";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Majlis" }];

/**
 * What the participant's QR code opens on the organiser's phone: who this is, and one button to record their
 * arrival. Only organisers get here; the code alone never checks anyone in (a GET must not change anything).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const workshopId = params.workshopId ?? "";
  const user = await requireUser(request);
  await requireCapability({ workshopId, userId: user.id, capability: "checkin" });
  const [workshop, registration] = await Promise.all([
    getWorkshop({ workshopId }),
    findRegistrationByCheckInCode({ workshopId, code: params.code ?? "" }),
  ]);
  if (!workshop) notFound();
  const workshopView = { id: workshop.id, title: workshop.title, timezone: workshop.timezone };
  if (!registration) return json({ workshop: workshopView, person: null }, { status: 404 });
  return json({
    workshop: workshopView,
    person: { ...registrantView(registration), checkedInBy: registration.checkedInBy?.name ?? null },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const workshopId = params.workshopId ?? "";
  const user = await requireUser(request);
  await requireCapability({ workshopId, userId: user.id, capability: "checkin" });
  const registration = await findRegistrationByCheckInCode({ workshopId, code: params.code ?? "" });
  if (!registration) notFound();
  const outcome = await checkIn({ workshopId, registrationId: registration.id, actorId: user.id });
  if (!outcome) notFound();
  const here = new URL(request.url).pathname;
  return redirect(outcome.status === "checkedIn" ? `${here}?done=1` : here);
}

export default function CheckInByCodePage() {
  const { t } = useTranslation("registration");
  const { workshop, person } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const language = useRootData()?.language ?? DEFAULT_LANGUAGE;
  const deskPath = `/workshops/${workshop.id}/checkin`;
  if (!person) {
    return (
      <section className="narrow card stack" aria-labelledby="code-title">
        <h1 id="code-title">{t("checkin.codeTitle")}</h1>
        <p className="alert alert--error" role="alert">
          {t("checkin.unknownCode")}
        </p>
        <Link to={deskPath} className="button button--large">
          {t("checkin.backToDesk")}
        </Link>
      </section>
    );
  }
  const at = person.checkedInAt ? formatTime(person.checkedInAt, workshop.timezone, language) : null;
  return (
    <section className="narrow card stack" aria-labelledby="code-title">
      <h1 id="code-title">{t("checkin.codeTitle")}</h1>
      <p className="muted">{workshop.title}</p>
      <RegistrantSummary person={person} />
      {at ? (
        <CheckInConfirmation name={person.name} time={at} justNow={searchParams.has("done")} by={person.checkedInBy} />
      ) : (
        <Form method="post">
          <button type="submit" className="button button--primary button--large">
            {t("checkin.checkInNamed", { name: person.name })}
          </button>
        </Form>
      )}
      <Link to={deskPath} className="button">
        {t("checkin.backToDesk")}
      </Link>
    </section>
  );
}
