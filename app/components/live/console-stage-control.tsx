import { useTranslation } from "react-i18next";
import type { LiveRoom } from "~/live/use-live-room";
import { ConsoleActionStatus, useConsoleAction } from "./console-action-status";

/** Starts the parallel sessions, or ends them and brings everyone back to the plenary. */
export function ConsoleStageControl({ live, stage }: { live: LiveRoom; stage: "PLENARY" | "PARALLEL" }) {
  const { t } = useTranslation("console");
  const action = useConsoleAction();
  const next = stage === "PLENARY" ? "PARALLEL" : "PLENARY";
  return (
    <section className="card console-action" aria-labelledby="console-stage-title">
      <h3 id="console-stage-title">{t("stage.title")}</h3>
      <p className="console-stage__now">{t(`stage.${stage}`)}</p>
      <button
        type="button"
        className="button button--primary"
        disabled={action.pending}
        onClick={() => void action.run(() => live.request("stage:set", { stage: next }), t(`stage.${next}`))}
      >
        {next === "PARALLEL" ? t("stage.startParallel") : t("stage.backToPlenary")}
      </button>
      <p className="muted">{t("stage.hint")}</p>
      <ConsoleActionStatus outcome={action.outcome} />
    </section>
  );
}
