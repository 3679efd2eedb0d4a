import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/i18n/config";
import { PLENARY } from "~/live/protocol";
import type { LiveRoom } from "~/live/use-live-room";
import type { ConsoleRoom } from "~/models/live/console.server";
import { formatTime } from "~/utils/dates";
import { ConsoleActionStatus, useConsoleAction } from "./console-action-status";
import { ConsoleCountdown } from "./console-countdown";
import { ConsoleMoveForm, type RoomChoice } from "./console-move-form";

interface ConsoleRoomCardProps {
  live: LiveRoom;
  workshopId: string;
  room: ConsoleRoom;
  rooms: RoomChoice[];
  timeZone: string;
  language: Language;
}

/** One live room as the organisers follow it: big head counts first, then what needs someone's attention. */
export function ConsoleRoomCard({ live, workshopId, room, rooms, timeZone, language }: ConsoleRoomCardProps) {
  const { t } = useTranslation("console");
  const self = rooms.find((candidate) => candidate.key === room.key) ?? { key: room.key, label: room.title ?? "" };
  const titleId = `console-room-${room.key}`;
  const resolveHelp = useConsoleAction();
  return (
    <article className="card console-room" aria-labelledby={titleId} data-room={room.key}>
      <h3 id={titleId} dir="auto">
        {self.label}
      </h3>
      {room.place ? <p className="muted console-room__place">{t("place", { place: room.place })}</p> : null}
      <p className="console-room__open">
        <Link to={`/workshops/${workshopId}/live${room.key === PLENARY ? "" : `/${room.key}`}`}>
          {t("openRoom")}
          <span className="visually-hidden"> — {self.label}</span>
        </Link>
      </p>
      <div className="console-counts">
        <p className="console-count">
          <span className="console-count__value">{room.counts.inPerson}</span>
          <span className="console-count__label">{t("rooms.inPerson")}</span>
        </p>
        <p className="console-count">
          <span className="console-count__value">{room.counts.remote}</span>
          <span className="console-count__label">{t("rooms.remote")}</span>
        </p>
      </div>
      <p className="console-room__line">
        <strong>{t("agenda.now")}</strong>{" "}
        {room.currentAgendaItem ? <span dir="auto">{room.currentAgendaItem.title}</span> : <span className="muted">{t("agenda.none")}</span>}
      </p>
      <p className="console-room__line">
        <strong>{t("timer.room")}</strong> <ConsoleCountdown timer={room.timer} serverNow={live.serverNow} />
      </p>

      <h4>{t("hands.title", { count: room.hands.length })}</h4>
      {room.hands.length === 0 ? (
        <p className="muted">{t("hands.none")}</p>
      ) : (
        <ol className="console-list">
          {room.hands.map((hand) => (
            <li key={hand.userId} dir="auto">
              {hand.name}
            </li>
          ))}
        </ol>
      )}

      <h4 className={room.helpRequests.length > 0 ? "console-room__alert" : undefined}>{t("help.title", { count: room.helpRequests.length })}</h4>
      {room.helpRequests.length === 0 ? (
        <p className="muted">{t("help.none")}</p>
      ) : (
        <ul className="console-list console-help">
          {room.helpRequests.map((request) => (
            <li key={request.id}>
              <span>
                <span dir="auto">{request.name}</span> <span className="muted">{t("help.at", { time: formatTime(request.createdAt, timeZone, language) })}</span>
              </span>
              <button
                type="button"
                className="button"
                disabled={resolveHelp.pending}
                onClick={() => void resolveHelp.run(() => live.request("help:resolve", { requestId: request.id }), t("help.resolved"))}
              >
                {t("help.resolve")}
                <span className="visually-hidden"> — {request.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <ConsoleActionStatus outcome={resolveHelp.outcome} />

      <h4>
        {t("rooms.present")} <span className="badge">{room.present.length}</span>
      </h4>
      {room.present.length === 0 ? (
        <p className="muted">{t("rooms.nobody")}</p>
      ) : (
        <ul className="console-list console-present">
          {room.present.map((person) => (
            <li key={person.userId}>
              <span dir="auto">{person.name}</span>{" "}
              <span className="muted">({person.mode === "IN_PERSON" ? t("rooms.inPerson") : t("rooms.remote")})</span>
            </li>
          ))}
        </ul>
      )}
      <ConsoleMoveForm live={live} from={self} present={room.present} rooms={rooms} />
    </article>
  );
}
