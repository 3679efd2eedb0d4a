import { useTranslation } from "react-i18next";
import type { CallRoomControls } from "~/call/use-call-room-state";

/**
 * The facilitators' settings of the room's call, usable before joining it too: whether participants may turn on
 * their camera and microphone, recording, and who was removed.
 */
export function CallRoomSettings({ controls }: { controls: CallRoomControls }) {
  const { t } = useTranslation("call");
  const { state, pending, act, error } = controls;
  const running = state.recordings.find((recording) => recording.status === "STARTING" || recording.status === "ACTIVE");
  return (
    <div className="call-settings" role="group" aria-label={t("settings.label")}>
      <h3>{t("settings.title")}</h3>
      <p className="call-settings__line">
        <span>{state.participantsPublish ? t("settings.publishingOn") : t("settings.publishingOff")}</span>
        <button type="button" className="button" disabled={pending} onClick={() => void act({ intent: "publishing", allow: !state.participantsPublish })}>
          {state.participantsPublish ? t("settings.stopPublishing") : t("settings.allowPublishing")}
        </button>
      </p>
      <p className="call-settings__line">
        <span>{running ? t("settings.recordingOn") : t("settings.recordingOff")}</span>
        {running ? (
          <button type="button" className="button button--danger" disabled={pending} onClick={() => void act({ intent: "recordingStop", recordingId: running.id })}>
            {t("settings.stopRecording")}
          </button>
        ) : (
          <button type="button" className="button" disabled={pending} onClick={() => void act({ intent: "recordingStart" })}>
            {t("settings.startRecording")}
          </button>
        )}
      </p>
      {state.removed.length > 0 ? (
        <>
          <h4>{t("settings.removed")}</h4>
          <ul className="call-people__list">
            {state.removed.map((person) => (
              <li key={person.userId} className="call-people__item">
                <span dir="auto">{person.name}</span>
                <button
                  type="button"
                  className="button button--quiet"
                  disabled={pending}
                  aria-label={t("settings.readmitLabel", { name: person.name })}
                  onClick={() => void act({ intent: "readmit", userId: person.userId })}
                >
                  {t("settings.readmit")}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {error ? (
        <p className="alert alert--error" role="alert">
          {t(`errors.${error}`)}
        </p>
      ) : null}
    </div>
  );
}
