import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AgendaItemView } from "~/live/protocol";
import type { LiveRoom } from "~/live/use-live-room";
import { DEFAULT_LANGUAGE } from "~/i18n/config";
import { useRootData } from "~/root";
import { formatTime } from "~/utils/dates";
import { ConsoleActionStatus, useConsoleAction } from "./console-action-status";

/** What the server adds to a facilitator's snapshot under `stage`: the room's agenda to choose from. */
interface StageSnapshot {
  agenda: AgendaItemView[];
  timezone: string;
}

// Stands for "no item chosen by hand": the room follows the planned times.
const FOLLOW_CLOCK = "";

/** For the room's facilitators: say which agenda item the room is on, for everyone's "Now:" line. */
export function AgendaControl({ live }: { live: LiveRoom }) {
  const { t } = useTranslation("console");
  const language = useRootData()?.language ?? DEFAULT_LANGUAGE;
  const stage = (live.snapshot?.features.stage as StageSnapshot | undefined) ?? null;
  const currentId = live.snapshot?.currentAgendaItem?.id ?? FOLLOW_CLOCK;
  const [choice, setChoice] = useState(currentId);
  const action = useConsoleAction();
  // After a (re)join the room may be on another item, chosen meanwhile on another device.
  const [choiceJoin, setChoiceJoin] = useState(live.joinVersion);
  if (choiceJoin !== live.joinVersion) {
    setChoiceJoin(live.joinVersion);
    setChoice(currentId);
  }
  if (!live.snapshot?.self.isFacilitator || !stage) return null;
  const { agenda, timezone } = stage;
  const save = (event: React.FormEvent) => {
    event.preventDefault();
    void action.run(() => live.request("agenda:setCurrent", { agendaItemId: choice === FOLLOW_CLOCK ? null : choice }), t("agendaControl.saved"));
  };
  return (
    <section className="card live-panel" aria-labelledby="agenda-control-title">
      <h2 id="agenda-control-title">{t("agendaControl.title")}</h2>
      {agenda.length === 0 ? (
        <p className="muted">{t("agendaControl.empty")}</p>
      ) : (
        <form onSubmit={save}>
          <div className="field">
            <label htmlFor="agenda-control-item">{t("agendaControl.label")}</label>
            <select id="agenda-control-item" value={choice} onChange={(event) => setChoice(event.target.value)}>
              <option value={FOLLOW_CLOCK}>{t("agendaControl.followClock")}</option>
              {agenda.map((item) => (
                <option key={item.id} value={item.id}>
                  {formatTime(item.startsAt, timezone, language)} · {item.title}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button--primary" disabled={action.pending}>
            {t("agendaControl.submit")}
          </button>
          <ConsoleActionStatus outcome={action.outcome} />
        </form>
      )}
    </section>
  );
}
