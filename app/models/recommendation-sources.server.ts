import { documentFromState, notesBySection, readElements, type BoardElement } from "~/boards/document";
import { getDb } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { mayRead } from "~/recommendations/permissions";
import type { WorkshopAccess } from "./access.server";
import { freezeBoardVersion } from "./board-versions.server";
import { readBoardState } from "./board-storage.server";
import { boardRefusal, findBoardAccess } from "./boards.server";

/**
 * Evidence: a recommendation cites board elements as they were in a frozen version of their board, so the evidence
 * stays visible as it was after the board moves on. Citing needs the right to view the board, in the same workshop.
 */

type Tx = Prisma.TransactionClient;

/** Elements that say something: connectors and strokes carry no text to cite. */
const CITABLE_TYPES: ReadonlyArray<BoardElement["type"]> = ["sticky", "section", "text", "shape"];

export type CitationRefusal = "boardNotFound" | "boardForbidden" | "otherWorkshop" | "elementNotFound";

export interface CitableElement {
  board: { id: string; title: string; workshopId: string; sessionId: string };
  element: BoardElement;
  /** For a section: the notes placed in it, in reading order. */
  notes: string[];
}

/** The element as it is saved now on a board this person may view, in this workshop. */
export async function findCitableElement(input: {
  workshopId: string;
  boardId: string;
  elementId: string;
  userId: string;
}): Promise<{ ok: true; found: CitableElement } | { ok: false; reason: CitationRefusal }> {
  const { workshopId, boardId, elementId, userId } = input;
  const found = await findBoardAccess({ boardId, userId });
  const refusal = boardRefusal(found, "view");
  if (refusal === "notFound" || !found) return { ok: false, reason: "boardNotFound" };
  if (refusal === "forbidden") return { ok: false, reason: "boardForbidden" };
  if (found.board.workshopId !== workshopId) return { ok: false, reason: "otherWorkshop" };
  const doc = documentFromState(await readBoardState({ boardId }));
  try {
    const element = readElements(doc).find((candidate) => candidate.id === elementId);
    if (!element || !CITABLE_TYPES.includes(element.type)) return { ok: false, reason: "elementNotFound" };
    const notes =
      element.type === "section"
        ? (notesBySection(doc).find((group) => group.section?.id === element.id)?.notes ?? []).map((note) => note.text).filter(Boolean)
        : [];
    return { ok: true, found: { board: found.board, element, notes } };
  } finally {
    doc.destroy();
  }
}

export interface Citation {
  boardId: string;
  boardVersionId: string;
  elementId: string;
  elementType: string;
  excerpt: string;
}

/**
 * A frozen version holding the element as it is now: the board's latest version when it already shows the element
 * with the same text (no need for one version per citation), otherwise a new one frozen now under `versionName`.
 */
export async function citeElement(input: {
  workshopId: string;
  boardId: string;
  elementId: string;
  actorId: string;
  versionName: string;
}): Promise<{ ok: true; citation: Citation; sessionId: string } | { ok: false; reason: CitationRefusal }> {
  const { workshopId, boardId, elementId, actorId, versionName } = input;
  const citable = await findCitableElement({ workshopId, boardId, elementId, userId: actorId });
  if (!citable.ok) return citable;
  const { element, board } = citable.found;
  const latest = await getDb().boardVersion.findFirst({
    where: { boardId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, state: true },
  });
  let boardVersionId = latest && versionShows(latest.state, element) ? latest.id : null;
  if (!boardVersionId) {
    const frozen = await freezeBoardVersion({ workshopId, boardId, actorId, name: versionName });
    if (!frozen.ok) return { ok: false, reason: "boardNotFound" };
    boardVersionId = frozen.id;
  }
  return {
    ok: true,
    sessionId: board.sessionId,
    citation: { boardId, boardVersionId, elementId, elementType: element.type, excerpt: element.text },
  };
}

function versionShows(state: Uint8Array, element: BoardElement): boolean {
  const doc = documentFromState(state);
  try {
    const frozen = readElements(doc).find((candidate) => candidate.id === element.id);
    return frozen !== undefined && frozen.type === element.type && frozen.text === element.text;
  } finally {
    doc.destroy();
  }
}

/** Records a citation and its history event in the caller's transaction; false when it was already cited. */
export async function storeCitation(tx: Tx, input: { recommendationId: string; actorId: string; citation: Citation }): Promise<boolean> {
  const { recommendationId, actorId, citation } = input;
  const existing = await tx.recommendationSource.findUnique({
    where: {
      recommendationId_boardVersionId_elementId: { recommendationId, boardVersionId: citation.boardVersionId, elementId: citation.elementId },
    },
    select: { id: true },
  });
  if (existing) return false;
  await tx.recommendationSource.create({ data: { recommendationId, createdById: actorId, ...citation } });
  await tx.recommendationEvent.create({
    data: { recommendationId, actorId, kind: "sourceAdded", changes: { source: [null, citation.excerpt] } },
  });
  return true;
}

/** The recommendations that cite an element of a board (in any of its versions) and their latest decision. */
export async function listRecommendationsCiting(input: { boardId: string; elementId: string; access: WorkshopAccess; userId: string }) {
  const { boardId, elementId, access, userId } = input;
  const sources = await getDb().recommendationSource.findMany({
    where: { boardId, elementId },
    orderBy: { createdAt: "asc" },
    select: {
      boardVersionId: true,
      recommendation: {
        select: {
          id: true,
          workshopId: true,
          title: true,
          status: true,
          authorId: true,
          sessionId: true,
          visibility: true,
          decisions: { orderBy: { decidedAt: "desc" }, take: 1, select: { outcome: true, rationale: true, decidedAt: true } },
        },
      },
    },
  });
  const seen = new Set<string>();
  const result = [];
  for (const { recommendation, boardVersionId } of sources) {
    if (seen.has(recommendation.id) || !mayRead(access, userId, recommendation)) continue;
    seen.add(recommendation.id);
    const decision = recommendation.decisions[0] ?? null;
    result.push({
      id: recommendation.id,
      workshopId: recommendation.workshopId,
      title: recommendation.title,
      status: recommendation.status,
      boardVersionId,
      decision: decision ? { outcome: decision.outcome, rationale: decision.rationale, decidedAt: decision.decidedAt.toISOString() } : null,
    });
  }
  return result;
}
