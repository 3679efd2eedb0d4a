import type { ShapeKind } from "~/boards/document";

export const TOOLS = ["select", "hand", "sticky", "text", "shape", "section", "connector", "pen", "vote"] as const;
export type Tool = (typeof TOOLS)[number];

/** Tools that write on the board: hidden from read-only viewers. */
export const WRITING_TOOLS: Tool[] = ["sticky", "text", "shape", "section", "connector", "pen"];

/** Single-key shortcuts, as in the common whiteboard tools. */
export const TOOL_KEYS: Record<string, Tool> = { v: "select", h: "hand", n: "sticky", t: "text", s: "shape", f: "section", l: "connector", p: "pen", d: "vote" };

export interface ToolOptions {
  colour: import("~/boards/document").Colour;
  shape: ShapeKind;
}
