import { useEffect, useMemo, useState } from "react";
import * as Y from "yjs";
import { elementsOf } from "~/boards/document";

/**
 * Undo and redo of this page's own changes: the manager tracks the page's transaction origin only, so undoing never
 * takes back what someone else did meanwhile.
 */
export function useBoardUndo(doc: Y.Doc, origin: object) {
  const manager = useMemo(() => new Y.UndoManager(elementsOf(doc), { trackedOrigins: new Set([origin]), captureTimeout: 400 }), [doc, origin]);
  const [stacks, setStacks] = useState({ canUndo: false, canRedo: false });
  useEffect(() => {
    const update = () => setStacks({ canUndo: manager.undoStack.length > 0, canRedo: manager.redoStack.length > 0 });
    manager.on("stack-item-added", update);
    manager.on("stack-item-popped", update);
    manager.on("stack-cleared", update);
    return () => manager.destroy();
  }, [manager]);
  return {
    ...stacks,
    undo: () => manager.undo(),
    redo: () => manager.redo(),
    /** Starts a new undo step: the next change is not merged with the previous one. */
    stopCapturing: () => manager.stopCapturing(),
  };
}

export type BoardUndo = ReturnType<typeof useBoardUndo>;
