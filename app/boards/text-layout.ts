/**
 * Line breaking for text drawn on a board. Boards are SVG, which does not wrap text by itself; the lines are
 * computed here with the browser's own text measurement, so that what is on screen is exactly what an SVG or PNG
 * export shows.
 */
export type MeasureText = (text: string, fontSize: number) => number;

export interface TextLayout {
  lines: string[];
  fontSize: number;
  lineHeight: number;
  /** Whether the text reads right to left (its first strong character is Arabic or Hebrew), as `dir="auto"`. */
  rtl: boolean;
}

const RTL_FIRST_STRONG = /^[^A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]*[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

export function isRightToLeft(text: string): boolean {
  return RTL_FIRST_STRONG.test(text);
}

/** Greedy line breaking at spaces; a word wider than the line is cut where it must be. */
export function wrapLines(text: string, width: number, fontSize: number, measure: MeasureText): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (measure(candidate, fontSize) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = "";
      let rest = word;
      while (measure(rest, fontSize) > width && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && measure(rest.slice(0, cut), fontSize) > width) cut -= 1;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

/**
 * The largest font size (from `maxSize` down to `minSize`) at which the text fits the box, like sticky notes on
 * paper; at the smallest size, lines beyond the box are cut and the last one ends with an ellipsis.
 */
export function fitText(text: string, box: { width: number; height: number }, measure: MeasureText, sizes: { max: number; min: number }): TextLayout {
  const rtl = isRightToLeft(text);
  for (let fontSize = sizes.max; fontSize >= sizes.min; fontSize -= 2) {
    const lineHeight = Math.round(fontSize * 1.25);
    const lines = wrapLines(text, box.width, fontSize, measure);
    if (lines.length * lineHeight <= box.height || fontSize - 2 < sizes.min) {
      const room = Math.max(1, Math.floor(box.height / lineHeight));
      if (lines.length <= room) return { lines, fontSize, lineHeight, rtl };
      const kept = lines.slice(0, room);
      kept[room - 1] = `${kept[room - 1].replace(/\s*\S?$/, "")}…`;
      return { lines: kept, fontSize, lineHeight, rtl };
    }
  }
  return { lines: [text], fontSize: sizes.min, lineHeight: Math.round(sizes.min * 1.25), rtl };
}

/** A rough width when no browser can measure (server-side rendering, tests): average glyph widths. */
export const estimateTextWidth: MeasureText = (text, fontSize) => text.length * fontSize * 0.55;

let canvasContext: CanvasRenderingContext2D | null | undefined;

/** Text width as the browser draws it in the board's font; the estimate where there is no canvas. */
export const BOARD_FONT = 'system-ui, "Segoe UI", "Noto Sans", "Noto Sans Arabic", Tahoma, sans-serif';

export const measureInBrowser: MeasureText = (text, fontSize) => {
  if (canvasContext === undefined) canvasContext = typeof document === "undefined" ? null : document.createElement("canvas").getContext("2d");
  if (!canvasContext) return estimateTextWidth(text, fontSize);
  canvasContext.font = `${fontSize}px ${BOARD_FONT}`;
  return canvasContext.measureText(text).width;
};
