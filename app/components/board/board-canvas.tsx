import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent as ReactPointerEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Awareness } from "y-protocols/awareness";
import type * as Y from "yjs";
import type { BoardElement, Colour, ElementFields, ShapeKind } from "~/boards/document";
import { createElement, deleteElements, moveElements, setFields, setGroup, setPoints, setText, STICKY_SIZE, withDependents } from "~/boards/editing";
import { ElementRecommendations } from "~/components/recommendations/element-recommendations";
import { BoardCursors } from "./board-cursors";
import { boardPng, boardSvg, download, exportFileName } from "./board-export";
import { BoardScene, boundsOf } from "./board-scene";
import { BoardSelectionBar } from "./board-selection-bar";
import { BoardToolbar } from "./board-toolbar";
import { TOOL_KEYS, WRITING_TOOLS, type Tool } from "./board-tools";
import { BoardVoteBadges } from "./board-vote-badges";
import { useBoardPeers } from "./use-board-peers";
import { useBoardUndo } from "./use-board-undo";
import type { BoardVoting } from "./use-board-voting";
import { toBoardPoint, useViewport, type Viewport } from "./use-viewport";

interface BoardCanvasProps {
  boardId: string;
  doc: Y.Doc;
  elements: BoardElement[];
  awareness: Awareness | null;
  /** The transaction origin of this page's changes (tracked by undo). */
  origin: object;
  user: { id: string; name: string };
  authorNames: Record<string, string>;
  editable: boolean;
  boardTitle: string;
  voting: BoardVoting | null;
  /** An element to show first, framed and selected (a recommendation's evidence). */
  focusElementId?: string | null;
  /** On the live board: the recommendations fed by the selected note, and the form to write one (null: not allowed). */
  recommendations?: { newPath: string | null };
}

type Point = { x: number; y: number };
type Box = { x: number; y: number; w: number; h: number };

/** A gesture in progress; its effect is previewed locally and written to the board once, when it ends. */
type Gesture =
  | { kind: "pan"; start: Point; panX: number; panY: number }
  | { kind: "move"; ids: string[]; start: Point; moved: boolean }
  | { kind: "resize"; id: string; start: Point; box: Box }
  | { kind: "marquee"; start: Point }
  | { kind: "draw"; points: number[] }
  | { kind: "connect"; fromId: string }
  | { kind: "create"; type: "shape" | "section"; start: Point }
  | { kind: "pinch" };

type Preview = { move?: { ids: Set<string>; dx: number; dy: number }; resize?: { id: string; box: Box }; marquee?: Box; draft?: Box; stroke?: number[]; connect?: { from: string; to: Point } };

/** Above this distance (board units at zoom 1, so screen pixels), a press becomes a drag. */
const DRAG_THRESHOLD = 4;
const MIN_SIZE = 40;
/** Sections are picked up by their title bar: their body is where notes go, and a press there is on the board. */
const SECTION_GRIP = 56;
const DEFAULT_SIZES: Record<"text" | "shape" | "section", { w: number; h: number }> = { text: { w: 260, h: 48 }, shape: { w: 180, h: 120 }, section: { w: 640, h: 420 } };
const ARROW_STEP = 10;

/**
 * The board as a canvas: pan and zoom (wheel, trackpad, pinch), tools to add notes, text, shapes, sections,
 * connectors and freehand strokes, selection (click, shift-click, marquee), moving, resizing, grouping, editing text
 * in place, undo/redo of one's own changes, others' cursors and selections, votes, and image export.
 */
