import type { Page } from "playwright-core";
import { getDb } from "~/db/client.server";
import type { BoardTemplate } from "~/generated/prisma/enums";
import { createBoard } from "~/models/boards.server";
import { BoardClient } from "./boards";

/**
 * A board in the first session of a workshop, made by its facilitator, with one sticky note written through a real
 * y-websocket client and saved before the browser opens it.
 */
export async function boardWithNote(input: { baseUrl: string; workshopId: string; text: string; title: string; template?: BoardTemplate }) {
  const { baseUrl, workshopId, text, title, template = "FEATURES_MOSCOW" } = input;
  const session = await getDb().session.findFirstOrThrow({ where: { workshopId }, orderBy: { position: "asc" } });
  const facilitator = await getDb().user.findUniqueOrThrow({ where: { email: "facilitateur@majlis.test" } });
  const created = await createBoard({ workshopId, sessionId: session.id, actorId: facilitator.id, title, template, language: "fr" });
  if (!created.ok) throw new Error("board not created");
  const client = new BoardClient(baseUrl, created.boardId, await BoardClient.signIn(baseUrl, "facilitateur@majlis.test"));
  await client.synced();
  const noteId = client.addNote(text, { x: 40, y: 120, w: 180, h: 180, z: 100, authorId: facilitator.id });
  await client.allSaved();
  client.destroy();
  return { boardId: created.boardId, noteId };
}

/** Clicks a sticky note on the board canvas, as a person selects it. */
export async function selectNote(page: Page, text: string) {
  const note = page.locator(".board-canvas__svg [data-element-id]", { hasText: text });
  await note.waitFor();
  const box = await note.boundingBox();
  if (!box) throw new Error("note not drawn");
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}
