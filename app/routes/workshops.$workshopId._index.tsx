import type { LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getUser } from "~/auth/session.server";
import { WorkshopHeader } from "~/components/workshop-header";
import { DEFAULT_LANGUAGE, type Language } from "~/i18n/config";
import { can, requireCapability } from "~/models/access.server";
import { liveRoomFor, liveRoomPath } from "~/models/live/moves.server";
import { getWorkshopPage } from "~/models/workshop-page.server";
import { useRootData } from "~/root";
import { groupAgendaIntoBlocks, type AgendaEntry } from "~/utils/agenda-blocks";
import { formatDate, formatDateTime, formatTime } from "~/utils/dates";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.workshop.title} · Majlis` : "Majlis" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const workshopId = params.workshopId ?? notFound();
  const access = await requireCapability({ workshopId, userId: user?.id ?? null, capability: "workshop.view" });
  const isOrganiser = access.role === "ORGANISER";
  const page = (await getWorkshopPage({ workshopId, userId: user?.id ?? null, isOrganiser })) ?? notFound();
  // Members enter the live room where they belong now: their session while the parallel sessions run.
  const livePath = user && access.role !== null ? liveRoomPath(workshopId, await liveRoomFor({ workshopId, userId: user.id })) : null;
  const boardsPath = can(access, "boards.view") ? `/workshops/${workshopId}/boards` : null;
  const recommendationsPath = can(access, "recommendations.view") ? `/workshops/${workshopId}/recommendations` : null;
  const institutionsPath = access.role !== null ? `/workshops/${workshopId}/institutions` : null;
  return json({ ...page, signedIn: user !== null, isOrganiser, livePath, boardsPath, recommendationsPath, institutionsPath });
}

type PageData = SerializeFrom<typeof loader>;
type Workshop = PageData["workshop"];
type SessionSummary = PageData["sessions"][number];

export default function WorkshopPage() {
  const { t } = useTranslation(["workshop", "common"]);
  const { workshop, sessions, agenda, registered, signedIn, isOrganiser, livePath, boardsPath, recommendationsPath, institutionsPath } =
    useLoaderData<typeof loader>();
  const language = useRootData()?.language ?? DEFAULT_LANGUAGE;
  return (
    <div className="stack workshop-page">
      <WorkshopHeader workshop={workshop} isOrganiser={isOrganiser} />
      {workshop.status === "DRAFT" ? <p className="alert alert--info">{t("page.draftNotice")}</p> : null}
      {livePath || boardsPath || recommendationsPath ? (
        <p className="cta row">
          {livePath ? (
            <Link to={livePath} className="button button--primary button--large">
              {t("live:enter")}
            </Link>
          ) : null}
          {boardsPath ? (
            <Link to={boardsPath} className="button button--large">
              {t("page.boards")}
            </Link>
          ) : null}
          {recommendationsPath ? (
            <Link to={recommendationsPath} className="button button--large">
              {t("recommendations:nav.tab")}
            </Link>
          ) : null}
        </p>
      ) : null}
      <CallToAction workshopId={workshop.id} published={workshop.status === "PUBLISHED"} signedIn={signedIn} registered={registered} />
      <p>
        <Link to={`/workshops/${workshop.id}/accountability`}>{t("recommendations:nav.accountability")}</Link>
        {institutionsPath ? (
          <>
            {" · "}
            <Link to={institutionsPath}>{t("nav.institutions")}</Link>
          </>
        ) : null}
      </p>
      {workshop.joinCode ? (
        <section className="card join-code" aria-labelledby="join-code-title">
          <h2 id="join-code-title">{t("page.joinCode")}</h2>
          <p className="join-code__value" dir="ltr">
            {workshop.joinCode}
          </p>
          <p className="muted">{t("page.joinCodeHint")}</p>
        </section>
      ) : null}
      <WorkshopFacts workshop={workshop} language={language} />
      {workshop.description ? (
        <section aria-labelledby="about-title">
          <h2 id="about-title">{t("page.about")}</h2>
          <p className="workshop-description" dir="auto">
            {workshop.description}
          </p>
        </section>
      ) : null}
      <section aria-labelledby="agenda-title">
        <h2 id="agenda-title">{t("page.agenda")}</h2>
        <p className="muted">{t("page.timezoneNote", { timeZone: zoneName(workshop.timezone) })}</p>
        <Agenda items={agenda} sessions={sessions} timeZone={workshop.timezone} language={language} />
      </section>
      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t("page.sessions")}</h2>
        {sessions.length === 0 ? <p className="muted">{t("page.noSessions")}</p> : null}
        <div className="grid">
          {sessions.map((session) => (
            <SessionCard key={session.id} session={session} />
          ))}
        </div>
      </section>
    </div>
  );
}

const zoneName = (timeZone: string) => timeZone.replaceAll("_", " ");

function CallToAction({ workshopId, published, signedIn, registered }: { workshopId: string; published: boolean; signedIn: boolean; registered: boolean }) {
  const { t } = useTranslation("workshop");
  const here = `/workshops/${workshopId}`;
  if (registered) {
    return (
      <p className="alert alert--ok row cta">
        <span>{t("page.registered")}</span>
        <Link to={`${here}/registration`} className="button">
          {t("page.yourRegistration")}
        </Link>
      </p>
    );
  }
  // Registration opens when the workshop is published; a draft is only a preview for its members.
  if (!published) return null;
  return (
    <p className="cta">
      {signedIn ? (
        <Link to={`${here}/register`} className="button button--primary">
          {t("page.register")}
        </Link>
      ) : (
        <Link to={`/login?${new URLSearchParams({ redirectTo: here })}`} className="button button--primary">
          {t("page.signInToRegister")}
        </Link>
      )}
    </p>
  );
}

function WorkshopFacts({ workshop, language }: { workshop: Workshop; language: Language }) {
  const { t } = useTranslation(["workshop", "common"]);
  const sameDay = formatDate(workshop.startsAt, workshop.timezone, language) === formatDate(workshop.endsAt, workshop.timezone, language);
  return (
    <section className="card" aria-labelledby="facts-title">
      <h2 id="facts-title">{t("page.details")}</h2>
      <dl className="facts">
        <div>
          <dt>{t("page.when")}</dt>
          <dd>
            {sameDay ? (
              <>
                <time dateTime={workshop.startsAt}>{formatDateTime(workshop.startsAt, workshop.timezone, language, { dateStyle: "full" })}</time>
                {", "}
                <TimeRange startsAt={workshop.startsAt} endsAt={workshop.endsAt} timeZone={workshop.timezone} language={language} />
              </>
            ) : (
              <>
                <time dateTime={workshop.startsAt}>{formatDateTime(workshop.startsAt, workshop.timezone, language)}</time>
                {" – "}
                <time dateTime={workshop.endsAt}>{formatDateTime(workshop.endsAt, workshop.timezone, language)}</time>
              </>
            )}
            <span className="facts__note">{t("page.timezoneNote", { timeZone: zoneName(workshop.timezone) })}</span>
          </dd>
        </div>
        <div>
          <dt>{t("page.where")}</dt>
          <dd dir="auto">{workshop.venue || t("page.online")}</dd>
        </div>
        <div>
          <dt>{t("page.format")}</dt>
          <dd>{t(`format.${workshop.format}`)}</dd>
        </div>
        <div>
          <dt>{t("page.languages")}</dt>
          <dd>
            {workshop.languages.map((code, index) => (
              <span key={code}>
                {index > 0 ? ", " : null}
                <span lang={code}>{t(`common:language.${code}`)}</span>
              </span>
            ))}
          </dd>
        </div>
      </dl>
    </section>
  );
}

function TimeRange({ startsAt, endsAt, timeZone, language }: { startsAt: string; endsAt: string; timeZone: string; language: Language }) {
  return (
    <span className="time-range">
      <time dateTime={startsAt}>{formatTime(startsAt, timeZone, language)}</time>
      {" – "}
      <time dateTime={endsAt}>{formatTime(endsAt, timeZone, language)}</time>
    </span>
  );
}

interface AgendaProps {
  items: AgendaEntry[];
  sessions: SessionSummary[];
  timeZone: string;
  language: Language;
}

/** Plenary items in time order; where the sessions run in parallel, their items side by side, one column each. */
function Agenda({ items, sessions, timeZone, language }: AgendaProps) {
  const { t } = useTranslation("workshop");
  if (items.length === 0) return <p className="muted">{t("page.noAgenda")}</p>;
  const blocks = groupAgendaIntoBlocks(items, sessions);
  const days = new Set(items.map((item) => formatDate(item.startsAt, timeZone, language)));
  let previousDay = "";
  return (
    <ol className="agenda">
      {blocks.map((block) => {
        const startsAt = block.kind === "plenary" ? block.item.startsAt : block.startsAt;
        const endsAt = block.kind === "plenary" ? block.item.endsAt : block.endsAt;
        const day = formatDate(startsAt, timeZone, language);
        // On a workshop of several days the date is said once, where each day begins.
        const dayHeading = days.size > 1 && day !== previousDay ? day : null;
        previousDay = day;
        return (
          <li key={block.kind === "plenary" ? block.item.id : `parallel-${startsAt}`} className={`agenda__block agenda__block--${block.kind}`}>
            <span className="agenda__when">
              {dayHeading ? <span className="agenda__day">{dayHeading}</span> : null}
              <TimeRange startsAt={startsAt} endsAt={endsAt} timeZone={timeZone} language={language} />
            </span>
            {block.kind === "plenary" ? (
              <div>
                <span className="badge badge--muted">{t("page.plenary")}</span> <span dir="auto">{block.item.title}</span>
              </div>
            ) : (
              <div>
                <p className="agenda__parallel-label">
                  {t("page.parallelBlock", { from: formatTime(block.startsAt, timeZone, language), to: formatTime(block.endsAt, timeZone, language) })}
                </p>
                <div className="agenda-tracks">
                  {block.tracks.map((track) => (
                    <section key={track.session.id} className="agenda-track">
                      <h3 className="agenda-track__title" dir="auto">
                        {track.session.title}
                      </h3>
                      {track.session.room ? <p className="muted agenda-track__room">{t("page.room", { room: track.session.room })}</p> : null}
                      <ul className="agenda-track__items">
                        {track.items.map((item) => (
                          <li key={item.id}>
                            <TimeRange startsAt={item.startsAt} endsAt={item.endsAt} timeZone={timeZone} language={language} />
                            <span dir="auto">{item.title}</span>
                          </li>
                        ))}
                      </ul>
                    </section>
                  ))}
                </div>
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}

function SessionCard({ session }: { session: SessionSummary }) {
  const { t } = useTranslation("workshop");
  const names = session.facilitators.map((person) => person.name).join(", ");
  return (
    <article className="card session-card">
      <h3 dir="auto">{session.title}</h3>
      {session.room ? <p>{t("page.room", { room: session.room })}</p> : null}
      <p>{names ? t("page.facilitators", { names }) : t("page.noFacilitators")}</p>
      <p className="row">
        {session.capacity === null ? (
          <span className="badge badge--muted">{t("page.noLimit")}</span>
        ) : session.seatsLeft === 0 ? (
          <>
            <span>{t("page.capacity", { count: session.capacity })}</span>
            <span className="badge badge--warn">{t("page.full")}</span>
          </>
        ) : (
          <>
            <span>{t("page.capacity", { count: session.capacity })}</span>
            <span className="badge">{t("page.seatsLeft", { count: session.seatsLeft })}</span>
          </>
        )}
      </p>
      {session.description ? (
        <p className="muted" dir="auto">
          {session.description}
        </p>
      ) : null}
    </article>
  );
}
