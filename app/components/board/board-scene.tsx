import { memo, useId, useMemo } from "react";
import type { BoardElement, Colour } from "~/boards/document";
import { BOARD_FONT, fitText, measureInBrowser, type MeasureText } from "~/boards/text-layout";

/**
 * Fills of the named colours: light enough that the ink (#17202a) keeps a contrast above 7:1 on every one of them.
 * Attributes, not CSS variables, so that an exported SVG looks the same anywhere.
 */
export const PALETTE: Record<Colour, { fill: string; stroke: string }> = {
  yellow: { fill: "#fff1a8", stroke: "#d9b600" },
  orange: { fill: "#ffd8b0", stroke: "#e07a1f" },
  pink: { fill: "#ffd1e3", stroke: "#d6457e" },
  purple: { fill: "#e4d7ff", stroke: "#7b53d6" },
  blue: { fill: "#cfe6ff", stroke: "#2f74c9" },
  green: { fill: "#cfeedd", stroke: "#2b8a57" },
  grey: { fill: "#e6e6e3", stroke: "#7a7a75" },
  white: { fill: "#ffffff", stroke: "#9a988f" },
};

const INK = "#17202a";
const INK_SOFT = "#4a5563";
const PADDING = 12;
const AUTHOR_LINE = 18;

export interface SceneOptions {
  /** Names of authors by id, shown at the foot of sticky notes. */
  authorNames?: Record<string, string>;
  /** An element being edited in place: its text is drawn by the editor instead. */
  hiddenTextId?: string | null;
  measure?: MeasureText;
}

/** The elements of a board as SVG, back to front: the one drawing used on screen, in thumbnails and in exports. */
export const BoardScene = memo(function BoardScene({ elements, authorNames, hiddenTextId, measure = measureInBrowser }: { elements: BoardElement[] } & SceneOptions) {
  const byId = useMemo(() => new Map(elements.map((element) => [element.id, element])), [elements]);
  // One arrowhead per scene: a page may show several boards (thumbnails), and ids must stay unique.
  const arrowId = `board-arrow-${useId().replace(/[^a-zA-Z0-9]/g, "")}`;
  return (
    <g className="board-scene">
      <defs>
        <marker id={arrowId} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" fill={INK_SOFT} />
        </marker>
      </defs>
      {elements.map((element) => (
        <SceneElement key={element.id} element={element} byId={byId} arrowId={arrowId} authorName={element.authorId ? authorNames?.[element.authorId] : undefined} hideText={hiddenTextId === element.id} measure={measure} />
      ))}
    </g>
  );
});

interface ElementProps {
  element: BoardElement;
  arrowId: string;
  byId: Map<string, BoardElement>;
  authorName?: string;
  hideText: boolean;
  measure: MeasureText;
}

function SceneElement({ element, byId, arrowId, authorName, hideText, measure }: ElementProps) {
  const colour = PALETTE[element.colour];
  const text = hideText ? "" : element.text;
  switch (element.type) {
    case "sticky":
      return (
        <g data-element-id={element.id}>
          <rect x={element.x + 3} y={element.y + 4} width={element.w} height={element.h} rx={4} fill="#000" opacity={0.12} />
          <rect x={element.x} y={element.y} width={element.w} height={element.h} rx={4} fill={colour.fill} stroke={colour.stroke} strokeWidth={1} />
          <TextBlock text={text} x={element.x + PADDING} y={element.y + PADDING} width={element.w - 2 * PADDING} height={element.h - 2 * PADDING - (authorName ? AUTHOR_LINE : 0)} sizes={{ max: 22, min: 10 }} measure={measure} />
          {authorName ? <SingleLine text={authorName} x={element.x + PADDING} y={element.y + element.h - PADDING} width={element.w - 2 * PADDING} fontSize={11} fill={INK_SOFT} measure={measure} /> : null}
        </g>
      );
    case "text":
      return (
        <g data-element-id={element.id}>
          <rect x={element.x} y={element.y} width={element.w} height={element.h} fill="transparent" />
          <TextBlock text={text} x={element.x} y={element.y} width={element.w} height={element.h} sizes={{ max: 24, min: 12 }} measure={measure} />
        </g>
      );
    case "shape":
      return (
        <g data-element-id={element.id}>
          <ShapeOutline element={element} fill={colour.fill} stroke={colour.stroke} />
          <TextBlock text={text} x={element.x + element.w * 0.15} y={element.y + element.h * 0.2} width={element.w * 0.7} height={element.h * 0.6} sizes={{ max: 20, min: 10 }} measure={measure} centred />
        </g>
      );
    case "section":
      return (
        <g data-element-id={element.id}>
          <rect x={element.x} y={element.y} width={element.w} height={element.h} rx={8} fill={colour.fill} fillOpacity={0.45} stroke={colour.stroke} strokeWidth={1.5} />
          <SingleLine text={text} x={element.x + 16} y={element.y + 34} width={element.w - 32} fontSize={20} fontWeight={700} fill={INK} measure={measure} />
        </g>
      );
    case "connector":
      return <Connector element={element} byId={byId} arrowId={arrowId} />;
    case "stroke":
      return (
        <g data-element-id={element.id}>
          <path d={strokePath(element)} fill="none" stroke={colour.stroke} strokeWidth={4} strokeLinecap="round" strokeLinejoin="round" />
        </g>
      );
  }
}

