import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { MessageType, SyncMessageType } from "~/boards/protocol";

/** Messages the board server sends, framed as y-websocket frames them. */

function message(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

const syncMessage = (syncType: number, payload: Uint8Array) =>
  message(MessageType.SYNC, (encoder) => {
    encoding.writeVarUint(encoder, syncType);
    encoding.writeVarUint8Array(encoder, payload);
  });

/** "Here is what I have": the client answers with what the server lacks (its sync step 2). */
export const syncStep1Message = (doc: Y.Doc) => syncMessage(SyncMessageType.STEP_1, Y.encodeStateVector(doc));

export const syncStep2Message = (update: Uint8Array) => syncMessage(SyncMessageType.STEP_2, update);

export const updateMessage = (update: Uint8Array) => syncMessage(SyncMessageType.UPDATE, update);

export const awarenessMessage = (update: Uint8Array) =>
  message(MessageType.AWARENESS, (encoder) => encoding.writeVarUint8Array(encoder, update));
