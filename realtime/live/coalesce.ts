/**
 * Coalesces repeated sends per key: when votes pour in, a room gets at most one update per interval instead of one
 * per vote. Each send reads the state when it runs, so the last one always carries the final state; sends of one
 * key run one after the other, so an older state can never arrive after a newer one.
 *
 * Only timers live here, never state another server process would need: each process coalesces its own sends.
 */
export class Coalescer {
  private readonly keys = new Map<string, { timer: ReturnType<typeof setTimeout> | null; queue: Promise<void> }>();

  constructor(
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Sends within the interval; calls made before it elapses share that one send. */
  soon(key: string, send: () => Promise<void>) {
    const entry = this.entry(key);
    if (entry.timer) return;
    entry.timer = setTimeout(() => {
      entry.timer = null;
      void this.enqueue(key, send);
    }, this.intervalMs);
    entry.timer.unref?.();
  }

  /** Sends at once (a poll opening or closing must not wait); a send planned for later is no longer needed. */
  now(key: string, send: () => Promise<void>): Promise<void> {
    const entry = this.entry(key);
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = null;
    return this.enqueue(key, send);
  }

  private entry(key: string) {
    let entry = this.keys.get(key);
    if (!entry) {
      entry = { timer: null, queue: Promise.resolve() };
      this.keys.set(key, entry);
    }
    return entry;
  }

  private enqueue(key: string, send: () => Promise<void>) {
    const entry = this.entry(key);
    const queued = entry.queue.then(send).catch(this.onError);
    entry.queue = queued;
    void queued.then(() => {
      // Forget keys with nothing left to do, so polls long closed take no memory.
      if (entry.queue === queued && entry.timer === null && this.keys.get(key) === entry) this.keys.delete(key);
    });
    return queued;
  }
}
