import type { RawData, WebSocket } from "ws";
import type { SessionUser } from "~/auth/session.server";
import { loadBoardParts } from "~/models/board-storage.server";
import { LoadedBoard, type BoardDeps } from "./board";
import { BoardConnection } from "./connection";

const CLOSE_HANDSHAKE_MS = 1_000;

interface Entry {
  ready: Promise<LoadedBoard>;
  /** Connections attached to the board or waiting for it to load: the board stays while there is one. */
  holders: number;
  unloading: boolean;
}

/**
 * The boards this process has in memory. A board is loaded by its first connection (one load, however many
 * connections arrive meanwhile; their messages wait in order until it is ready) and unloaded when its last
 * connection has left and every change is saved: a connection arriving while the last changes are written keeps it.
 */
export class BoardRegistry {
  private entries = new Map<string, Entry>();
  private background = new Set<Promise<unknown>>();
  private connections = new Set<BoardConnection>();
  private closing = false;
  private readonly deps: BoardDeps;
  private readonly pinger: NodeJS.Timeout;

  constructor(deps: Omit<BoardDeps, "track">) {
    this.deps = { ...deps, track: (work) => this.track(work) };
    this.pinger = setInterval(() => this.ping(), deps.limits.pingIntervalMs);
    this.pinger.unref();
  }

  get isClosing() {
    return this.closing;
  }

  /** Ids of the boards in memory now. */
  loadedBoardIds(): string[] {
    return [...this.entries.keys()];
  }

  /** The board's entry, loading it if needed: concurrent callers share one load. */
  private getOrLoad(boardId: string): Entry {
    let entry = this.entries.get(boardId);
    if (!entry) {
      const created: Entry = { ready: this.load(boardId), holders: 0, unloading: false };
      created.ready.catch(() => {
        if (this.entries.get(boardId) === created) this.entries.delete(boardId);
      });
      this.entries.set(boardId, created);
      entry = created;
    }
    return entry;
  }

  private async load(boardId: string): Promise<LoadedBoard> {
    const board = new LoadedBoard(boardId, this.deps);
    try {
      board.restore(await loadBoardParts({ boardId }));
      return board;
    } catch (error) {
      board.destroy();
      throw error;
    }
  }

  /** An accepted WebSocket for a board the person may open (checked at the upgrade). */
  connect(ws: WebSocket, { boardId, user, readOnly }: { boardId: string; user: SessionUser; readOnly: boolean }) {
    const connection = new BoardConnection(ws, user, readOnly, this.deps.limits);
    const entry = this.getOrLoad(boardId);
    entry.holders += 1;
    this.connections.add(connection);

    let board: LoadedBoard | null = null;
    let waiting: Array<[RawData, boolean]> = [];
    let left = false;
    ws.on("message", (data, isBinary) => {
      if (board) board.receive(connection, toBuffer(data), isBinary);
      // While the board loads, a client may not pile up more than one burst's worth of messages in memory.
      else if (waiting.length >= this.deps.limits.messageBurst) connection.close("RATE_LIMITED");
      else waiting.push([data, isBinary]);
    });
    ws.on("pong", () => {
      connection.alive = true;
    });
    ws.on("error", () => ws.terminate());
    ws.on("close", () => {
      if (left) return;
      left = true;
      this.connections.delete(connection);
      board?.detach(connection);
      this.release(boardId, entry);
    });

    entry.ready.then(
      (loaded) => {
        if (left) return;
        if (this.closing) return connection.close("GOING_AWAY");
        board = loaded;
        loaded.attach(connection);
        for (const [data, isBinary] of waiting) loaded.receive(connection, toBuffer(data), isBinary);
        waiting = [];
      },
      (error: unknown) => {
        console.error(`boards: loading board ${boardId} failed:`, error);
        connection.close("BOARD_UNAVAILABLE");
      },
    );
  }

  /**
   * Sends a message of our protocol to every connection to the board: those of this process, and those of the
   * other processes through the bus. A board still loading gets it too, once loaded.
   */
  signal(boardId: string, message: Uint8Array) {
    void this.entries.get(boardId)?.ready.then(
      (board) => board.sendToAll(message),
      () => undefined,
    );
    this.deps.bus
      .publish(boardId, { kind: "signal", payload: message, originNode: this.deps.nodeId })
      .catch((error: unknown) => console.error(`boards: publishing a signal on board ${boardId} failed:`, error));
  }

  private release(boardId: string, entry: Entry) {
    entry.holders -= 1;
    if (entry.holders === 0) this.track(this.unloadWhenSaved(boardId, entry));
  }

  private async unloadWhenSaved(boardId: string, entry: Entry) {
    if (entry.unloading) return;
    entry.unloading = true;
    try {
      const board = await entry.ready.catch(() => null);
      if (!board) return;
      while (entry.holders === 0) {
        await board.persister.idle();
        if (board.persister.isStopped) return;
        if (entry.holders > 0 || !board.persister.isIdle) continue;
        if (this.entries.get(boardId) === entry) this.entries.delete(boardId);
        board.destroy();
        if (board.hasUncompactedRows) await board.compact();
        return;
      }
    } finally {
      entry.unloading = false;
    }
  }

  private track(work: Promise<unknown>) {
    const tracked = work.catch((error: unknown) => console.error("boards: background work failed:", error));
    this.background.add(tracked);
    void tracked.finally(() => this.background.delete(tracked));
  }

  /** Drops connections that did not answer the previous ping (a vanished phone leaves no close frame). */
  private ping() {
    for (const connection of this.connections) {
      if (!connection.alive) {
        connection.ws.terminate();
        continue;
      }
      connection.alive = false;
      connection.ws.ping();
    }
  }

  /**
   * Shutdown: every connection is closed (clients reconnect, to this process once restarted or to another), then
   * every board is unloaded the usual way, saving and compacting. What cannot be saved within the flush timeout is
   * reported, not waited for forever.
   */
  async close() {
    this.closing = true;
    clearInterval(this.pinger);
    for (const connection of this.connections) connection.close("GOING_AWAY");
    const deadline = Date.now() + this.deps.limits.flushTimeoutMs;
    // Clients normally answer the close frame at once; one that does not must not hold its board for long.
    const patience = Date.now() + Math.min(CLOSE_HANDSHAKE_MS, this.deps.limits.flushTimeoutMs / 2);
    while (this.background.size > 0 || this.entries.size > 0) {
      const left = deadline - Date.now();
      if (left <= 0) break;
      const pending = [...this.background];
      const tick = new Promise((resolve) => setTimeout(resolve, Math.min(left, 50)));
      if (pending.length === 0) {
        if (Date.now() >= patience) for (const connection of this.connections) connection.ws.terminate();
        await tick;
      } else {
        await Promise.race([Promise.all(pending), tick]);
      }
    }
    if (this.entries.size > 0) {
      console.error(`boards: shutting down with unsaved changes on ${this.entries.size} board(s): ${[...this.entries.keys()].join(", ")}`);
      for (const entry of this.entries.values()) void entry.ready.then((board) => board.destroy(), () => undefined);
      this.entries.clear();
    }
    for (const connection of this.connections) connection.ws.terminate();
  }
}

/** `ws` hands over a Buffer, or pieces of one for a fragmented message. */
function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}