export function BoardCanvas({ boardId, doc, elements, awareness, origin, user, authorNames, editable, boardTitle, voting, focusElementId = null, recommendations }: BoardCanvasProps) {
  const { t } = useTranslation("boardEditor");
  const containerRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const sceneRef = useRef<SVGGElement>(null);
  const { viewport, setViewport, zoomAt, panBy, fit } = useViewport();
  const viewportRef = useRef(viewport);
  viewportRef.current = viewport;
  const undo = useBoardUndo(doc, origin);
  const peers = useBoardPeers(awareness ?? nullAwareness);
  const [tool, setTool] = useState<Tool>("select");
  const [colour, setColour] = useState<Colour>("yellow");
  const [shape, setShape] = useState<ShapeKind>("rectangle");
  const [selection, setSelection] = useState<string[]>([]);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview>({});
  const [announcement, setAnnouncement] = useState("");
  const gesture = useRef<Gesture | null>(null);
  const pointers = useRef(new Map<number, Point>());
  const pinch = useRef<{ distance: number; centre: Point } | null>(null);
  const fitted = useRef(false);

  const byId = useMemo(() => new Map(elements.map((element) => [element.id, element])), [elements]);
  const votingOpen = voting?.round?.status === "OPEN";
  const activeTool: Tool = !editable && (WRITING_TOOLS.includes(tool) || tool === "vote") ? "select" : tool === "vote" && !votingOpen ? "select" : tool;

  // Forget selected or edited elements that someone else deleted.
  useEffect(() => {
    setSelection((current) => (current.every((id) => byId.has(id)) ? current : current.filter((id) => byId.has(id))));
    if (editingId && !byId.has(editingId)) setEditingId(null);
  }, [byId, editingId]);

  // The first time there is something to show, frame it.
  useEffect(() => {
    const container = containerRef.current;
    if (fitted.current || elements.length === 0 || !container) return;
    fitted.current = true;
    const focused = focusElementId ? elements.find((element) => element.id === focusElementId) : undefined;
    // The cited element with some of its surroundings, so that it is seen in its context.
    const frame = focused ? { x: focused.x - focused.w, y: focused.y - focused.h, w: focused.w * 3, h: focused.h * 3 } : boundsOf(elements);
    fit(frame, { width: container.clientWidth, height: container.clientHeight });
    if (focused) setSelection([focused.id]);
  }, [elements, fit, focusElementId]);

  // Others see what this person has selected.
  useEffect(() => {
    awareness?.setLocalStateField("selection", selection);
  }, [awareness, selection]);

  const canvasPoint = useCallback((event: { clientX: number; clientY: number }): Point => {
    const rect = svgRef.current?.getBoundingClientRect();
    return { x: event.clientX - (rect?.left ?? 0), y: event.clientY - (rect?.top ?? 0) };
  }, []);
  const boardPoint = useCallback((event: { clientX: number; clientY: number }) => toBoardPoint(viewportRef.current, canvasPoint(event)), [canvasPoint]);

  /** The element under the pointer, as a person would pick it: a section only by its title bar. */
  const elementAt = useCallback(
    (event: { clientX: number; clientY: number }): BoardElement | null => {
      const hit = document.elementFromPoint(event.clientX, event.clientY)?.closest("[data-element-id]");
      const element = hit ? byId.get(hit.getAttribute("data-element-id") ?? "") : undefined;
      if (!element) return null;
      if (element.type === "section" && boardPoint(event).y > element.y + SECTION_GRIP) return null;
      return element;
    },
    [byId, boardPoint],
  );

  // Wheel: scroll pans, ctrl/cmd + wheel (and trackpad pinch) zooms at the pointer. Not passive, to keep the page still.
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      if (event.ctrlKey || event.metaKey) zoomAt(canvasPoint(event), Math.exp(-event.deltaY * 0.01));
      else panBy(-event.deltaX, -event.deltaY);
    };
    svg.addEventListener("wheel", onWheel, { passive: false });
    return () => svg.removeEventListener("wheel", onWheel);
  }, [zoomAt, panBy, canvasPoint]);

  const select = (ids: string[], additive: boolean) => {
    const expanded = withDependents(elements, ids).filter((id) => byId.get(id)?.type !== "section" || ids.includes(id));
    setSelection((current) => (additive ? [...new Set([...current, ...expanded])] : expanded));
  };

  const create = (fields: Partial<ElementFields> & Pick<ElementFields, "type">) => {
    undo.stopCapturing();
    const id = createElement(doc, fields, user.id, origin);
    setSelection([id]);
    setTool("select");
    if (fields.type !== "connector" && fields.type !== "stroke") setEditingId(id);
    setAnnouncement(t("announce.added", { type: t(`types.${fields.type}`) }));
    return id;
  };

  const onPointerDown = (event: ReactPointerEvent<SVGSVGElement>) => {
    // No mousedown follows: its default focus change would take the focus from a text editor opened just now.
    event.preventDefault();
    containerRef.current?.focus({ preventScroll: true });
    const point = canvasPoint(event);
    pointers.current.set(event.pointerId, point);
    svgRef.current?.setPointerCapture(event.pointerId);
    if (pointers.current.size === 2) {
      // A second finger: pinch to zoom and pan, dropping whatever the first finger had started.
      gesture.current = { kind: "pinch" };
      setPreview({});
      const [a, b] = [...pointers.current.values()];
      pinch.current = { distance: Math.hypot(a.x - b.x, a.y - b.y), centre: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } };
      return;
    }
    if (editingId) setEditingId(null);
    const at = boardPoint(event);
    const target = elementAt(event);
    const panning = activeTool === "hand" || event.button === 1;
    if (panning) {
      gesture.current = { kind: "pan", start: point, panX: viewportRef.current.panX, panY: viewportRef.current.panY };
      return;
    }
    switch (activeTool) {
      case "sticky":
        create({ type: "sticky", colour, ...centredSticky(at) });
        return;
      case "text":
        create({ type: "text", colour, x: at.x, y: at.y - DEFAULT_SIZES.text.h / 2, ...sizeOf("text") });
        return;
      case "shape":
      case "section":
        gesture.current = { kind: "create", type: activeTool, start: at };
        return;
      case "pen":
        gesture.current = { kind: "draw", points: [at.x, at.y] };
        setPreview({ stroke: [at.x, at.y] });
        return;
      case "connector":
        if (target && target.type !== "connector" && target.type !== "stroke") {
          gesture.current = { kind: "connect", fromId: target.id };
          setPreview({ connect: { from: target.id, to: at } });
        }
        return;
      case "vote":
        if (target && voting) {
          if (event.altKey) voting.retract(target.id);
          else voting.cast(target.id);
        }
        return;
      default:
        break;
    }
    if (target) {
      const additive = event.shiftKey || event.metaKey || event.ctrlKey;
      const alreadySelected = selection.includes(target.id);
      if (additive && alreadySelected) {
        setSelection((current) => current.filter((id) => id !== target.id));
        return;
      }
      if (!alreadySelected) select([target.id], additive);
      const ids = alreadySelected ? selection : additive ? [...new Set([...selection, ...withDependents(elements, [target.id])])] : withDependents(elements, [target.id]);
      if (editable) gesture.current = { kind: "move", ids: withDependents(elements, ids), start: at, moved: false };
      return;
    }
    if (!event.shiftKey) setSelection([]);
    // On a touch screen one finger on the empty board pans, as in maps; a mouse draws a selection box.
    gesture.current = event.pointerType === "touch" ? { kind: "pan", start: point, panX: viewportRef.current.panX, panY: viewportRef.current.panY } : { kind: "marquee", start: at };
  };

  const onPointerMove = (event: ReactPointerEvent<SVGSVGElement>) => {
    const point = canvasPoint(event);
    const at = toBoardPoint(viewportRef.current, point);
    awareness?.setLocalStateField("cursor", { x: Math.round(at.x), y: Math.round(at.y) });
    if (pointers.current.has(event.pointerId)) pointers.current.set(event.pointerId, point);
    const current = gesture.current;
    if (!current) return;
    switch (current.kind) {
      case "pinch": {
        const [a, b] = [...pointers.current.values()];
        if (!a || !b || !pinch.current) return;
        const distance = Math.hypot(a.x - b.x, a.y - b.y);
        const centre = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
        panBy(centre.x - pinch.current.centre.x, centre.y - pinch.current.centre.y);
        zoomAt(centre, distance / Math.max(1, pinch.current.distance));
        pinch.current = { distance, centre };
        return;
      }
      case "pan":
        setViewport((viewportNow) => ({ ...viewportNow, panX: current.panX + point.x - current.start.x, panY: current.panY + point.y - current.start.y }));
        return;
      case "move": {
        const dx = at.x - current.start.x;
        const dy = at.y - current.start.y;
        if (!current.moved && Math.hypot(dx, dy) * viewportRef.current.zoom < DRAG_THRESHOLD) return;
        current.moved = true;
        setPreview({ move: { ids: new Set(current.ids), dx, dy } });
        return;
      }
      case "resize": {
        const box = { ...current.box, w: Math.max(MIN_SIZE, current.box.w + at.x - current.start.x), h: Math.max(MIN_SIZE, current.box.h + at.y - current.start.y) };
        setPreview({ resize: { id: current.id, box } });
        return;
      }
      case "marquee":
        setPreview({ marquee: boxBetween(current.start, at) });
        return;
      case "create":
        setPreview({ draft: boxBetween(current.start, at) });
        return;
      case "draw": {
        const [lastX, lastY] = current.points.slice(-2);
        // Points closer than a screen pixel add weight, not shape.
        if (Math.hypot(at.x - lastX, at.y - lastY) * viewportRef.current.zoom < 2) return;
        current.points.push(Math.round(at.x * 10) / 10, Math.round(at.y * 10) / 10);
        setPreview({ stroke: [...current.points] });
        return;
      }
      case "connect":
        setPreview({ connect: { from: current.fromId, to: at } });
        return;
    }
  };

  const onPointerUp = (event: ReactPointerEvent<SVGSVGElement>) => {
    pointers.current.delete(event.pointerId);
    const current = gesture.current;
    if (current?.kind === "pinch") {
      if (pointers.current.size === 0) gesture.current = null;
      return;
    }
    gesture.current = null;
    setPreview({});
    if (!current) return;
    const at = boardPoint(event);
    switch (current.kind) {
      case "move":
        if (current.moved) {
          undo.stopCapturing();
          moveElements(doc, current.ids, at.x - current.start.x, at.y - current.start.y, origin);
        }
        return;
      case "resize": {
        const box = { ...current.box, w: Math.round(Math.max(MIN_SIZE, current.box.w + at.x - current.start.x)), h: Math.round(Math.max(MIN_SIZE, current.box.h + at.y - current.start.y)) };
        const element = byId.get(current.id);
        undo.stopCapturing();
        doc.transact(() => {
          setFields(doc, { [current.id]: { w: box.w, h: box.h } }, origin);
          if (element?.type === "stroke") setPoints(doc, current.id, scalePoints(element, box), origin);
        }, origin);
        return;
      }
      case "marquee": {
        const box = boxBetween(current.start, at);
        const inside = elements.filter((element) => element.type !== "connector" && element.x >= box.x && element.y >= box.y && element.x + element.w <= box.x + box.w && element.y + element.h <= box.y + box.h);
        if (inside.length > 0) select(inside.map((element) => element.id), event.shiftKey);
        return;
      }
      case "create": {
        const dragged = boxBetween(current.start, at);
        const box = dragged.w * viewportRef.current.zoom > DRAG_THRESHOLD * 4 ? dragged : { x: current.start.x, y: current.start.y, ...sizeOf(current.type) };
        create({ type: current.type, colour: current.type === "section" && colour === "yellow" ? "white" : colour, shape: current.type === "shape" ? shape : null, ...roundBox(box) });
        return;
      }
      case "draw": {
        if (current.points.length < 4) return;
        const xs = current.points.filter((_, index) => index % 2 === 0);
        const ys = current.points.filter((_, index) => index % 2 === 1);
        const x = Math.min(...xs);
        const y = Math.min(...ys);
        undo.stopCapturing();
        createElement(
          doc,
          { type: "stroke", colour, x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y, points: current.points.map((value, index) => Math.round((value - (index % 2 === 0 ? x : y)) * 10) / 10) },
          user.id,
          origin,
        );
        return;
      }
      case "connect": {
        const target = elementAt(event);
        if (target && target.id !== current.fromId && target.type !== "connector" && target.type !== "stroke") {
          undo.stopCapturing();
          createElement(doc, { type: "connector", from: current.fromId, to: target.id, x: 0, y: 0, w: 0, h: 0 }, user.id, origin);
          setTool("select");
        }
        return;
      }
      default:
        return;
    }
  };

  const onDoubleClick = (event: React.MouseEvent) => {
    // Two quick taps while voting are two dots, not an edit.
    if (!editable || activeTool !== "select") return;
    const target = elementAt(event);
    if (target && target.type !== "connector" && target.type !== "stroke") {
      setSelection([target.id]);
      setEditingId(target.id);
    } else if (!target) {
      create({ type: "sticky", colour, ...centredSticky(boardPoint(event)) });
    }
  };

  const startResize = (event: ReactPointerEvent, element: BoardElement) => {
    event.stopPropagation();
    svgRef.current?.setPointerCapture(event.pointerId);
    pointers.current.set(event.pointerId, canvasPoint(event));
    gesture.current = { kind: "resize", id: element.id, start: boardPoint(event), box: { x: element.x, y: element.y, w: element.w, h: element.h } };
  };

  const deleteSelection = () => {
    if (selection.length === 0) return;
    undo.stopCapturing();
    deleteElements(doc, selection, origin);
    setAnnouncement(t("announce.deleted", { count: selection.length }));
    setSelection([]);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== containerRef.current) return;
    const mod = event.ctrlKey || event.metaKey;
    const key = event.key.toLowerCase();
    if (mod && key === "z") {
      event.preventDefault();
      if (event.shiftKey) undo.redo();
      else undo.undo();
    } else if (mod && key === "y") {
      event.preventDefault();
      undo.redo();
    } else if (mod && key === "g" && editable && selection.length > 0) {
      event.preventDefault();
      setGroup(doc, selection, !event.shiftKey, origin);
    } else if (mod && key === "a") {
      event.preventDefault();
      setSelection(elements.filter((element) => element.type !== "section").map((element) => element.id));
    } else if ((event.key === "Delete" || event.key === "Backspace") && editable) {
      event.preventDefault();
      deleteSelection();
    } else if (event.key === "Escape") {
      setSelection([]);
      setTool("select");
    } else if (event.key === "Enter" && editable && selection.length === 1) {
      event.preventDefault();
      setEditingId(selection[0]);
    } else if (event.key.startsWith("Arrow") && editable && selection.length > 0) {
      event.preventDefault();
      const step = event.shiftKey ? ARROW_STEP * 5 : ARROW_STEP;
      // Arrow keys follow the screen: the board itself is not mirrored in right-to-left pages.
      const dx = event.key === "ArrowLeft" ? -step : event.key === "ArrowRight" ? step : 0;
      const dy = event.key === "ArrowUp" ? -step : event.key === "ArrowDown" ? step : 0;
      moveElements(doc, withDependents(elements, selection), dx, dy, origin);
    } else if (!mod && !event.altKey && TOOL_KEYS[key]) {
      setTool(TOOL_KEYS[key]);
    } else if (!mod && (event.key === "+" || event.key === "=")) {
      zoomBy("in");
    } else if (!mod && event.key === "-") {
      zoomBy("out");
    }
  };

  const zoomBy = (direction: "in" | "out" | "fit") => {
    const container = containerRef.current;
    if (!container) return;
    const size = { width: container.clientWidth, height: container.clientHeight };
    if (direction === "fit") fit(boundsOf(elements), size);
    else zoomAt({ x: size.width / 2, y: size.height / 2 }, direction === "in" ? 1.25 : 0.8);
  };

  const exportImage = async (format: "svg" | "png") => {
    const scene = sceneRef.current;
    if (!scene) return;
    if (format === "svg") download(new Blob([boardSvg(scene, elements).markup], { type: "image/svg+xml" }), exportFileName(boardTitle, "svg"));
    else download(await boardPng(scene, elements), exportFileName(boardTitle, "png"));
  };

  const shown = useMemo(() => applyPreview(elements, preview), [elements, preview]);
  const selected = selection.map((id) => byId.get(id)).filter((element): element is BoardElement => Boolean(element));
  const editing = editingId ? byId.get(editingId) : undefined;
  const single = selected.length === 1 ? shown.find((element) => element.id === selected[0].id) : undefined;

  return (
    <div className="board-canvas-wrap">
      <BoardToolbar
        tool={activeTool}
        onTool={setTool}
        colour={colour}
        onColour={setColour}
        shape={shape}
        onShape={setShape}
        editable={editable}
        votingOpen={votingOpen}
        undo={undo}
        zoom={viewport.zoom}
        onZoom={zoomBy}
        onExport={(format) => void exportImage(format)}
        boardId={boardId}
      />
      {editable ? (
        <BoardSelectionBar
          selected={selected}
          onEdit={() => selected.length === 1 && setEditingId(selected[0].id)}
          onColour={(next) => setFields(doc, Object.fromEntries(selection.map((id) => [id, { colour: next }])), origin)}
          onDelete={deleteSelection}
          onGroup={(grouped) => setGroup(doc, selection, grouped, origin)}
          onToFront={() => {
            const top = Math.max(0, ...elements.map((element) => element.z));
            setFields(doc, Object.fromEntries(selection.map((id, index) => [id, { z: top + 1 + index }])), origin);
          }}
          newRecommendationPath={recommendations?.newPath}
        />
      ) : null}
      {recommendations && selected.length === 1 && (selected[0].type === "sticky" || selected[0].type === "section") ? (
        <ElementRecommendations boardId={boardId} elementId={selected[0].id} />
      ) : null}
      <div
        ref={containerRef}
        className={`board-canvas board-canvas--${activeTool}`}
        tabIndex={0}
        role="application"
        aria-roledescription={t("canvas.role")}
        aria-label={t("canvas.label", { count: elements.length })}
        aria-describedby="board-canvas-help"
        onKeyDown={onKeyDown}
      >
        <p id="board-canvas-help" className="visually-hidden">
          {t("canvas.help")}
        </p>
        <svg
          ref={svgRef}
          className="board-canvas__svg"
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
          onPointerLeave={(event) => {
            if (event.pointerType === "mouse" && !gesture.current) awareness?.setLocalStateField("cursor", null);
          }}
          onDoubleClick={onDoubleClick}
          aria-hidden="true"
        >
          <g transform={`translate(${viewport.panX} ${viewport.panY}) scale(${viewport.zoom})`}>
            <g ref={sceneRef}>
              <BoardScene elements={shown} authorNames={authorNames} hiddenTextId={editing?.id ?? null} />
            </g>
            {voting ? <BoardVoteBadges elements={shown} voting={voting} zoom={viewport.zoom} /> : null}
            {selected.map((element) => {
              const box = shown.find((candidate) => candidate.id === element.id) ?? element;
              return <rect key={element.id} className="board-selection" x={box.x - 3} y={box.y - 3} width={box.w + 6} height={box.h + 6} rx={4} strokeWidth={2 / viewport.zoom} />;
            })}
            {editable && single && single.type !== "connector" && single.type !== "stroke" ? (
              <rect
                className="board-resize-handle"
                x={single.x + single.w - 6 / viewport.zoom}
                y={single.y + single.h - 6 / viewport.zoom}
                width={14 / viewport.zoom}
                height={14 / viewport.zoom}
                onPointerDown={(event) => startResize(event, single)}
              />
            ) : null}
            <DraftLayer preview={preview} byId={byId} zoom={viewport.zoom} />
            <BoardCursors peers={peers} elements={shown} zoom={viewport.zoom} />
          </g>
        </svg>
        {editing ? <InPlaceEditor element={editing} viewport={viewport} onChange={(text) => setText(doc, editing.id, text, origin)} onDone={() => setEditingId(null)} label={t("canvas.editLabel", { type: t(`types.${editing.type}`) })} /> : null}
        {elements.length === 0 && editable ? <p className="board-canvas__empty">{t("canvas.empty")}</p> : null}
      </div>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}

