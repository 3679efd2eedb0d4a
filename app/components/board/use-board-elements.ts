import { useMemo, useRef, useSyncExternalStore } from "react";
import type * as Y from "yjs";
import { elementsOf, readElements, type BoardElement } from "~/boards/document";

/** Re-renders on every change inside a Yjs type, with what `read` makes of it (read once per change). */
export function useYjsValue<T>(type: Y.AbstractType<unknown>, read: () => T): T {
  const cache = useRef<{ type: Y.AbstractType<unknown>; version: number; value: T } | null>(null);
  const version = useRef(0);
  const subscribe = useMemo(
    () => (notify: () => void) => {
      const onChange = () => {
        version.current += 1;
        notify();
      };
      type.observeDeep(onChange);
      return () => type.unobserveDeep(onChange);
    },
    [type],
  );
  const getSnapshot = () => {
    const cached = cache.current;
    if (!cached || cached.type !== type || cached.version !== version.current) cache.current = { type, version: version.current, value: read() };
    return cache.current!.value;
  };
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}

/** The board's elements, back to front, kept up to date with every change from anyone. */
export function useBoardElements(doc: Y.Doc): BoardElement[] {
  const elements = useMemo(() => elementsOf(doc), [doc]);
  return useYjsValue(elements as unknown as Y.AbstractType<unknown>, () => readElements(doc));
}
