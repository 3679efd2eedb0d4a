import livekitStylesUrl from "@livekit/components-styles/index.css";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { CallPanel } from "~/components/call/call-panel";
import { ConnectionStatus } from "~/components/live/connection-status";
import { LIVE_PANELS } from "~/components/live/panels";
import { PresencePanel } from "~/components/live/presence-panel";
import { PLENARY } from "~/live/protocol";
import { useLiveRoom } from "~/live/use-live-room";
import { requireCapability } from "~/models/access.server";
import { callPanelData } from "~/models/call.server";
import { getLivePage } from "~/models/live/live-page.server";
import { useRootData } from "~/root";
import { DEFAULT_LANGUAGE } from "~/i18n/config";
import { formatTime } from "~/utils/dates";
import { forbidden, notFound } from "~/utils/http.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: livekitStylesUrl }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.workshop.title} · Majlis` : "Majlis" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const workshopId = params.workshopId ?? "";
  const user = await requireUser(request);
  const access = await requireCapability({ workshopId, userId: user.id, capability: "workshop.view" });
  // Live rooms are for the workshop's members; a published workshop's page is public, its rooms are not.
  if (access.role === null) forbidden();
  const room = params.sessionId ?? PLENARY;
  const page = await getLivePage({ workshopId, room, userId: user.id });
  if (!page) notFound();
  return json({ ...page, call: await callPanelData({ workshopId, room, userId: user.id }) });
}

export default function LiveRoomPage() {
  const { t } = useTranslation("live");
  const { workshop, room, rooms, mySessionId, call } = useLoaderData<typeof loader>();
  const live = useLiveRoom({ workshopId: workshop.id, room: room.key });
  const language = useRootData()?.language ?? DEFAULT_LANGUAGE;
  const roomTitle = room.key === PLENARY ? t("plenary") : room.title;
  const agendaItem = live.snapshot?.currentAgendaItem;
  return (
    <div className="live-room">
      <p className="muted live-room__workshop" dir="auto">
        <Link to={`/workshops/${workshop.id}`}>{workshop.title}</Link>
      </p>
      {/* On a phone this stays on screen while scrolling through the panels: where I am, whether I am connected,
          and what the room is on now. */}
      <header className="live-room__header">
        <h1 dir="auto">{roomTitle}</h1>
        <div className="live-room__meta">
          <ConnectionStatus status={live.status} />
          {room.place ? <p className="muted live-room__place">{t("place", { place: room.place })}</p> : null}
          {live.snapshot?.self.isFacilitator ? (
            <Link to={`/workshops/${workshop.id}/screen${room.key === PLENARY ? "" : `/${room.key}`}`} target="_blank" rel="noopener">
              {t("screen.open")}
            </Link>
          ) : null}
        </div>
        {live.error ? (
          <p className="alert alert--error" role="alert">
            {t(`errors.${live.error}`)}
          </p>
        ) : null}
        <p className="live-room__agenda" aria-live="polite">
          <strong>{t("agenda.now")}</strong>{" "}
          {agendaItem ? (
            <>
              <span dir="auto">{agendaItem.title}</span>{" "}
              <span className="muted">
                ({formatTime(agendaItem.startsAt, workshop.timezone, language)} – {formatTime(agendaItem.endsAt, workshop.timezone, language)})
              </span>
            </>
          ) : (
            <span className="muted">{t("agenda.none")}</span>
          )}
        </p>
      </header>
      <nav aria-label={t("rooms.label")} className="live-room__rooms">
        {rooms.map((candidate) => (
          <Link
            key={candidate.key}
            to={`/workshops/${workshop.id}/live${candidate.key === PLENARY ? "" : `/${candidate.key}`}`}
            aria-current={candidate.key === room.key ? "page" : undefined}
            className="button button--quiet"
          >
            {candidate.key === PLENARY ? t("plenary") : candidate.title}
            {candidate.key === mySessionId ? ` · ${t("rooms.mine")}` : ""}
          </Link>
        ))}
      </nav>
      {/* The room's shared work (the call, later its board) side by side where there is room, above the panels. */}
      <div className="live-room__stage">
        <CallPanel workshopId={workshop.id} room={room.key} timeZone={workshop.timezone} call={call} />
      </div>
      <div className="live-room__panels">
        <PresencePanel live={live} />
        {LIVE_PANELS.map(({ id, Component }) => (
          <Component key={id} live={live} />
        ))}
      </div>
    </div>
  );
}
