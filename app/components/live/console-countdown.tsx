import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ConsoleTimer } from "~/models/live/console.server";

function formatRemaining(ms: number) {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** A timer's remaining time by the server's clock, ticking every second; the timers' own panel runs the timer. */
export function ConsoleCountdown({ timer, serverNow }: { timer: ConsoleTimer | null; serverNow: () => number }) {
  const { t } = useTranslation("console");
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    if (!timer?.endsAt) return;
    setNow(serverNow());
    const tick = setInterval(() => setNow(serverNow()), 1000);
    return () => clearInterval(tick);
  }, [timer?.endsAt, serverNow]);
  if (!timer) return <span className="muted">{t("timer.none")}</span>;
  if (!timer.endsAt) return <span className="console-countdown">{t("timer.paused", { time: formatRemaining(timer.remainingMs ?? 0) })}</span>;
  const remaining = Date.parse(timer.endsAt) - now;
  if (remaining <= 0) return <span className="console-countdown">{t("timer.over")}</span>;
  return (
    <span className="console-countdown" dir="ltr">
      {formatRemaining(remaining)}
    </span>
  );
}
