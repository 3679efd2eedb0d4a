import { describe, expect, it } from "vitest";
import { fitText, isRightToLeft, wrapLines, type MeasureText } from "~/boards/text-layout";
import { exportFileName } from "~/components/board/board-export";

/** Every character as wide as half the font size: easy to reason about. */
const monospace: MeasureText = (text, fontSize) => text.length * fontSize * 0.5;

describe("text on a board", () => {
  it("breaks lines at spaces, keeps explicit line breaks, and cuts a word longer than the line", () => {
    // 5 units a character: 8 characters a line.
    expect(wrapLines("un annuaire des compétences", 40, 10, monospace)).toEqual(["un", "annuaire", "des", "compéten", "ces"]);
    expect(wrapLines("data owner\nsource", 100, 10, monospace)).toEqual(["data owner", "source"]);
    expect(wrapLines("", 100, 10, monospace)).toEqual([""]);
  });

  it("shrinks the font until the text fits the note, then cuts with an ellipsis at the smallest size", () => {
    const short = fitText("Guichet unique", { width: 136, height: 120 }, monospace, { max: 22, min: 10 });
    expect(short.fontSize).toBe(22);
    expect(short.lines).toEqual(["Guichet", "unique"]);
    const paragraph = fitText("Un guichet unique pour les porteurs de projets de la diaspora", { width: 136, height: 120 }, monospace, { max: 22, min: 10 });
    expect(paragraph.fontSize).toBeLessThan(22);
    expect(paragraph.lines.length * paragraph.lineHeight).toBeLessThanOrEqual(120);
    expect(paragraph.lines.join(" ")).toBe("Un guichet unique pour les porteurs de projets de la diaspora");

    const long = fitText("mot ".repeat(200).trim(), { width: 136, height: 40 }, monospace, { max: 22, min: 10 });
    expect(long.fontSize).toBe(10);
    expect(long.lines.length * long.lineHeight).toBeLessThanOrEqual(40);
    expect(long.lines.at(-1)?.endsWith("…")).toBe(true);
  });

  it("reads Arabic right to left, and mixed text by its first strong character, like dir=auto", () => {
    expect(isRightToLeft("منصة رقمية للكفاءات")).toBe(true);
    expect(isRightToLeft("2024 : منصة Majlis")).toBe(true);
    expect(isRightToLeft("Majlis منصة")).toBe(false);
    expect(isRightToLeft("« Données » et sensibilité")).toBe(false);
    expect(fitText("سجل البيانات", { width: 200, height: 100 }, monospace, { max: 20, min: 10 }).rtl).toBe(true);
  });

  it("names exported files after the board, in any script, without characters file systems refuse", () => {
    expect(exportFileName("Priorités : plateforme / données", "png")).toBe("Priorités-plateforme-données.png");
    expect(exportFileName("خريطة المعطيات", "svg")).toBe("خريطة-المعطيات.svg");
    expect(exportFileName("???", "svg")).toBe("board.svg");
  });
});