/** The text of an element edited where it is, with the browser's own text input (IME, Arabic, spellcheck). */
function InPlaceEditor({ element, viewport, onChange, onDone, label }: { element: BoardElement; viewport: Viewport; onChange(text: string): void; onDone(): void; label: string }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const field = ref.current;
    if (!field) return;
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
  }, [element.id]);
  const header = element.type === "section";
  const style = {
    insetInlineStart: undefined,
    left: element.x * viewport.zoom + viewport.panX,
    top: element.y * viewport.zoom + viewport.panY,
    width: Math.max(120, element.w * viewport.zoom),
    height: header ? 48 * viewport.zoom : Math.max(48, element.h * viewport.zoom),
    fontSize: Math.max(12, (header ? 20 : 18) * viewport.zoom),
  };
  return (
    <textarea
      ref={ref}
      className={`board-editor board-editor--${element.type}`}
      style={style}
      dir="auto"
      aria-label={label}
      value={element.text}
      onChange={(event) => onChange(event.target.value)}
      onBlur={onDone}
      onKeyDown={(event) => {
        if (event.key === "Escape" || (event.key === "Enter" && (event.ctrlKey || event.metaKey))) {
          event.preventDefault();
          onDone();
        }
      }}
    />
  );
}

/** What a gesture in progress looks like before it is written: marquee, new box, stroke, connector. */
function DraftLayer({ preview, byId, zoom }: { preview: Preview; byId: Map<string, BoardElement>; zoom: number }) {
  const from = preview.connect ? byId.get(preview.connect.from) : undefined;
  return (
    <g className="board-draft" pointerEvents="none">
      {preview.marquee ? <rect className="board-marquee" {...preview.marquee} width={preview.marquee.w} height={preview.marquee.h} strokeWidth={1 / zoom} /> : null}
      {preview.draft ? <rect className="board-marquee" x={preview.draft.x} y={preview.draft.y} width={preview.draft.w} height={preview.draft.h} strokeWidth={2 / zoom} /> : null}
      {preview.stroke && preview.stroke.length >= 2 ? <polyline className="board-draft-stroke" points={preview.stroke.join(" ")} strokeWidth={4} /> : null}
      {from && preview.connect ? <line className="board-draft-line" x1={from.x + from.w / 2} y1={from.y + from.h / 2} x2={preview.connect.to.x} y2={preview.connect.to.y} strokeWidth={2 / zoom} /> : null}
    </g>
  );
}

