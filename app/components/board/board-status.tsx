import { useTranslation } from "react-i18next";
import type { BoardConnectionState } from "./use-board-connection";

/**
 * The honest state of the person's changes, always visible and announced to screen readers when it changes; with
 * what to do when the server stopped the connection.
 */
export function BoardStatus({ state, readOnly, onRetry }: { state: BoardConnectionState; readOnly: boolean; onRetry(): void }) {
  const { t } = useTranslation("boardEditor");
  const label = readOnly && state.saveState !== "offline" && state.saveState !== "connecting" ? t("status.readOnly") : t(`status.${state.saveState}`);
  return (
    <div className="board-status">
      <p role="status" className={`board-status__state board-status__state--${state.saveState}`} data-save-state={state.saveState}>
        <span aria-hidden="true" className="board-status__dot" />
        {label}
      </p>
      {state.refusal ? (
        <p role="alert" className="board-status__refusal">
          {t(`refusals.${state.refusal}`)}
          {state.stopped ? (
            <button type="button" className="button button--quiet" onClick={onRetry}>
              {t("retry")}
            </button>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
