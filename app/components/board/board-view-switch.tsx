import { useTranslation } from "react-i18next";

export type BoardView = "canvas" | "outline";

/** The same board as a canvas or as an outline (a structured list for keyboards and screen readers). */
export function BoardViewSwitch({ view, onChange }: { view: BoardView; onChange(view: BoardView): void }) {
  const { t } = useTranslation("boardEditor");
  return (
    <div className="segmented" role="group" aria-label={t("view.label")}>
      {(["canvas", "outline"] as const).map((candidate) => (
        <button key={candidate} type="button" aria-pressed={view === candidate} onClick={() => onChange(candidate)}>
          {t(`view.${candidate}`)}
        </button>
      ))}
    </div>
  );
}
