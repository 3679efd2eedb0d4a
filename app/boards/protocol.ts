import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

/**
 * The wire protocol of the board server at `/yjs/<boardId>`: the y-websocket protocol (the stock `y-websocket`
 * client works unchanged) plus one message of our own, shared here by the server and the board UI.
 *
 * Every message starts with its type as a varuint. 0–3 are y-websocket's; 100 is Majlis's "saved" message:
 *
 *   [100][n]   the first n document-update messages this connection sent are stored in PostgreSQL.
 *
 * A document-update message is a sync message of type step 2 or update (see `carriesDocumentUpdate`); the server
 * counts them per connection in the order it received them, and sends n only once those rows are committed, so a
 * client that counts what it sends knows exactly what is saved. Counting restarts at 0 on every new connection:
 * whatever was unconfirmed is in the client's document and goes out again in the sync step 2 that follows the
 * reconnection. The client registers `provider.messageHandlers[MessageType.SAVED]`; a client that does not
 * (e.g. another y-websocket app) logs "Unable to compute message" and carries on.
 *
 * Close codes are in realtime/boards/close-codes.ts.
 */
export const MessageType = {
  SYNC: 0,
  AWARENESS: 1,
  AUTH: 2,
  QUERY_AWARENESS: 3,
  SAVED: 100,
} as const;

/** Sub-types of a sync message (y-protocols/sync). */
export const SyncMessageType = {
  STEP_1: 0,
  STEP_2: 1,
  UPDATE: 2,
} as const;

/** Where the board server listens: `${origin}${BOARD_SOCKET_PATH}/${boardId}`. */
export const BOARD_SOCKET_PATH = "/yjs";

export function encodeSavedMessage(count: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.SAVED);
  encoding.writeVarUint(encoder, count);
  return encoding.toUint8Array(encoder);
}

/** The count of a saved message whose type was already read (as in a `provider.messageHandlers` entry). */
export function readSavedCount(decoder: decoding.Decoder): number {
  return decoding.readVarUint(decoder);
}

/** Whether a message a client sends carries document content, i.e. counts towards the saved acknowledgement. */
export function carriesDocumentUpdate(message: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== MessageType.SYNC) return false;
    const syncType = decoding.readVarUint(decoder);
    return syncType === SyncMessageType.STEP_2 || syncType === SyncMessageType.UPDATE;
  } catch {
    return false;
  }
}

/**
 * What each connection's awareness state holds. `user` is written by the server from the session (a client cannot
 * show someone else's name on its cursor); the rest is up to the client.
 */
export interface BoardAwarenessState {
  user: { id: string; name: string; readOnly: boolean };
  cursor?: { x: number; y: number } | null;
  selection?: string[];
  [field: string]: unknown;
}
