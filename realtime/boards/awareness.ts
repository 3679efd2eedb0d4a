import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { BoardRefusal, type BoardConnection } from "./connection";

/**
 * Rewrites an awareness update a client sent before it is applied: each state's `user` becomes the person behind
 * the connection (so a cursor cannot carry someone else's name), and entries for an awareness client that another
 * connection speaks for are dropped (so nobody can move or remove someone else's cursor). The format is
 * y-protocols/awareness: count, then per client its id, clock and state as JSON (null when it left).
 */
export function stampAwarenessUpdate(
  update: Uint8Array,
  connection: BoardConnection,
  speakerOf: (clientId: number) => BoardConnection | undefined,
): Uint8Array {
  const decoder = decoding.createDecoder(update);
  const entries: Array<{ clientId: number; clock: number; state: string }> = [];
  for (let remaining = decoding.readVarUint(decoder); remaining > 0; remaining -= 1) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state: unknown = JSON.parse(decoding.readVarString(decoder));
    const speaker = speakerOf(clientId);
    if (speaker && speaker !== connection) continue;
    if (state === null) {
      entries.push({ clientId, clock, state: "null" });
      continue;
    }
    if (typeof state !== "object" || Array.isArray(state)) throw new BoardRefusal("MALFORMED_MESSAGE");
    entries.push({ clientId, clock, state: JSON.stringify({ ...state, user: connection.identity }) });
  }
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state);
  }
  return encoding.toUint8Array(encoder);
}
