import { useTranslation } from "react-i18next";
import type { CallRecordingView } from "~/call/protocol";
import type { CallRoomControls } from "~/call/use-call-room-state";
import { DEFAULT_LANGUAGE } from "~/i18n/config";
import { useRootData } from "~/root";
import { formatDateTime } from "~/utils/dates";

/** The room's recordings, so that everyone knows when the call is recorded; facilitators also see where the files are. */
export function CallRecordings({
  recordings,
  timeZone,
  controls,
}: {
  recordings: CallRecordingView[];
  timeZone: string;
  controls: CallRoomControls | null;
}) {
  const { t } = useTranslation("call");
  const language = useRootData()?.language ?? DEFAULT_LANGUAGE;
  if (recordings.length === 0) return null;
  const format = (at: string) => formatDateTime(at, timeZone, language, { dateStyle: "short", timeStyle: "short" });
  return (
    <div className="call-recordings">
      <h3>{t("recordings.title")}</h3>
      <ul className="call-recordings__list">
        {recordings.map((recording) => (
          <li key={recording.id}>
            <span className={`badge${recording.status === "FAILED" ? " badge--warn" : recording.status === "ENDED" ? " badge--muted" : ""}`}>
              {t(`recordings.status.${recording.status}`)}
            </span>{" "}
            {t("recordings.started", { at: format(recording.startedAt) })}
            {recording.startedBy ? (
              <>
                {" "}
                <span dir="auto">{t("recordings.by", { name: recording.startedBy })}</span>
              </>
            ) : null}
            {recording.endedAt ? ` · ${t("recordings.ended", { at: format(recording.endedAt) })}` : null}
            {controls && recording.location ? (
              <>
                {" · "}
                <span className="call-recordings__location" dir="ltr">
                  {recording.location}
                </span>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
