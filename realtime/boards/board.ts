import * as decoding from "lib0/decoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { MessageType, SyncMessageType } from "~/boards/protocol";
import { appendBoardUpdates, compactBoard, type StoredBoard } from "~/models/board-storage.server";
import { AUTHORSHIP_ORIGIN, enforceAuthorship } from "./authorship";
import { stampAwarenessUpdate } from "./awareness";
import type { BoardBus, BoardBusMessage } from "./bus";
import { BoardConnection, BoardRefusal } from "./connection";
import type { BoardLimits } from "./limits";
import { awarenessMessage, syncStep1Message, syncStep2Message, updateMessage } from "./messages";
import { UpdatePersister, type QueuedUpdate } from "./persister";

/** Origins of changes that did not come from a connection of this process. */
const LOAD_ORIGIN = Symbol("load");
const BUS_ORIGIN = Symbol("bus");
const CONNECTION_CLOSED = Symbol("connection closed");

export interface BoardDeps {
  nodeId: string;
  bus: BoardBus;
  limits: BoardLimits;
  /** Keeps background work (compactions) visible to shutdown. */
  track(work: Promise<unknown>): void;
}

/**
 * A board in memory: its Yjs document and awareness, the connections on it, and its write queue. Changes from a
 * connection are applied, sent to the other connections at once, queued for storage, and confirmed to their sender
 * once stored; after storage they are published on the bus for other processes.
 */
export class LoadedBoard {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Set<BoardConnection>();
  readonly persister: UpdatePersister;
  /** Update rows of this board not yet compacted, as far as this process knows. */
  private pendingRows = 0;
  /** The encoded size of the board, give or take what was deleted since it was last measured. */
  private bytes = 0;
  private compacting: Promise<void> | null = null;
  private destroyed = false;
  private speakers = new Map<number, BoardConnection>();
  private unsubscribe: () => void;

  constructor(
    readonly id: string,
    private readonly deps: BoardDeps,
  ) {
    // The server is not a participant: no cursor of its own.
    this.awareness.setLocalState(null);
    this.persister = new UpdatePersister({
      write: (batch) => appendBoardUpdates({ boardId: id, updates: batch }),
      saved: (lastSaved, batch) => this.onSaved(lastSaved, batch),
      failed: (error) => console.error(`boards: saving board ${id} failed, retrying:`, error),
    });
    enforceAuthorship(this.doc);
    this.doc.on("update", (update: Uint8Array, origin: unknown) => this.onDocumentUpdate(update, origin));
    this.awareness.on("update", (changes: AwarenessChanges, origin: unknown) => this.onAwarenessUpdate(changes, origin));
    // Subscribed before the database is read, so that nothing published meanwhile is missed (see bus.ts).
    this.unsubscribe = deps.bus.subscribe(id, (message) => this.onBusMessage(message));
  }

  /** The saved state read from the database; changes that came over the bus meanwhile merge with it. */
  restore(stored: StoredBoard) {
    this.doc.transact(() => {
      for (const part of stored.parts) Y.applyUpdate(this.doc, part);
    }, LOAD_ORIGIN);
    this.pendingRows = stored.pendingRows;
    this.bytes = Y.encodeStateAsUpdate(this.doc).length;
    this.compactIfDue();
  }

