import bidiFactory from "bidi-js";

/**
 * One line of text cut into runs of one direction, in the order they appear on the page from left to right; each
 * run keeps its characters in reading order, so that the text engine drawing it shapes Arabic letters joined.
 * PDF pages and the SVG rasteriser place runs left to right and lay out each run by its own script, but neither
 * reorders a right-to-left paragraph (the Unicode bidirectional algorithm, rules L1–L2): this does.
 */
export interface DirectionalRun {
  text: string;
  rtl: boolean;
}

let bidi: ReturnType<typeof bidiFactory> | undefined;

export function visualRuns(line: string, base: "ltr" | "rtl"): DirectionalRun[] {
  if (line === "") return [];
  bidi ??= bidiFactory();
  const { levels } = bidi.getEmbeddingLevels(line, base);
  const runs: Array<{ text: string; level: number }> = [];
  for (let index = 0; index < line.length; index += 1) {
    const last = runs[runs.length - 1];
    if (last && last.level === levels[index]) last.text += line[index];
    else runs.push({ text: line[index], level: levels[index] });
  }
  // L2: from the highest level down to the lowest odd one, reverse every stretch of runs at that level or above.
  const highest = Math.max(...runs.map((run) => run.level));
  const lowestOdd = Math.min(...runs.map((run) => (run.level % 2 === 1 ? run.level : highest + 1)));
  for (let level = highest; level >= lowestOdd; level -= 1) {
    for (let start = 0; start < runs.length; start += 1) {
      if (runs[start].level < level) continue;
      let end = start;
      while (end + 1 < runs.length && runs[end + 1].level >= level) end += 1;
      runs.splice(start, end - start + 1, ...runs.slice(start, end + 1).reverse());
      start = end;
    }
  }
  return runs.map((run) => ({ text: run.text, rtl: run.level % 2 === 1 }));
}

const RIGHT_TO_LEFT_MARK = "\u200F";
const LEFT_TO_RIGHT_MARK = "\u200E";

/**
 * The line as a string that a renderer reading every paragraph left to right (resvg) still draws as a right-to-left
 * line: runs in visual order, each fenced by a mark of its own direction so that neutral characters (spaces,
 * colons, brackets) stay with the run they belong to.
 */
export function forLeftToRightRenderer(line: string, base: "ltr" | "rtl"): string {
  return visualRuns(line, base)
    .map((run) => {
      const mark = run.rtl ? RIGHT_TO_LEFT_MARK : LEFT_TO_RIGHT_MARK;
      return `${mark}${run.text}${mark}`;
    })
    .join("");
}
