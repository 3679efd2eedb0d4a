import * as Y from "yjs";
import { elementsOf } from "~/boards/document";
import { BoardConnection } from "./connection";

/** Origin of the server's own corrections, which are stored like any change. */
export const AUTHORSHIP_ORIGIN = Symbol("authorship");

/**
 * Who wrote a note is evidence (the notes feed recommendations), so it cannot be left to the client: an element a
 * connection adds gets that person's id as `authorId`, and a change of `authorId` on an existing element is put back.
 * Honest clients write the same value themselves and never trigger a correction.
 */
export function enforceAuthorship(doc: Y.Doc) {
  const elements = elementsOf(doc);
  elements.observeDeep((events, transaction) => {
    const origin = transaction.origin;
    if (!(origin instanceof BoardConnection)) return;
    const corrections: Array<() => void> = [];
    for (const event of events) {
      if (event.target === elements) {
        for (const [id, change] of event.changes.keys) {
          const element = elements.get(id);
          if (change.action !== "delete" && element instanceof Y.Map && element.get("authorId") !== origin.user.id) {
            corrections.push(() => element.set("authorId", origin.user.id));
          }
        }
      } else if (event.target instanceof Y.Map && event.target.parent === elements) {
        const change = event.changes.keys.get("authorId");
        if (!change) continue;
        const element = event.target;
        const previous: unknown = change.oldValue;
        corrections.push(() => (previous === undefined ? element.delete("authorId") : element.set("authorId", previous)));
      }
    }
    if (corrections.length > 0) doc.transact(() => corrections.forEach((correct) => correct()), AUTHORSHIP_ORIGIN);
  });
}
