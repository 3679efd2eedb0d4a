import { useTranslation } from "react-i18next";
import { COLOURS, SHAPE_KINDS, type Colour, type ShapeKind } from "~/boards/document";
import { PALETTE } from "./board-scene";
import { TOOLS, WRITING_TOOLS, type Tool } from "./board-tools";

interface BoardToolbarProps {
  tool: Tool;
  onTool(tool: Tool): void;
  colour: Colour;
  onColour(colour: Colour): void;
  shape: ShapeKind;
  onShape(shape: ShapeKind): void;
  editable: boolean;
  votingOpen: boolean;
  undo: { canUndo: boolean; canRedo: boolean; undo(): void; redo(): void };
  zoom: number;
  onZoom(direction: "in" | "out" | "fit"): void;
  onExport(format: "svg" | "png"): void;
  boardId: string;
}

const TOOL_ICONS: Record<Tool, string> = { select: "↖", hand: "✥", sticky: "▰", text: "T", shape: "◆", section: "▭", connector: "↗", pen: "✎", vote: "●" };

/** The tools, the colour and shape of what is drawn next, undo/redo, zoom and export. */
export function BoardToolbar(props: BoardToolbarProps) {
  const { t, i18n } = useTranslation("boardEditor");
  const { tool, onTool, editable, votingOpen } = props;
  const tools = TOOLS.filter((candidate) => (candidate === "vote" ? editable && votingOpen : editable || !WRITING_TOOLS.includes(candidate)));
  return (
    <div className="board-toolbar" role="toolbar" aria-label={t("toolbar.label")}>
      <div className="board-toolbar__group" role="group" aria-label={t("toolbar.tools")}>
        {tools.map((candidate) => (
          <button key={candidate} type="button" className="board-tool" aria-pressed={tool === candidate} title={t(`tools.${candidate}.hint`)} onClick={() => onTool(candidate)}>
            <span aria-hidden="true">{TOOL_ICONS[candidate]}</span>
            <span className="board-tool__label">{t(`tools.${candidate}.name`)}</span>
          </button>
        ))}
      </div>
      {editable ? (
        <div className="board-toolbar__group" role="group" aria-label={t("toolbar.style")}>
          <label className="board-toolbar__select">
            <span className="visually-hidden">{t("toolbar.colour")}</span>
            <span aria-hidden="true" className="board-swatch" style={{ backgroundColor: PALETTE[props.colour].fill, borderColor: PALETTE[props.colour].stroke }} />
            <select value={props.colour} onChange={(event) => props.onColour(event.target.value as Colour)}>
              {COLOURS.map((colour) => (
                <option key={colour} value={colour}>
                  {t(`colours.${colour}`)}
                </option>
              ))}
            </select>
          </label>
          {tool === "shape" ? (
            <label className="board-toolbar__select">
              <span className="visually-hidden">{t("toolbar.shape")}</span>
              <select value={props.shape} onChange={(event) => props.onShape(event.target.value as ShapeKind)}>
                {SHAPE_KINDS.map((shape) => (
                  <option key={shape} value={shape}>
                    {t(`shapes.${shape}`)}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <button type="button" className="board-tool" onClick={props.undo.undo} disabled={!props.undo.canUndo} title={t("toolbar.undoHint")}>
            <span aria-hidden="true">↶</span>
            <span className="board-tool__label">{t("toolbar.undo")}</span>
          </button>
          <button type="button" className="board-tool" onClick={props.undo.redo} disabled={!props.undo.canRedo} title={t("toolbar.redoHint")}>
            <span aria-hidden="true">↷</span>
            <span className="board-tool__label">{t("toolbar.redo")}</span>
          </button>
        </div>
      ) : null}
      <div className="board-toolbar__group" role="group" aria-label={t("toolbar.zoom")}>
        <button type="button" className="board-tool" onClick={() => props.onZoom("out")} aria-label={t("toolbar.zoomOut")}>
          −
        </button>
        <output className="board-toolbar__zoom" aria-label={t("toolbar.zoomLevel")}>
          {new Intl.NumberFormat(i18n.language, { style: "percent", maximumFractionDigits: 0 }).format(props.zoom)}
        </output>
        <button type="button" className="board-tool" onClick={() => props.onZoom("in")} aria-label={t("toolbar.zoomIn")}>
          +
        </button>
        <button type="button" className="board-tool" onClick={() => props.onZoom("fit")}>
          <span aria-hidden="true">⤢</span>
          <span className="board-tool__label">{t("toolbar.fit")}</span>
        </button>
      </div>
      <details className="board-toolbar__export">
        <summary>{t("export.label")}</summary>
        <div className="board-toolbar__menu">
          <button type="button" className="button button--quiet" onClick={() => props.onExport("png")}>
            {t("export.png")}
          </button>
          <button type="button" className="button button--quiet" onClick={() => props.onExport("svg")}>
            {t("export.svg")}
          </button>
          <a className="button button--quiet" href={`/boards/${props.boardId}.json`} download>
            {t("export.json")}
          </a>
          <a className="button button--quiet" href={`/boards/${props.boardId}/notes.csv`} download>
            {t("export.csv")}
          </a>
        </div>
      </details>
    </div>
  );
}
