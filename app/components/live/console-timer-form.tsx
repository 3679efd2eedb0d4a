import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ConsoleTimer } from "~/models/live/console.server";
import type { LiveRoom } from "~/live/use-live-room";
import { ConsoleActionStatus, useConsoleAction } from "./console-action-status";
import { ConsoleCountdown } from "./console-countdown";

const MINUTE_MS = 60_000;

/** One countdown for every parallel session at once, e.g. "ten minutes left to conclude". */
export function ConsoleTimerForm({ live, timer }: { live: LiveRoom; timer: ConsoleTimer | null }) {
  const { t } = useTranslation("console");
  const [minutes, setMinutes] = useState("10");
  const action = useConsoleAction();
  const start = (event: React.FormEvent) => {
    event.preventDefault();
    const durationMs = Math.round(Number(minutes) * MINUTE_MS);
    void action.run(() => live.request("timer:start", { scope: "allSessions", durationMs }), t("timer.started"));
  };
  return (
    <section className="card console-action" aria-labelledby="console-timer-title">
      <h3 id="console-timer-title">{t("timer.title")}</h3>
      <p className="console-timer-now">
        {t("timer.allSessions")} <ConsoleCountdown timer={timer} serverNow={live.serverNow} />
      </p>
      <form onSubmit={start} className="inline-form">
        <div className="field">
          <label htmlFor="console-timer-minutes">{t("timer.minutes")}</label>
          <input
            id="console-timer-minutes"
            type="number"
            inputMode="numeric"
            min={1}
            max={240}
            step={1}
            required
            value={minutes}
            onChange={(event) => setMinutes(event.target.value)}
          />
        </div>
        <button type="submit" className="button button--primary" disabled={action.pending}>
          {t("timer.submit")}
        </button>
      </form>
      <ConsoleActionStatus outcome={action.outcome} />
    </section>
  );
}
