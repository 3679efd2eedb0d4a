import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

/**
 * The wire protocol of the board server at `/yjs/<boardId>`: the y-websocket protocol (the stock `y-websocket`
 * client works unchanged) plus messages of our own, from the server only, shared here by the server and the board UI.
 *
 * Every message starts with its type as a varuint. 0–3 are y-websocket's; 100 and up are Majlis's:
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
 *   [101]      the board's dot-voting state changed (a round started or closed, a dot given or taken back): fetch it
 *              again from /boards/<boardId>/votes. Votes are not in the document (anonymity), so this says only
 *              that something changed, never what; it is not repeated to a client that was offline meanwhile, so
 *              a client also fetches the state each time it has synced after (re)connecting. Registered as
 *              `provider.messageHandlers[MessageType.VOTING_CHANGED]`.
 *
 * Close codes are in app/boards/close-codes.ts.
 */
export const MessageType = {
  SYNC: 0,
  AWARENESS: 1,
  AUTH: 2,
  QUERY_AWARENESS: 3,
  SAVED: 100,
  VOTING_CHANGED: 101,
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

export function encodeVotingChangedMessage(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.VOTING_CHANGED);
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
