import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireUser } from "~/auth/session.server";
import { CheckInConfirmation, RegistrantSummary } from "~/components/check-in-status";
import { WorkshopHeader } from "~/components/workshop-header";
import { DEFAULT_LANGUAGE } from "~/i18n/config";
import { requireCapability } from "~/models/access.server";
import {
  checkIn,
  countRegistrations,
  findRegistration,
  listRegistrations,
  registrantView,
  undoCheckIn,
} from "~/models/registration.server";
import { getWorkshop } from "~/models/workshop.server";
import { useRootData } from "~/root";
import { formatTime } from "~/utils/dates";
import { parseForm } from "~/utils/forms";
import { badRequest, notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.workshop.title} · Majlis` : "Majlis" },
];

const OUTCOMES = ["checkedIn", "alreadyCheckedIn", "undone"] as const;

const deskActionSchema = z.object({
  intent: z.enum(["checkIn", "undo"]),
  registrationId: z.string().min(1).max(100),
  q: z.string().max(200).optional(),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const workshopId = params.workshopId ?? "";
  const user = await requireUser(request);
  await requireCapability({ workshopId, userId: user.id, capability: "checkin" });
  const searchParams = new URL(request.url).searchParams;
  const query = searchParams.get("q")?.trim().slice(0, 200) ?? "";
  const lastId = searchParams.get("last");
  const [workshop, counts, matches, last] = await Promise.all([
    getWorkshop({ workshopId }),
    countRegistrations({ workshopId }),
    query ? listRegistrations({ workshopId, filters: { query } }) : [],
    lastId ? findRegistration({ workshopId, registrationId: lastId }) : null,
  ]);
  if (!workshop) notFound();
  const outcome = OUTCOMES.find((value) => value === searchParams.get("outcome")) ?? null;
  return json({
    workshop: { id: workshop.id, title: workshop.title, status: workshop.status, timezone: workshop.timezone },
    counts: { checkedIn: counts.checkedIn, expected: counts.byMode.IN_PERSON },
    query,
    matches: matches.map((row) => ({ id: row.id, ...registrantView(row) })),
    last:
      last && outcome
        ? { name: last.user.name, checkedInAt: last.checkedInAt, by: last.checkedInBy?.name ?? null, outcome }
        : null,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const workshopId = params.workshopId ?? "";
  const user = await requireUser(request);
  await requireCapability({ workshopId, userId: user.id, capability: "checkin" });
  const form = parseForm(deskActionSchema, await request.formData());
  if (!form.ok) badRequest();
  const { intent, registrationId, q } = form.data;
  let outcome: (typeof OUTCOMES)[number];
  if (intent === "checkIn") {
    const result = await checkIn({ workshopId, registrationId, actorId: user.id });
    if (!result) notFound();
    outcome = result.status;
  } else {
    if (!(await undoCheckIn({ workshopId, registrationId, actorId: user.id }))) notFound();
    outcome = "undone";
  }
  // Back to the same search, so the volunteer at the door sees the new status and can go on.
  const next = new URLSearchParams({ ...(q ? { q } : {}), last: registrationId, outcome });
  return redirect(`/workshops/${workshopId}/checkin?${next}`);
}

export default function CheckInDeskPage() {
  const { t } = useTranslation("registration");
  const { workshop, counts, query, matches, last } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const language = useRootData()?.language ?? DEFAULT_LANGUAGE;
  const time = (date: string) => formatTime(date, workshop.timezone, language);
  return (
    <div className="stack">
      <WorkshopHeader workshop={workshop} isOrganiser />
      <section className="stack checkin-desk" aria-labelledby="checkin-title">
        <h2 id="checkin-title">{t("checkin.title")}</h2>
        <p className="checkin-desk__progress">
          {t("checkin.progress", { checkedIn: counts.checkedIn, expected: counts.expected })}
        </p>
        {last ? <CheckInNotice last={last} time={time} /> : null}
        <Form method="get" className="card checkin-desk__search" role="search">
          <p className="muted">{t("checkin.intro")}</p>
          <div className="field">
            <label htmlFor="checkin-q">{t("checkin.search")}</label>
            <input
              id="checkin-q"
              type="search"
              name="q"
              defaultValue={searchParams.get("q") ?? ""}
              autoComplete="off"
              dir="auto"
            />
          </div>
          <button type="submit" className="button button--primary button--large">
            {t("checkin.submitSearch")}
          </button>
        </Form>
        {query ? (
          <section aria-labelledby="results-title" className="stack">
            <h3 id="results-title">{t("checkin.results")}</h3>
            {matches.length === 0 ? <p>{t("checkin.noMatch", { query })}</p> : null}
            <ul className="checkin-list">
              {matches.map((person) => (
                <li key={person.id} className="card checkin-list__item">
                  <RegistrantSummary person={person}>
                    <p>
                      {person.checkedInAt ? (
                        <span className="badge">{t("checkin.checkedInAt", { time: time(person.checkedInAt) })}</span>
                      ) : (
                        <span className="badge badge--muted">{t("checkin.notCheckedIn")}</span>
                      )}
                    </p>
                  </RegistrantSummary>
                  <Form method="post">
                    <input type="hidden" name="registrationId" value={person.id} />
                    <input type="hidden" name="q" value={query} />
                    {person.checkedInAt ? (
                      <button type="submit" name="intent" value="undo" className="button button--danger">
                        {t("checkin.undo")}
                        <span className="visually-hidden"> — {person.name}</span>
                      </button>
                    ) : (
                      <button
                        type="submit"
                        name="intent"
                        value="checkIn"
                        className="button button--primary button--large"
                      >
                        {t("checkin.checkIn")}
                        <span className="visually-hidden"> — {person.name}</span>
                      </button>
                    )}
                  </Form>
                </li>
              ))}
            </ul>
          </section>
        ) : (
          <p className="muted">{t("checkin.typeToSearch")}</p>
        )}
      </section>
    </div>
  );
}

interface CheckInNoticeProps {
  last: { name: string; checkedInAt: string | null; by: string | null; outcome: (typeof OUTCOMES)[number] };
  time: (date: string) => string;
}

function CheckInNotice({ last, time }: CheckInNoticeProps) {
  const { t } = useTranslation("registration");
  if (last.outcome === "undone") {
    return (
      <p className="alert alert--info" role="status">
        {t("checkin.undone", { name: last.name })}
      </p>
    );
  }
  if (!last.checkedInAt) return null;
  return (
    <CheckInConfirmation name={last.name} time={time(last.checkedInAt)} justNow={last.outcome === "checkedIn"} by={last.by} />
  );
}
