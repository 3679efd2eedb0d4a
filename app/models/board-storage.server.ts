import * as Y from "yjs";
import { getDb } from "~/db/client.server";

/**
 * Where a board's document lives in PostgreSQL: a snapshot (the compacted state) plus the BoardUpdate rows not yet
 * merged into it. The invariant every function keeps: snapshot + all remaining rows = the whole saved board.
 * Compaction merges rows into the snapshot and deletes exactly the rows it merged, in one transaction; so no reader
 * needs to compare ids, which matters because ids from a sequence commit out of order when two processes write.
 *
 * These functions take a board id alone: they serve the board server (after its access check at the upgrade) and
 * the board models, which check the board's workshop first.
 */

export interface StoredBoard {
  /** The snapshot's state first, then each remaining update in id order. */
  parts: Uint8Array[];
  /** How many update rows are waiting to be compacted. */
  pendingRows: number;
}

// Snapshot and rows must come from one view of the database: a compaction committing between the two reads would
// otherwise make the rows it merged vanish after the old snapshot was read.
const CONSISTENT_READ = { isolationLevel: "RepeatableRead" as const };

// Deleting merged rows by id list: bounded so that one statement never exceeds PostgreSQL's parameter limit.
const DELETE_CHUNK = 5_000;

/** Applies parts to a fresh document and encodes the result: merged, with deleted content garbage-collected. */
export function mergeParts(parts: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const part of parts) Y.applyUpdate(doc, part);
  });
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

export async function loadBoardParts({ boardId }: { boardId: string }): Promise<StoredBoard> {
  return getDb().$transaction(async (tx) => {
    const snapshot = await tx.boardSnapshot.findUnique({ where: { boardId }, select: { state: true } });
    const rows = await tx.boardUpdate.findMany({ where: { boardId }, orderBy: { id: "asc" }, select: { update: true } });
    return { parts: [...(snapshot ? [snapshot.state] : []), ...rows.map((row) => row.update)], pendingRows: rows.length };
  }, CONSISTENT_READ);
}

/** The whole saved state of a board as one Yjs update (for versions and exports). */
export async function readBoardState({ boardId }: { boardId: string }): Promise<Uint8Array> {
  return mergeParts((await loadBoardParts({ boardId })).parts);
}

/** Appends changes in one statement; the caller confirms them as saved only once this resolves. */
export async function appendBoardUpdates({ boardId, updates }: { boardId: string; updates: Array<{ update: Uint8Array; byUserId: string | null }> }) {
  await getDb().boardUpdate.createMany({
    data: updates.map(({ update, byUserId }) => ({ boardId, update: new Uint8Array(update), byUserId })),
  });
}

/**
 * Merges the remaining rows into the snapshot. The board row is locked so that two processes never compact the
 * same board at once; writers are not blocked (they only insert rows, which a later compaction picks up).
 */
export async function compactBoard({ boardId }: { boardId: string }): Promise<{ merged: number; bytes: number }> {
  return getDb().$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "Board" WHERE "id" = ${boardId} FOR UPDATE`;
      if (locked.length === 0) return { merged: 0, bytes: 0 };
      const snapshot = await tx.boardSnapshot.findUnique({ where: { boardId }, select: { state: true, upToUpdateId: true } });
      const rows = await tx.boardUpdate.findMany({ where: { boardId }, orderBy: { id: "asc" }, select: { id: true, update: true } });
      if (rows.length === 0) return { merged: 0, bytes: snapshot?.state.length ?? 0 };

      const state = mergeParts([...(snapshot ? [snapshot.state] : []), ...rows.map((row) => row.update)]);
      const lastId = rows[rows.length - 1].id;
      const upToUpdateId = snapshot && snapshot.upToUpdateId > lastId ? snapshot.upToUpdateId : lastId;
      await tx.boardSnapshot.upsert({
        where: { boardId },
        create: { boardId, state: new Uint8Array(state), upToUpdateId },
        update: { state: new Uint8Array(state), upToUpdateId, createdAt: new Date() },
      });
      for (let start = 0; start < rows.length; start += DELETE_CHUNK) {
        const ids = rows.slice(start, start + DELETE_CHUNK).map((row) => row.id);
        await tx.boardUpdate.deleteMany({ where: { boardId, id: { in: ids } } });
      }
      return { merged: rows.length, bytes: state.length };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
