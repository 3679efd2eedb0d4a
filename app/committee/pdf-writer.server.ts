import bidiFactory from "bidi-js";
import PDFDocument from "pdfkit";
import { isRightToLeft } from "~/boards/text-layout";
import { visualRuns } from "~/utils/bidi-runs";
import { DOSSIER_FONTS } from "./fonts.server";

/**
 * Text flowing down the pages of a PDF in any of the dossier's languages. PDFKit shapes each string it draws (its
 * font engine joins Arabic letters and sets a right-to-left run from right to left) but lays a line out left to
 * right and breaks lines itself: here lines are broken first, then each line is cut into runs of one direction
 * and the runs placed in visual order, aligned to the paragraph's start (the right edge for Arabic).
 */

export type Direction = "ltr" | "rtl";

export interface TextStyle {
  size?: number;
  bold?: boolean;
  colour?: string;
  /** The paragraph's direction; by default that of its first letter, like `dir="auto"`. */
  direction?: Direction;
  /** Space kept below the paragraph. */
  after?: number;
}

const INK = "#17202a";
const MARGIN = 50;
/** Characters with a "strong" right-to-left direction: a run with none is not turned round by the font engine. */
const STRONG_RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
/**
 * Without features PDFKit lays out a string word by word and puts the words back in typing order, which reverses
 * the words of an Arabic run; with them (even none beyond the defaults) it shapes the whole run at once.
 */
const WHOLE_RUN = { features: [] };

let bidi: ReturnType<typeof bidiFactory> | undefined;

export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;

  constructor(info: { title: string; language: string }) {
    this.doc = new PDFDocument({ size: "A4", margin: MARGIN, info: { Title: info.title }, lang: info.language, displayTitle: true });
    this.doc.registerFont("regular", DOSSIER_FONTS.regular);
    this.doc.registerFont("bold", DOSSIER_FONTS.bold);
    this.doc.font("regular");
  }

  /** Ends the document and returns its bytes. */
  async finish(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    this.doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise((resolve) => this.doc.on("end", resolve));
    extractableLigatures(this.doc);
    this.doc.end();
    await ended;
    return Buffer.concat(chunks);
  }

  get width() {
    return this.doc.page.width - 2 * MARGIN;
  }

  private get bottom() {
    return this.doc.page.height - MARGIN;
  }

  /** Starts a new page when less than `height` is left on this one. */
  ensureRoom(height: number) {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  newPage() {
    this.doc.addPage();
    this.doc.y = MARGIN;
  }

  space(height: number) {
    this.doc.y += height;
  }

  paragraph(text: string, style: TextStyle = {}) {
    const { size = 10.5, bold = false, colour = INK, after = 4 } = style;
    const direction = style.direction ?? (isRightToLeft(text) ? "rtl" : "ltr");
    const { doc } = this;
    doc.font(bold ? "bold" : "regular").fontSize(size).fillColor(colour);
    const lineHeight = size * 1.45;
    for (const line of this.wrap(text, this.width)) {
      this.ensureRoom(lineHeight);
      const top = doc.y;
      this.drawLine(line, direction, top);
      doc.y = top + lineHeight;
    }
    doc.y += after;
  }

  /** A labelled value: the label in small bold type, the value (as written by someone, any language) below it. */
  field(label: string, value: string, direction: Direction) {
    if (!value.trim()) return;
    this.ensureRoom(40);
    this.paragraph(label, { size: 8.5, bold: true, colour: "#4a5563", direction, after: 1 });
    this.paragraph(value, { after: 6 });
  }

  rule() {
    const { doc } = this;
    this.ensureRoom(12);
    doc.moveTo(MARGIN, doc.y + 4).lineTo(MARGIN + this.width, doc.y + 4).lineWidth(0.5).strokeColor("#9a988f").stroke();
    doc.y += 12;
  }

  /**
   * An image at the full text width (or less, to fit `maxHeight`), placed at the start of the line. Given as a data
   * URL, the same picture shown again (in another language's part) is stored in the file once.
   */
  image(dataUrl: string, size: { width: number; height: number }, direction: Direction, maxHeight = 300) {
    const scale = Math.min(this.width / size.width, maxHeight / size.height);
    const width = size.width * scale;
    const height = size.height * scale;
    this.ensureRoom(height + 6);
    const x = direction === "rtl" ? MARGIN + this.width - width : MARGIN;
    this.doc.image(dataUrl, x, this.doc.y, { width, height });
    this.doc.y += height + 6;
  }

  private wrap(text: string, width: number): string[] {
    const lines: string[] = [];
    const fits = (candidate: string) => this.doc.widthOfString(candidate, WHOLE_RUN) <= width;
    for (const paragraph of text.replace(/\r\n?/g, "\n").split("\n")) {
      let line = "";
      for (const word of paragraph.split(/ +/)) {
        const candidate = line ? `${line} ${word}` : word;
        if (fits(candidate)) {
          line = candidate;
          continue;
        }
        if (line) lines.push(line);
        let rest = word;
        while (!fits(rest) && rest.length > 1) {
          let cut = rest.length - 1;
          while (cut > 1 && !fits(rest.slice(0, cut))) cut -= 1;
          lines.push(rest.slice(0, cut));
          rest = rest.slice(cut);
        }
        line = rest;
      }
      lines.push(line);
    }
    return lines;
  }

  private drawLine(line: string, direction: Direction, y: number) {
    const { doc } = this;
    const runs = visualRuns(line, direction).map((run) => ({ text: run.rtl ? forRightToLeftRun(run.text) : run.text }));
    const widths = runs.map((run) => doc.widthOfString(run.text, WHOLE_RUN));
    const total = widths.reduce((sum, width) => sum + width, 0);
    let x = direction === "rtl" ? MARGIN + this.width - total : MARGIN;
    runs.forEach((run, index) => {
      if (run.text.trim()) doc.text(run.text, x, y, { ...WHOLE_RUN, lineBreak: false });
      x += widths[index];
    });
  }
}

/**
 * PDF readers copying or extracting a right-to-left run take its glyphs from left to right and turn the result
 * round, letters of a ligature included: the lam-alef glyph mapped to "لا" would come back as "ال". Mapping such
 * glyphs to their letters in visual order makes them come back in reading order. PDFKit writes these mappings when
 * the document ends, from the table of each font it used.
 */
function extractableLigatures(doc: PDFKit.PDFDocument) {
  const fonts = (doc as unknown as { _fontFamilies: Record<string, { unicode?: number[][] }> })._fontFamilies;
  // A font is listed under each of its names: each table is turned once.
  for (const font of new Set(Object.values(fonts))) {
    font.unicode?.forEach((codePoints, glyph, table) => {
      if (codePoints.length > 1 && codePoints.some((codePoint) => STRONG_RTL.test(String.fromCodePoint(codePoint)))) {
        table[glyph] = [...codePoints].reverse();
      }
    });
  }
}

/**
 * A right-to-left run as the font engine must receive it. It turns round runs with Arabic letters but mirrors no
 * brackets, and leaves runs without letters (brackets, punctuation between Arabic and Latin) as they are: brackets are
 * mirrored here (Unicode rule L4), and a run without letters is turned round here.
 */
function forRightToLeftRun(text: string): string {
  bidi ??= bidiFactory();
  const chars = [...text].map((char) => bidi?.getMirroredCharacter(char) ?? char);
  return (STRONG_RTL.test(text) ? chars : chars.reverse()).join("");
}
