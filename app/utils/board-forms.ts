import { z } from "zod";
import { BoardTemplate } from "~/generated/prisma/enums";
import { text } from "./forms";

/** The forms of the boards page; shared with its components for the fields' limits. */
export const BOARD_TITLE_MAX = 120;
export const VERSION_NAME_MAX = 120;

/** In the order the creation form offers them. */
export const BOARD_TEMPLATES = Object.values(BoardTemplate);

export const createBoardSchema = z.object({
  sessionId: z.string().min(1),
  title: text(BOARD_TITLE_MAX),
  template: z.enum(BOARD_TEMPLATES),
});

export const freezeVersionSchema = z.object({ name: text(VERSION_NAME_MAX) });
