import * as Y from "yjs";
import { addElement, documentFromState } from "~/boards/document";
import { getDb } from "~/db/client.server";
import { DEMO_PASSWORD } from "~/db/seed-demo.server";
import type { RecommendationTheme } from "~/generated/prisma/enums";
import { getWorkshopAccess } from "~/models/access.server";
import { appendBoardUpdates, readBoardState } from "~/models/board-storage.server";
import { createBoard } from "~/models/boards.server";
import { changeRecommendationStatus } from "~/models/recommendation-status.server";
import { createRecommendation } from "~/models/recommendations.server";
import { HttpClient } from "./app";

/** Set-up shared by the committee, dossier, follow-up and dashboard tests: the demo accounts and ready material. */

export const ORGANISER = "organisatrice@majlis.test";
export const RAPPORTEUR = "rapporteur@majlis.test";
export const PARTICIPANT = "participante@majlis.test";
export const FACILITATOR = "facilitateur@majlis.test";
export const COMMITTEE = "comite@majlis.test";

export async function signedIn(baseUrl: string, email: string, language = "fr") {
  const http = new HttpClient(baseUrl, { "Accept-Language": language });
  await http.signIn(email, DEMO_PASSWORD);
  return http;
}

export const userId = async (email: string) => (await getDb().user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;

export async function demoRecommendation(workshopId: string, title: string) {
  return getDb().recommendation.findFirstOrThrow({ where: { workshopId, title }, select: { id: true, status: true } });
}

/** A sticky note on a new board of the workshop's first session; returns where it is. */
export async function stickyNote(workshopId: string, text: string) {
  const actorId = await userId(ORGANISER);
  const session = await getDb().session.findFirstOrThrow({ where: { workshopId }, orderBy: { position: "asc" } });
  const board = await createBoard({ workshopId, sessionId: session.id, actorId, title: `Tableau — ${text}`, template: "BLANK", language: "fr" });
  if (!board.ok) throw new Error("no board");
  const doc = documentFromState(await readBoardState({ boardId: board.boardId }));
  const before = Y.encodeStateVector(doc);
  const elementId = addElement(doc, { type: "sticky", text, x: 0, y: 0, w: 220, h: 200, colour: "pink", authorId: actorId });
  await appendBoardUpdates({ boardId: board.boardId, updates: [{ update: Y.encodeStateAsUpdate(doc, before), byUserId: actorId }] });
  return { boardId: board.boardId, elementId };
}

/**
 * A recommendation written by the rapporteur (from a sticky note when `note` is given) and taken to CONSOLIDATED
 * through the workflow, as rapporteurs do.
 */
export async function consolidatedRecommendation(input: {
  workshopId: string;
  title: string;
  theme?: RecommendationTheme;
  language?: "fr" | "ar" | "en";
  note?: string;
}) {
  const { workshopId, title, theme = "GOVERNANCE", language = "fr", note } = input;
  const actorId = await userId(RAPPORTEUR);
  const access = await getWorkshopAccess({ workshopId, userId: actorId });
  if (!access) throw new Error("no workshop");
  const source = note ? { ...(await stickyNote(workshopId, note)), versionName: "Pour le comité" } : null;
  const created = await createRecommendation({
    workshopId,
    access,
    actorId,
    fields: {
      title,
      problem: `Problème : ${title}`,
      rationale: "",
      proposedAction: `Action : ${title}`,
      theme,
      ownerInstitution: "DMRE",
      priority: "MEDIUM",
      costBand: "LOW",
      timeframe: "SHORT",
      language,
      sessionId: null,
    },
    source,
  });
  if (!created.ok) throw new Error(`recommendation refused: ${created.reason}`);
  for (const [from, to] of [
    ["DRAFT", "SUBMITTED"],
    ["SUBMITTED", "CONSOLIDATED"],
  ] as const) {
    const moved = await changeRecommendationStatus({ workshopId, recommendationId: created.id, access, actorId, from, to });
    if (!moved.ok) throw new Error(`status refused: ${moved.reason}`);
  }
  return created.id;
}

/** The rows of a dashboard chart's data table, as label → numbers. */
export function chartRows(html: string, chartId: string): Record<string, string[]> {
  const start = html.indexOf(`id="${chartId}-title"`);
  if (start === -1) throw new Error(`no chart ${chartId}`);
  const figure = html.slice(start, html.indexOf("</figure>", start));
  const rows: Record<string, string[]> = {};
  for (const [, row] of figure.matchAll(/<tr>([\s\S]*?)<\/tr>/g)) {
    const label = /<th scope="row"[^>]*>([\s\S]*?)<\/th>/.exec(row)?.[1];
    if (label === undefined) continue;
    rows[label] = [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map(([, value]) => value);
  }
  return rows;
}
