/**
 * How server processes that have the same board loaded tell each other about changes. Each process applies what
 * its own clients send, stores it, and only then publishes it here; the others apply it to their copy and pass it
 * on to their clients. Publishing after the write is what makes a process that loads the board meanwhile miss
 * nothing: it subscribes first, then reads the database, so every change is either already in what it read or
 * published after it subscribed. Awareness (cursors, names) is relayed too, without storage, and so are signals:
 * messages of our own protocol for every connection to the board (e.g. "the voting state changed").
 *
 * Delivery is at most once and in order per publisher and board. The in-process bus below connects the servers
 * of one process (tests, one node); a Redis implementation of the same interface connects nodes.
 */
export type BoardBusMessage = {
  kind: "update" | "awareness" | "signal";
  /** A Yjs update, a y-protocols awareness update, or a signal: a whole message to send to every connection. */
  payload: Uint8Array;
  /** The process that published it, which ignores its own messages. */
  originNode: string;
};

export type BoardBusListener = (message: BoardBusMessage) => void;

export interface BoardBus {
  publish(boardId: string, message: BoardBusMessage): Promise<void>;
  /** Returns the function that ends the subscription. */
  subscribe(boardId: string, listener: BoardBusListener): () => void;
}

export class InProcessBoardBus implements BoardBus {
  private listeners = new Map<string, Set<BoardBusListener>>();

  async publish(boardId: string, message: BoardBusMessage): Promise<void> {
    const listeners = this.listeners.get(boardId);
    if (!listeners) return;
    // Delivered later, like a network would: a listener never runs inside the publisher's own call stack.
    for (const listener of [...listeners]) queueMicrotask(() => listener(message));
  }

  subscribe(boardId: string, listener: BoardBusListener): () => void {
    let listeners = this.listeners.get(boardId);
    if (!listeners) {
      listeners = new Set();
      this.listeners.set(boardId, listeners);
    }
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && this.listeners.get(boardId) === listeners) this.listeners.delete(boardId);
    };
  }
}
