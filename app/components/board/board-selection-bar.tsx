import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { COLOURS, type BoardElement, type Colour } from "~/boards/document";

interface SelectionBarProps {
  selected: BoardElement[];
  onEdit(): void;
  onColour(colour: Colour): void;
  onDelete(): void;
  onGroup(grouped: boolean): void;
  onToFront(): void;
  /** The new-recommendation form for this board, for those who may write one (the element's id is added here). */
  newRecommendationPath?: string | null;
}

/**
 * Actions on the selection, as buttons: what a right-click menu or a keyboard shortcut does elsewhere, reachable
 * with a finger on a phone and with Tab.
 */
export function BoardSelectionBar({ selected, onEdit, onColour, onDelete, onGroup, onToFront, newRecommendationPath = null }: SelectionBarProps) {
  const { t } = useTranslation("boardEditor");
  if (selected.length === 0) return null;
  const single = selected.length === 1 ? selected[0] : null;
  const hasText = single !== null && single.type !== "connector" && single.type !== "stroke";
  const grouped = selected.some((element) => element.groupId);
  const recommendable = single !== null && (single.type === "sticky" || single.type === "section") && newRecommendationPath !== null;
  return (
    <div className="board-selection-bar" role="toolbar" aria-label={t("selection.label", { count: selected.length })}>
      {hasText ? (
        <button type="button" className="button button--quiet" onClick={onEdit}>
          {t("selection.edit")}
        </button>
      ) : null}
      <label className="board-toolbar__select">
        <span className="visually-hidden">{t("selection.colour")}</span>
        <select value={single?.colour ?? ""} onChange={(event) => event.target.value && onColour(event.target.value as Colour)}>
          {single ? null : <option value="">{t("selection.colour")}</option>}
          {COLOURS.map((colour) => (
            <option key={colour} value={colour}>
              {t(`colours.${colour}`)}
            </option>
          ))}
        </select>
      </label>
      {selected.length > 1 || grouped ? (
        <button type="button" className="button button--quiet" onClick={() => onGroup(!grouped)}>
          {grouped ? t("selection.ungroup") : t("selection.group")}
        </button>
      ) : null}
      {recommendable ? (
        <Link className="button button--quiet" to={`${newRecommendationPath}&${new URLSearchParams({ elementId: single.id })}`}>
          {t("recommendations:board.create")}
        </Link>
      ) : null}
      <button type="button" className="button button--quiet" onClick={onToFront}>
        {t("selection.toFront")}
      </button>
      <button type="button" className="button button--quiet button--danger" onClick={onDelete}>
        {t("selection.delete")}
      </button>
    </div>
  );
}
