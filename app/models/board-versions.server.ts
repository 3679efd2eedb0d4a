import { getDb } from "~/db/client.server";
import { readBoardState } from "./board-storage.server";

/**
 * Named versions of a board ("end of session 1"): the saved state at that moment, frozen. Recommendations cite
 * them as evidence, so nothing here (nor anywhere) changes a version: the database refuses it too (a trigger,
 * see the boards migration). Restoring makes a new board from a version; the original board stays as it is.
 */

export type VersionChange = { ok: true; id: string } | { ok: false; reason: "notFound" };

/** Freezes what is saved now: changes still on their way from a client are not part of it. */
export async function freezeBoardVersion(input: { workshopId: string; boardId: string; actorId: string; name: string }): Promise<VersionChange> {
  const { workshopId, boardId, actorId, name } = input;
  const db = getDb();
  const board = await db.board.findFirst({ where: { id: boardId, workshopId }, select: { id: true } });
  if (!board) return { ok: false, reason: "notFound" };
  const state = await readBoardState({ boardId });
  return db.$transaction(async (tx) => {
    const version = await tx.boardVersion.create({ data: { boardId, name, state: new Uint8Array(state), createdById: actorId }, select: { id: true } });
    await tx.auditLog.create({
      data: { workshopId, actorId, action: "board.freezeVersion", subjectType: "BoardVersion", subjectId: version.id, data: { boardId, name } },
    });
    return { ok: true, id: version.id } as const;
  });
}

export async function listBoardVersions({ workshopId, boardId }: { workshopId: string; boardId: string }) {
  return getDb().boardVersion.findMany({
    where: { boardId, board: { workshopId } },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, createdAt: true, createdBy: { select: { name: true } } },
  });
}

/** One version with its frozen state, or null when it is not a version of this board of this workshop. */
export async function getBoardVersion({ workshopId, boardId, versionId }: { workshopId: string; boardId: string; versionId: string }) {
  return getDb().boardVersion.findFirst({
    where: { id: versionId, boardId, board: { workshopId } },
    select: { id: true, name: true, state: true, createdAt: true, createdBy: { select: { name: true } } },
  });
}

/** A new board in the same session, starting from the version's state; its title names both. */
export async function restoreBoardVersion(input: { workshopId: string; boardId: string; versionId: string; actorId: string }): Promise<VersionChange> {
  const { workshopId, boardId, versionId, actorId } = input;
  return getDb().$transaction(async (tx) => {
    const version = await tx.boardVersion.findFirst({
      where: { id: versionId, boardId, board: { workshopId } },
      select: { name: true, state: true, board: { select: { title: true, template: true, sessionId: true } } },
    });
    if (!version) return { ok: false, reason: "notFound" } as const;
    const { board } = version;
    const copy = await tx.board.create({
      data: {
        workshopId,
        sessionId: board.sessionId,
        title: `${board.title} — ${version.name}`,
        template: board.template,
        createdById: actorId,
        snapshot: { create: { state: version.state } },
      },
      select: { id: true },
    });
    await tx.auditLog.create({
      data: { workshopId, actorId, action: "board.restoreVersion", subjectType: "Board", subjectId: copy.id, data: { boardId, versionId } },
    });
    return { ok: true, id: copy.id } as const;
  });
}
