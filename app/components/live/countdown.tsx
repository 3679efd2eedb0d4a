import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatRemaining, isRunning, remainingMs, type TimerState } from "~/live/timer-clock";

const TICK_MS = 250;

/**
 * The remaining time of a countdown, the same on every device: computed from the server's clock (`serverNow`), not
 * from this device's, and refreshed four times a second so the seconds change when they should. At zero it shows
 * a visible end that screen readers announce, and calls `onEnd` once — only when it reaches zero while shown, not
 * when one arrives on a timer that had already ended.
 */
export function Countdown({
  timer,
  serverNow,
  onEnd,
  size = "normal",
}: {
  timer: TimerState;
  serverNow: () => number;
  onEnd?: () => void;
  size?: "normal" | "large";
}) {
  const { t } = useTranslation("livetools");
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    setNow(serverNow());
    const interval = setInterval(() => setNow(serverNow()), TICK_MS);
    return () => clearInterval(interval);
  }, [serverNow, timer]);

  const left = remainingMs(timer, now);
  const finished = left === 0;
  const wasCounting = useRef(!finished);
  const endListener = useRef(onEnd);
  endListener.current = onEnd;
  useEffect(() => {
    if (finished && wasCounting.current) endListener.current?.();
    wasCounting.current = !finished;
  }, [finished]);

  const state = finished ? "finished" : isRunning(timer) ? "running" : "paused";
  const done = timer.durationMs > 0 ? Math.min(1, 1 - left / timer.durationMs) : 1;
  return (
    <div className={`countdown countdown--${size} countdown--${state}`}>
      <p className="countdown__time">
        <span className="visually-hidden">{t("timer.remaining")} </span>
        <span role="timer">{formatRemaining(left)}</span>
      </p>
      <div className="countdown__bar" aria-hidden="true">
        <div className="countdown__fill" style={{ inlineSize: `${done * 100}%` }} />
      </div>
      {state === "paused" ? <p className="countdown__note">{t("timer.paused")}</p> : null}
      {finished ? (
        <p className="countdown__end" role="alert">
          {t("timer.timeUp")}
        </p>
      ) : null}
    </div>
  );
}
