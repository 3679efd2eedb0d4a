/**
 * The write queue of one loaded board. Changes are numbered as they arrive (`lastQueued`) and written in order, in
 * batches: while one INSERT is in flight, the changes arriving meanwhile wait and go together in the next one, so a
 * busy board costs a few statements per second, not one per keystroke. `lastSaved` only moves once a batch has
 * committed; acknowledgements to clients are derived from it, never from `lastQueued`.
 *
 * A failed write (database unreachable) is retried with backoff, for as long as the process lives: the changes
 * stay in memory and unconfirmed, so clients keep showing them as not saved. `stop()` ends the retrying at shutdown.
 */
export interface QueuedUpdate {
  update: Uint8Array;
  byUserId: string | null;
}

export interface PersisterHooks {
  write(batch: QueuedUpdate[]): Promise<void>;
  /** After a batch committed; `lastSaved` is the number of the batch's last change. */
  saved(lastSaved: number, batch: QueuedUpdate[]): void;
  failed(error: unknown): void;
}

const MAX_BATCH = 500;
const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 5_000;

export class UpdatePersister {
  private queue: QueuedUpdate[] = [];
  private queued = 0;
  private saved = 0;
  private writing = false;
  private stopped = false;
  private idleWaiters: Array<() => void> = [];
  private wakeRetry: (() => void) | null = null;

  constructor(private readonly hooks: PersisterHooks) {}

  /** Queues a change; returns its number. */
  enqueue(update: QueuedUpdate): number {
    this.queue.push(update);
    this.queued += 1;
    void this.drain();
    return this.queued;
  }

  get lastQueued() {
    return this.queued;
  }

  get lastSaved() {
    return this.saved;
  }

  get isStopped() {
    return this.stopped;
  }

  get isIdle() {
    return this.queue.length === 0 && !this.writing;
  }

  /** Resolves once everything queued so far (and anything queued meanwhile) is saved, or the persister stopped. */
  idle(): Promise<void> {
    if (this.isIdle || this.stopped) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Gives up on what is still unsaved (shutdown after the flush timeout). */
  stop() {
    this.stopped = true;
    this.wakeRetry?.();
    this.settleIdle();
  }

  private settleIdle() {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private async drain() {
    if (this.writing) return;
    this.writing = true;
    let retryMs = FIRST_RETRY_MS;
    try {
      while (this.queue.length > 0 && !this.stopped) {
        const batch = this.queue.slice(0, MAX_BATCH);
        try {
          await this.hooks.write(batch);
        } catch (error) {
          this.hooks.failed(error);
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, retryMs);
            this.wakeRetry = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          this.wakeRetry = null;
          retryMs = Math.min(MAX_RETRY_MS, retryMs * 2);
          continue;
        }
        retryMs = FIRST_RETRY_MS;
        this.queue.splice(0, batch.length);
        this.saved += batch.length;
        this.hooks.saved(this.saved, batch);
      }
    } finally {
      this.writing = false;
      if (this.isIdle || this.stopped) this.settleIdle();
    }
  }
}
