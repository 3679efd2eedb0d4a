import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { LiveErrorCode } from "~/live/protocol";
import { applicableTimer, isFinished, isRunning, type TimerScope } from "~/live/timer-clock";
import { useLiveTimers } from "~/live/use-live-timers";
import type { LiveRoom } from "~/live/use-live-room";
import { Countdown } from "./countdown";
import { useEndBeep } from "./end-beep";
import { LiveErrorMessage } from "~/components/live/live-error";

const PRESET_MINUTES = [1, 3, 5, 10, 15];
const MAX_MINUTES = 240;
const MINUTE_MS = 60_000;

/** The room's countdown for everyone; facilitators also start, pause, extend and stop it. */
export function TimerPanel({ live }: { live: LiveRoom }) {
  const { t } = useTranslation("livetools");
  const self = live.snapshot?.self;
  const timers = useLiveTimers(live);
  const [error, setError] = useState<LiveErrorCode | null>(null);
  // Bumped when a countdown ends, so the room's finished timer can give way to the all-sessions one.
  const [, setEnded] = useState(0);
  const { soundOn, toggleSound, beep } = useEndBeep();


  const send = async (event: string, payload: unknown) => {
    setError(null);
    const answer = await live.request(event, payload);
    if (!answer.ok) setError(answer.error);
    return answer.ok;
  };

  const shown = applicableTimer(timers, live.serverNow());
  const mayControl = (scope: TimerScope) => Boolean(self?.isFacilitator && (scope === "room" || self.isOrganiser));
  return (
    <section className="card live-panel timer-panel" aria-labelledby="timer-title">
      <h2 id="timer-title">{t("timer.title")}</h2>
      {shown ? (
        <>
          <p className="timer-panel__scope">{shown.scope === "room" ? t("timer.forRoom") : t("timer.forAllSessions")}</p>
          <Countdown
            timer={shown}
            serverNow={live.serverNow}
            onEnd={() => {
              beep();
              setEnded((count) => count + 1);
            }}
          />
        </>
      ) : (
        <p className="muted">{t("timer.none")}</p>
      )}
      <div className="timer-panel__sound">
        <button type="button" className="button" aria-pressed={soundOn} aria-describedby="timer-sound-hint" onClick={toggleSound}>
          <span aria-hidden="true">{soundOn ? "🔔" : "🔕"}</span> {t("timer.sound")}
        </button>
        <p className="field__hint" id="timer-sound-hint">
          {t("timer.soundHint")}
        </p>
      </div>
      {shown && mayControl(shown.scope) ? (
        <div className="timer-controls">
          {isRunning(shown) ? (
            <button type="button" className="button" onClick={() => send("timer:pause", { scope: shown.scope })}>
              {t("timer.pause")}
            </button>
          ) : isFinished(shown, live.serverNow()) ? null : (
            <button type="button" className="button button--primary" onClick={() => send("timer:resume", { scope: shown.scope })}>
              {t("timer.resume")}
            </button>
          )}
          <button type="button" className="button" onClick={() => send("timer:extend", { scope: shown.scope, ms: MINUTE_MS })}>
            {t("timer.addMinute")}
          </button>
          <button type="button" className="button" onClick={() => send("timer:extend", { scope: shown.scope, ms: -MINUTE_MS })}>
            {t("timer.removeMinute")}
          </button>
          <button type="button" className="button button--danger" onClick={() => send("timer:stop", { scope: shown.scope })}>
            {t("timer.stop")}
          </button>
        </div>
      ) : null}
      {self?.isFacilitator ? <TimerStarter canStartForAll={self.isOrganiser} send={send} /> : null}
      <LiveErrorMessage error={error} />
    </section>
  );
}

function TimerStarter({ canStartForAll, send }: { canStartForAll: boolean; send: (event: string, payload: unknown) => Promise<boolean> }) {
  const { t } = useTranslation("livetools");
  const id = useId();
  const [scope, setScope] = useState<TimerScope>("room");
  const [minutes, setMinutes] = useState("");
  const [invalid, setInvalid] = useState(false);
  const start = (durationMinutes: number) => send("timer:start", { durationMs: durationMinutes * MINUTE_MS, scope });

  const startCustom = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = Number(minutes);
    const valid = Number.isInteger(value) && value >= 1 && value <= MAX_MINUTES;
    setInvalid(!valid);
    // What was typed stays until the server has started the timer, so a lost connection loses nothing.
    if (valid && (await start(value))) setMinutes("");
  };

  return (
    <div className="timer-starter" role="group" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t("timer.startTitle")}</h3>
      {canStartForAll ? (
        <fieldset className="timer-starter__scope">
          <legend>{t("timer.scope")}</legend>
          {(["room", "allSessions"] as const).map((option) => (
            <label key={option} className="choice">
              <input type="radio" name={`${id}-scope`} value={option} checked={scope === option} onChange={() => setScope(option)} />
              {option === "room" ? t("timer.scopeRoom") : t("timer.scopeAllSessions")}
            </label>
          ))}
        </fieldset>
      ) : null}
      <div className="timer-starter__presets">
        {PRESET_MINUTES.map((preset) => (
          <button key={preset} type="button" className="button" onClick={() => start(preset)}>
            {t("timer.preset", { minutes: preset })}
          </button>
        ))}
      </div>
      <form className="timer-starter__custom" onSubmit={startCustom} noValidate>
        <div className={`field${invalid ? " field--invalid" : ""}`}>
          <label htmlFor={`${id}-minutes`}>{t("timer.customMinutes")}</label>
          <input
            id={`${id}-minutes`}
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_MINUTES}
            step={1}
            value={minutes}
            onChange={(event) => setMinutes(event.target.value)}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? `${id}-minutes-error` : undefined}
          />
          {invalid ? (
            <p className="field__error" id={`${id}-minutes-error`}>
              {t("timer.customInvalid")}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button button--primary">
          {t("timer.start")}
        </button>
      </form>
    </div>
  );
}