function applyPreview(elements: BoardElement[], preview: Preview): BoardElement[] {
  const { move, resize } = preview;
  if (!move && !resize) return elements;
  return elements.map((element) => {
    if (move?.ids.has(element.id) && element.type !== "connector") return { ...element, x: element.x + move.dx, y: element.y + move.dy };
    if (resize?.id === element.id) return { ...element, ...resize.box, points: scalePoints(element, resize.box) };
    return element;
  });
}

/** A stroke being resized stretches with its box. */
function scalePoints(element: BoardElement, box: Box): number[] {
  if (element.type !== "stroke" || element.w === 0 || element.h === 0) return element.points;
  return element.points.map((value, index) => (index % 2 === 0 ? (value * box.w) / element.w : (value * box.h) / element.h));
}

function boxBetween(a: Point, b: Point): Box {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.abs(a.x - b.x), h: Math.abs(a.y - b.y) };
}

function roundBox(box: Box): Box {
  return { x: Math.round(box.x), y: Math.round(box.y), w: Math.round(box.w), h: Math.round(box.h) };
}

function sizeOf(type: "text" | "shape" | "section") {
  return DEFAULT_SIZES[type];
}

function centredSticky(at: Point) {
  return { x: at.x - STICKY_SIZE / 2, y: at.y - STICKY_SIZE / 2, w: STICKY_SIZE, h: STICKY_SIZE };
}

/** Stands in until the connection exists, so that hooks keep their order. */
const nullAwareness = {
  clientID: -1,
  getStates: () => new Map(),
  on: () => undefined,
  off: () => undefined,
} as unknown as Awareness;
