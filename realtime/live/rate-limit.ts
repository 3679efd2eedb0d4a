/**
 * A token bucket per person on this server process: bursts are fine (a quick double vote), floods are refused with
 * `rateLimited`. Each process protects its own event loop, so this is the one piece of live state that need not be
 * shared between nodes: a person spread over several nodes gets each node's allowance, which is still bounded.
 */
export class RateLimiter {
  private buckets = new Map<string, { tokens: number; updated: number }>();

  constructor(
    private readonly capacity = 20,
    private readonly refillPerSecond = 5,
  ) {}

  take(key: string, now = Date.now()): boolean {
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, updated: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + ((now - bucket.updated) / 1000) * this.refillPerSecond);
    bucket.updated = now;
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    this.buckets.set(key, bucket);
    return allowed;
  }

  forget(key: string) {
    this.buckets.delete(key);
  }
}
