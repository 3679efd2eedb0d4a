import { Resvg } from "@resvg/resvg-js";
import PDFDocument from "pdfkit";
import { renderToStaticMarkup } from "react-dom/server";
import { documentFromState, readElements, type BoardElement } from "~/boards/document";
import type { MeasureText } from "~/boards/text-layout";
import { BoardScene, boundsOf } from "~/components/board/board-scene";
import { forLeftToRightRenderer } from "~/utils/bidi-runs";
import { DOSSIER_FONTS, DOSSIER_FONT_FAMILY } from "./fonts.server";

/**
 * A cited board element as a picture for the printed dossier: the frozen version of its board drawn by the same
 * scene as on screen, around the element, which is circled. Drawn on the server with the dossier's own font, so
 * that line breaks are measured with the glyphs that are drawn.
 */

const MARGIN = 40;
/** The part of a large board shown around the element, in board units: enough to see its neighbours and section. */
const WINDOW = { w: 1600, h: 1000 };
const MAX_PIXEL_WIDTH = 1400;
const HIGHLIGHT = "#c2410c";

export interface BoardPicture {
  png: Buffer;
  width: number;
  height: number;
  /** Whether the cited element was found in that version (otherwise the whole board is shown, nothing circled). */
  found: boolean;
}

let measurer: PDFKit.PDFDocument | undefined;

/** Text widths in the dossier's font, measured by the PDF library's own font engine. */
const measure: MeasureText = (text, fontSize) => {
  measurer ??= new PDFDocument({ autoFirstPage: false });
  return measurer.font(DOSSIER_FONTS.regular).fontSize(fontSize).widthOfString(text);
};

export function renderBoardPicture({ state, elementId }: { state: Uint8Array; elementId: string }): BoardPicture {
  const elements = readElements(documentFromState(state));
  const cited = elements.find((element) => element.id === elementId);
  const view = viewAround(elements, cited);
  const strokeWidth = Math.max(4, view.w / 200);
  const markup = renderToStaticMarkup(
    <svg xmlns="http://www.w3.org/2000/svg" viewBox={`${view.x} ${view.y} ${view.w} ${view.h}`} width={view.w} height={view.h}>
      <rect x={view.x} y={view.y} width={view.w} height={view.h} fill="#fbfaf7" />
      <BoardScene elements={elements} measure={measure} />
      {cited ? (
        <rect
          x={cited.x - strokeWidth * 2}
          y={cited.y - strokeWidth * 2}
          width={cited.w + strokeWidth * 4}
          height={cited.h + strokeWidth * 4}
          rx={strokeWidth * 2}
          fill="none"
          stroke={HIGHLIGHT}
          strokeWidth={strokeWidth}
        />
      ) : null}
    </svg>,
  );
  const image = new Resvg(rightToLeftForResvg(markup), {
    font: { loadSystemFonts: false, fontFiles: [DOSSIER_FONTS.regular, DOSSIER_FONTS.bold], defaultFontFamily: DOSSIER_FONT_FAMILY },
    fitTo: { mode: "width", value: Math.round(Math.min(MAX_PIXEL_WIDTH, view.w * 2)) },
    background: "#fbfaf7",
  }).render();
  return { png: image.asPng(), width: image.width, height: image.height, found: cited !== undefined };
}

/** The whole board when it is small; otherwise a window centred on the cited element, kept inside the board. */
function viewAround(elements: BoardElement[], cited: BoardElement | undefined) {
  const board = boundsOf(elements);
  const whole = { x: board.x - MARGIN, y: board.y - MARGIN, w: board.w + 2 * MARGIN, h: board.h + 2 * MARGIN };
  if (!cited || (whole.w <= WINDOW.w && whole.h <= WINDOW.h)) return whole;
  const w = Math.max(Math.min(WINDOW.w, whole.w), cited.w + 2 * MARGIN);
  const h = Math.max(Math.min(WINDOW.h, whole.h), cited.h + 2 * MARGIN);
  const centre = { x: cited.x + cited.w / 2, y: cited.y + cited.h / 2 };
  const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(value, Math.max(min, max)));
  return {
    x: clamp(centre.x - w / 2, whole.x, whole.x + whole.w - w),
    y: clamp(centre.y - h / 2, whole.y, whole.y + whole.h - h),
    w,
    h,
  };
}

const decode = (text: string) =>
  text.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
const encode = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * resvg ignores `direction="rtl"`: it anchors and orders every line as left to right. Right-to-left texts of the
 * scene (written by React, so their shape is known) get their anchor flipped and their lines put in visual order.
 */
function rightToLeftForResvg(markup: string): string {
  return markup.replace(/<text\b([^>]*\bdirection="rtl"[^>]*)>([\s\S]*?)<\/text>/g, (_, attributes: string, content: string) => {
    const anchored = attributes.replace('text-anchor="start"', 'text-anchor="end"');
    const lines = content.includes("<tspan")
      ? content.replace(/(<tspan\b[^>]*>)([^<]*)(<\/tspan>)/g, (__, open: string, line: string, close: string) => open + reordered(line) + close)
      : reordered(content);
    return `<text${anchored}>${lines}</text>`;
  });
}

const reordered = (line: string) => encode(forLeftToRightRenderer(decode(line), "rtl"));
