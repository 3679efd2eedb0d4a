import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PresentPerson, RoomKey } from "~/live/protocol";
import type { LiveRoom } from "~/live/use-live-room";
import { ConsoleActionStatus, useConsoleAction } from "./console-action-status";

export interface RoomChoice {
  key: RoomKey;
  label: string;
}

/** Pick someone in this room and the room they should go to; every screen of theirs follows. */
export function ConsoleMoveForm({
  live,
  from,
  present,
  rooms,
}: {
  live: LiveRoom;
  from: RoomChoice;
  present: PresentPerson[];
  rooms: RoomChoice[];
}) {
  const { t } = useTranslation("console");
  const targets = rooms.filter((room) => room.key !== from.key);
  const [userId, setUserId] = useState("");
  const [toRoom, setToRoom] = useState(targets[0]?.key ?? "");
  const action = useConsoleAction();
  // The person picked may have left the room since: fall back to the first one still there.
  const person = present.find((candidate) => candidate.userId === userId) ?? present[0];
  const fieldId = (name: string) => `console-move-${name}-${from.key}`;
  const move = (event: React.FormEvent) => {
    event.preventDefault();
    const target = targets.find((room) => room.key === toRoom) ?? targets[0];
    if (!target || !person) return;
    void action.run(
      () => live.request("participant:move", { userId: person.userId, toRoom: target.key }),
      t("move.moved", { name: person.name, room: target.label }),
    );
  };
  return (
    <div className="console-move">
      <h4 id={fieldId("title")}>{t("move.title")}</h4>
      {person ? (
        <form onSubmit={move} aria-labelledby={fieldId("title")}>
          <div className="field">
            <label htmlFor={fieldId("person")}>{t("move.person")}</label>
            <select id={fieldId("person")} value={person.userId} onChange={(event) => setUserId(event.target.value)}>
              {present.map((candidate) => (
                <option key={candidate.userId} value={candidate.userId}>
                  {candidate.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={fieldId("to")}>{t("move.to")}</label>
            <select id={fieldId("to")} value={toRoom} onChange={(event) => setToRoom(event.target.value)}>
              {targets.map((room) => (
                <option key={room.key} value={room.key}>
                  {room.label}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button" disabled={action.pending}>
            {t("move.submit")}
          </button>
        </form>
      ) : (
        <p className="muted">{t("move.nobody")}</p>
      )}
      <ConsoleActionStatus outcome={action.outcome} />
    </div>
  );
}
