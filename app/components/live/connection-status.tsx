import { useTranslation } from "react-i18next";
import type { LiveStatus } from "~/live/use-live-room";

/** Honest about the connection: people must know when what they do cannot reach the room yet. */
export function ConnectionStatus({ status }: { status: LiveStatus }) {
  const { t } = useTranslation("live");
  return (
    <p className={`live-status live-status--${status}`} role="status" aria-live="polite">
      <span aria-hidden="true" className="live-status__dot" />
      {t(`status.${status}`)}
    </p>
  );
}