  /** A new connection: tell it what the server has, and who else is here. */
  attach(connection: BoardConnection) {
    this.connections.add(connection);
    connection.send(syncStep1Message(this.doc));
    const others = [...this.awareness.getStates().keys()];
    if (others.length > 0) connection.send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, others)));
  }

  /** A message of our protocol for every connection to this board in this process. */
  sendToAll(message: Uint8Array) {
    for (const connection of this.connections) connection.send(message);
  }

  detach(connection: BoardConnection) {
    if (!this.connections.delete(connection)) return;
    const clients = [...connection.awarenessClients];
    if (clients.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, clients, CONNECTION_CLOSED);
  }

  /** One message from a connection. Whatever goes wrong closes that connection only, with a named code. */
  receive(connection: BoardConnection, data: Buffer, isBinary: boolean) {
    if (!connection.isOpen) return;
    if (!isBinary) return connection.close("MALFORMED_MESSAGE");
    if (data.length > this.deps.limits.maxMessageBytes) return connection.close("MESSAGE_TOO_LARGE");
    if (!connection.takeMessageToken()) return connection.close("RATE_LIMITED");
    try {
      // A copy with a buffer of its own: lib0 checks lengths against the underlying buffer, and `ws` hands out
      // slices of a shared pool, so a lying length prefix would otherwise read the bytes of other messages.
      this.handle(connection, new Uint8Array(data));
    } catch (error) {
      connection.close(error instanceof BoardRefusal ? error.code : "MALFORMED_MESSAGE");
    }
  }

  private handle(connection: BoardConnection, message: Uint8Array) {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.SYNC: {
        const syncType = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (syncType === SyncMessageType.STEP_1) connection.send(syncStep2Message(Y.encodeStateAsUpdate(this.doc, payload)));
        else if (syncType === SyncMessageType.STEP_2 || syncType === SyncMessageType.UPDATE) this.receiveUpdate(connection, payload);
        else throw new BoardRefusal("MALFORMED_MESSAGE");
        return;
      }
      case MessageType.AWARENESS: {
        const update = stampAwarenessUpdate(decoding.readVarUint8Array(decoder), connection, (client) => this.speakers.get(client));
        awarenessProtocol.applyAwarenessUpdate(this.awareness, update, connection);
        return;
      }
      case MessageType.QUERY_AWARENESS: {
        const clients = [...this.awareness.getStates().keys()];
        connection.send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)));
        return;
      }
      default:
        throw new BoardRefusal("MALFORMED_MESSAGE");
    }
  }

  private receiveUpdate(connection: BoardConnection, update: Uint8Array) {
    const count = connection.countUpdateMessage();
    if (connection.readOnly) {
      // Reconnecting read-only clients send back what they already received: that is fine, anything new is not.
      if (!Y.snapshotContainsUpdate(Y.snapshot(this.doc), update)) throw new BoardRefusal("READ_ONLY");
    } else {
      // Parsed in full before anything is applied: Yjs applies an update's insertions before reading its deletions,
      // so bytes that break in the middle would otherwise leave half a change behind.
      Y.decodeUpdate(update);
      const tooLarge = this.bytes + update.length > this.deps.limits.maxBoardBytes;
      if (tooLarge && !Y.snapshotContainsUpdate(Y.snapshot(this.doc), update)) throw new BoardRefusal("BOARD_TOO_LARGE");
      const { pendingStructs, pendingDs } = this.doc.store;
      Y.applyUpdate(this.doc, update, connection);
      // Content whose dependencies have not arrived yet (another tab's change still on its way) waits in memory and
      // is not part of the document's update event: the message itself is stored, so that confirming it is true.
      const { store } = this.doc;
      if ((store.pendingStructs && store.pendingStructs !== pendingStructs) || (store.pendingDs && store.pendingDs !== pendingDs)) {
        this.persister.enqueue({ update, byUserId: connection.user.id });
      }
    }
    connection.confirmWhenSaved(count, this.persister.lastQueued, this.persister.lastSaved);
  }

  private onDocumentUpdate(update: Uint8Array, origin: unknown) {
    if (origin === LOAD_ORIGIN) return;
    this.bytes += update.length;
    const message = updateMessage(update);
    for (const connection of this.connections) {
      if (connection !== origin) connection.send(message);
    }
    if (origin instanceof BoardConnection) this.persister.enqueue({ update, byUserId: origin.user.id });
    else if (origin === AUTHORSHIP_ORIGIN) this.persister.enqueue({ update, byUserId: null });
  }

  private onSaved(lastSaved: number, batch: QueuedUpdate[]) {
    for (const { update } of batch) this.publish({ kind: "update", payload: update, originNode: this.deps.nodeId });
    for (const connection of this.connections) connection.saved(lastSaved);
    this.pendingRows += batch.length;
    this.compactIfDue();
  }

  private onAwarenessUpdate({ added, updated, removed }: AwarenessChanges, origin: unknown) {
    if (origin instanceof BoardConnection) {
      for (const client of [...added, ...updated]) {
        origin.awarenessClients.add(client);
        this.speakers.set(client, origin);
      }
    }
    for (const client of removed) {
      this.speakers.get(client)?.awarenessClients.delete(client);
      this.speakers.delete(client);
    }
    const changed = [...added, ...updated, ...removed];
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    // Sent back to its sender too: y-websocket clients count it as a sign of life (they renew every 15 s).
    const message = awarenessMessage(update);
    for (const connection of this.connections) connection.send(message);
    // Time-outs are each process's own business: another process may still hear from that client.
    if (origin instanceof BoardConnection || origin === CONNECTION_CLOSED) {
      this.publish({ kind: "awareness", payload: update, originNode: this.deps.nodeId });
    }
  }

  private onBusMessage(message: BoardBusMessage) {
    if (message.originNode === this.deps.nodeId) return;
    try {
      if (message.kind === "update") Y.applyUpdate(this.doc, message.payload, BUS_ORIGIN);
      else if (message.kind === "awareness") awarenessProtocol.applyAwarenessUpdate(this.awareness, message.payload, BUS_ORIGIN);
      else this.sendToAll(message.payload);
    } catch (error) {
      console.error(`boards: a ${message.kind} from node ${message.originNode} for board ${this.id} could not be applied:`, error);
    }
  }

  private publish(message: BoardBusMessage) {
    this.deps.bus.publish(this.id, message).catch((error: unknown) => console.error(`boards: publishing on board ${this.id} failed:`, error));
  }

  /** Merges the stored rows into the snapshot now and then, so that loading stays one read of a bounded size. */
  private compactIfDue() {
    if (this.compacting || this.pendingRows < this.deps.limits.compactEvery) return;
    this.compacting = this.compact().finally(() => {
      this.compacting = null;
    });
    this.deps.track(this.compacting);
  }

  /** Compacts what is stored; the board itself may already be unloaded (compaction reads the database only). */
  async compact() {
    try {
      const { merged } = await compactBoard({ boardId: this.id });
      this.pendingRows = Math.max(0, this.pendingRows - merged);
      if (!this.destroyed) this.bytes = Y.encodeStateAsUpdate(this.doc).length;
    } catch (error) {
      console.error(`boards: compacting board ${this.id} failed:`, error);
    }
  }

  get hasUncompactedRows() {
    return this.pendingRows > 0;
  }

  /** After the last connection left and everything was saved. */
  destroy() {
    this.destroyed = true;
    this.unsubscribe();
    this.persister.stop();
    this.awareness.destroy();
    this.doc.destroy();
  }
}

interface AwarenessChanges {
  added: number[];
  updated: number[];
  removed: number[];
}
