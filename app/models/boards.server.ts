import { boardPermission, mayManageBoards, type BoardPermission } from "~/boards/permissions";
import { getDb } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import type { BoardTemplate } from "~/generated/prisma/enums";
import type { Language } from "~/i18n/config";
import { forbidden, notFound } from "~/utils/http.server";
import { getWorkshopAccess, type WorkshopAccess } from "./access.server";
import { templateState } from "./board-templates.server";

/** Boards of a workshop's sessions. Who may do what: app/boards/permissions.ts. */

/** Every board of a workshop, oldest first, with its frozen versions (newest first). */
export async function listBoards({ workshopId }: { workshopId: string }) {
  return getDb().board.findMany({
    where: { workshopId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      template: true,
      sessionId: true,
      createdAt: true,
      createdBy: { select: { name: true } },
      versions: {
        orderBy: { createdAt: "desc" },
        select: { id: true, name: true, createdAt: true, createdBy: { select: { name: true } } },
      },
    },
  });
}

export type BoardCreation = { ok: true; boardId: string } | { ok: false; reason: "notFound" };

/** A new board in a session of this workshop, seeded from its template in the creator's language. */
export async function createBoard(input: {
  workshopId: string;
  sessionId: string;
  actorId: string;
  title: string;
  template: BoardTemplate;
  language: Language;
}): Promise<BoardCreation> {
  const { workshopId, sessionId, actorId, title, template, language } = input;
  return getDb().$transaction(async (tx) => {
    const session = await tx.session.findFirst({ where: { id: sessionId, workshopId }, select: { id: true } });
    if (!session) return { ok: false, reason: "notFound" } as const;
    const state = templateState({ template, language, authorId: actorId });
    return { ok: true, boardId: await insertBoard({ tx, workshopId, sessionId, actorId, title, template, state }) } as const;
  });
}

/**
 * Stores a new board with its first state as the snapshot, inside the caller's transaction (which has checked that
 * the session is of the workshop). Returns its id.
 */
export async function insertBoard(input: {
  tx: Prisma.TransactionClient;
  workshopId: string;
  sessionId: string;
  actorId: string;
  title: string;
  template: BoardTemplate;
  state: Uint8Array;
}): Promise<string> {
  const { tx, workshopId, sessionId, actorId, title, template, state } = input;
  const board = await tx.board.create({
    data: { workshopId, sessionId, title, template, createdById: actorId, snapshot: { create: { state: new Uint8Array(state) } } },
    select: { id: true },
  });
  await tx.auditLog.create({
    data: { workshopId, actorId, action: "board.create", subjectType: "Board", subjectId: board.id, data: { title, template, sessionId } },
  });
  return board.id;
}

export interface FoundBoard {
  board: { id: string; workshopId: string; sessionId: string; title: string; template: BoardTemplate };
  access: WorkshopAccess;
  permission: BoardPermission | null;
}

/**
 * A board looked up by id alone (the board socket and the export links carry no workshop id), with what this person
 * may do with it. Null when there is no such board.
 */
export async function findBoardAccess({ boardId, userId }: { boardId: string; userId: string }): Promise<FoundBoard | null> {
  const board = await getDb().board.findUnique({
    where: { id: boardId },
    select: { id: true, workshopId: true, sessionId: true, title: true, template: true },
  });
  if (!board) return null;
  const access = await getWorkshopAccess({ workshopId: board.workshopId, userId });
  if (!access) return null;
  return { board, access, permission: boardPermission(access) };
}

export type BoardNeed = "view" | "edit" | "manage";

/**
 * Why this person may not do that with this board, or null when they may. A board of a workshop they cannot see at
 * all is answered as unknown (404), like the workshop itself; a visible workshop's board as refused (403).
 */
export function boardRefusal(found: FoundBoard | null, need: BoardNeed): "notFound" | "forbidden" | null {
  if (!found) return "notFound";
  const { access, permission, board } = found;
  if (permission === null) return access.published ? "forbidden" : "notFound";
  if (need === "edit" && permission !== "edit") return "forbidden";
  if (need === "manage" && !mayManageBoards(access, board.sessionId)) return "forbidden";
  return null;
}

/** For loaders and actions: the board and this person's access to it, or a thrown 404/403. */
export async function requireBoard({ boardId, userId, need }: { boardId: string; userId: string; need: BoardNeed }): Promise<FoundBoard> {
  const found = await findBoardAccess({ boardId, userId });
  const refusal = boardRefusal(found, need);
  if (refusal === "notFound" || !found) notFound();
  if (refusal === "forbidden") forbidden();
  return found;
}

/** Everyone who may write on a workshop's boards: members, facilitators, and the people of its institutions. */
function boardPeople(workshopId: string): Prisma.UserWhereInput[] {
  return [
    { memberships: { some: { workshopId } } },
    { facilitatedSessions: { some: { session: { workshopId } } } },
    { organisation: { workshopParticipations: { some: { workshopId } } } },
  ];
}

/**
 * Names of the authors of a board's elements. Author ids are written by clients, so only members of the board's
 * workshop are resolved: an id of someone elsewhere reveals nothing about them.
 */
export async function findAuthorNames({ workshopId, userIds }: { workshopId: string; userIds: string[] }): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const users = await getDb().user.findMany({
    where: {
      id: { in: [...new Set(userIds)] },
      OR: boardPeople(workshopId),
    },
    select: { id: true, name: true },
  });
  return new Map(users.map((user) => [user.id, user.name]));
}

/** The session a board belongs to, for export headers. */
export async function getBoardSessionTitle({ workshopId, sessionId }: { workshopId: string; sessionId: string }) {
  const session = await getDb().session.findFirst({ where: { id: sessionId, workshopId }, select: { title: true } });
  return session?.title ?? null;
}

/**
 * Names of everyone who may write on the boards of a workshop, by id: the board shows who wrote each note, and the
 * people who wrote them are members (or facilitators) of that workshop.
 */
export async function listBoardMemberNames({ workshopId }: { workshopId: string }): Promise<Map<string, string>> {
  const users = await getDb().user.findMany({
    where: { OR: boardPeople(workshopId) },
    select: { id: true, name: true },
  });
  return new Map(users.map((user) => [user.id, user.name]));
}
