import { boundsOf } from "./board-scene";
import type { BoardElement } from "~/boards/document";

const MARGIN = 40;
/** Browsers refuse canvases much larger than this on a side. */
const MAX_PNG_SIDE = 8_000;

/**
 * A standalone SVG of the board, from the scene drawn on screen (the same lines, fonts and colours): every colour in
 * it is an attribute, so the file looks the same in any viewer.
 */
export function boardSvg(scene: SVGGElement, elements: BoardElement[]): { markup: string; width: number; height: number } {
  const box = boundsOf(elements);
  const x = box.x - MARGIN;
  const y = box.y - MARGIN;
  const width = Math.ceil(box.w + 2 * MARGIN);
  const height = Math.ceil(box.h + 2 * MARGIN);
  const content = new XMLSerializer().serializeToString(scene.cloneNode(true));
  const markup =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${x} ${y} ${width} ${height}" width="${width}" height="${height}">` +
    `<rect x="${x}" y="${y}" width="${width}" height="${height}" fill="#fbfaf7"/>${content}</svg>`;
  return { markup, width, height };
}

/** The board as a PNG at twice its size (sharp on high-density screens and in print), within browser limits. */
export async function boardPng(scene: SVGGElement, elements: BoardElement[]): Promise<Blob> {
  const { markup, width, height } = boardSvg(scene, elements);
  const scale = Math.min(2, MAX_PNG_SIDE / width, MAX_PNG_SIDE / height);
  const url = URL.createObjectURL(new Blob([markup], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("no 2D canvas");
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("PNG encoding failed"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function download(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** A file name from the board's title, in any script. */
export function exportFileName(title: string, extension: string): string {
  const base = title.normalize("NFC").replace(/[\\/:*?"<>|\u0000-\u001f]+/g, "").trim().replace(/\s+/g, "-").slice(0, 80);
  return `${base || "board"}.${extension}`;
}