function ShapeOutline({ element, fill, stroke }: { element: BoardElement; fill: string; stroke: string }) {
  const { x, y, w, h } = element;
  const common = { fill, stroke, strokeWidth: 2 };
  switch (element.shape) {
    case "ellipse":
      return <ellipse cx={x + w / 2} cy={y + h / 2} rx={w / 2} ry={h / 2} {...common} />;
    case "diamond":
      return <polygon points={`${x + w / 2},${y} ${x + w},${y + h / 2} ${x + w / 2},${y + h} ${x},${y + h / 2}`} {...common} />;
    case "triangle":
      return <polygon points={`${x + w / 2},${y} ${x + w},${y + h} ${x},${y + h}`} {...common} />;
    default:
      return <rect x={x} y={y} width={w} height={h} rx={6} {...common} />;
  }
}

/** A freehand stroke as a path of its points, relative to the element's position. */
export function strokePath(element: Pick<BoardElement, "x" | "y" | "points">): string {
  const { points } = element;
  if (points.length < 2) return "";
  let path = `M ${element.x + points[0]} ${element.y + points[1]}`;
  if (points.length === 2) path += ` l 0.01 0`;
  for (let i = 2; i + 1 < points.length; i += 2) path += ` L ${element.x + points[i]} ${element.y + points[i + 1]}`;
  return path;
}

/** Where the line from a box's centre towards a point leaves the box. */
function exitPoint(box: BoardElement, toward: { x: number; y: number }) {
  const cx = box.x + box.w / 2;
  const cy = box.y + box.h / 2;
  const dx = toward.x - cx;
  const dy = toward.y - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const scale = Math.min(dx === 0 ? Infinity : box.w / 2 / Math.abs(dx), dy === 0 ? Infinity : box.h / 2 / Math.abs(dy));
  return { x: cx + dx * scale, y: cy + dy * scale };
}

export function connectorEnds(from: BoardElement, to: BoardElement) {
  const fromCentre = { x: from.x + from.w / 2, y: from.y + from.h / 2 };
  const toCentre = { x: to.x + to.w / 2, y: to.y + to.h / 2 };
  return { start: exitPoint(from, toCentre), end: exitPoint(to, fromCentre) };
}

function Connector({ element, byId, arrowId }: { element: BoardElement; byId: Map<string, BoardElement>; arrowId: string }) {
  const from = element.from ? byId.get(element.from) : undefined;
  const to = element.to ? byId.get(element.to) : undefined;
  if (!from || !to) return null;
  const { start, end } = connectorEnds(from, to);
  return (
    <g data-element-id={element.id}>
      {/* A wide invisible line, so that a connector can be picked with a finger. */}
      <line x1={start.x} y1={start.y} x2={end.x} y2={end.y} stroke="transparent" strokeWidth={16} />
      <line x1={start.x} y1={start.y} x2={end.x} y2={end.y} stroke={INK_SOFT} strokeWidth={2} markerEnd={`url(#${arrowId})`} />
    </g>
  );
}

interface TextBlockProps {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  sizes: { max: number; min: number };
  measure: MeasureText;
  centred?: boolean;
}

/** Wrapped text in a box, set right to left when it reads so (Arabic), its lines laid out by the bidi algorithm. */
function TextBlock({ text, x, y, width, height, sizes, measure, centred }: TextBlockProps) {
  const layout = useMemo(() => fitText(text, { width: Math.max(1, width), height: Math.max(1, height) }, measure, sizes), [text, width, height, measure, sizes.max, sizes.min]);
  if (!text) return null;
  // text-anchor follows the text's direction: "start" of a right-to-left line is its right edge.
  const anchor = centred ? "middle" : "start";
  const anchorX = centred ? x + width / 2 : layout.rtl ? x + width : x;
  const top = centred ? y + (height - layout.lines.length * layout.lineHeight) / 2 : y;
  return (
    <text x={anchorX} fontSize={layout.fontSize} fontFamily={BOARD_FONT} fill={INK} textAnchor={anchor} direction={layout.rtl ? "rtl" : "ltr"} style={{ unicodeBidi: "plaintext" }}>
      {layout.lines.map((line, index) => (
        <tspan key={index} x={anchorX} y={top + (index + 1) * layout.lineHeight - layout.lineHeight * 0.25}>
          {line || "\u00a0"}
          {/* A space between lines, so that the text reads (and copies, and searches) as the sentence it is. */}
          {index < layout.lines.length - 1 ? " " : null}
        </tspan>
      ))}
    </text>
  );
}

function SingleLine({ text, x, y, width, fontSize, fontWeight, fill, measure }: { text: string; x: number; y: number; width: number; fontSize: number; fontWeight?: number; fill: string; measure: MeasureText }) {
  const layout = useMemo(() => fitText(text, { width: Math.max(1, width), height: fontSize * 1.3 }, measure, { max: fontSize, min: fontSize }), [text, width, fontSize, measure]);
  if (!text) return null;
  const line = layout.lines[0] ?? "";
  return (
    <text x={layout.rtl ? x + width : x} y={y} fontSize={fontSize} fontWeight={fontWeight} fontFamily={BOARD_FONT} fill={fill} textAnchor="start" direction={layout.rtl ? "rtl" : "ltr"} style={{ unicodeBidi: "plaintext" }}>
      {line}
    </text>
  );
}

/** The smallest box holding every element (an empty board gets a default area). */
export function boundsOf(elements: BoardElement[]) {
  const boxes = elements.filter((element) => element.type !== "connector");
  if (boxes.length === 0) return { x: 0, y: 0, w: 800, h: 600 };
  const minX = Math.min(...boxes.map((box) => box.x));
  const minY = Math.min(...boxes.map((box) => box.y));
  const maxX = Math.max(...boxes.map((box) => box.x + box.w));
  const maxY = Math.max(...boxes.map((box) => box.y + box.h));
  return { x: minX, y: minY, w: maxX - minX, h: maxY - minY };
}
