/** What one board and one connection may use; `createServer({ boards: { limits } })` overrides any of them. */
export interface BoardLimits {
  /** One message; above it the connection is closed with MESSAGE_TOO_LARGE. */
  maxMessageBytes: number;
  /** One board's encoded state; a change that would go beyond is refused with BOARD_TOO_LARGE. */
  maxBoardBytes: number;
  /** Sustained messages per second per connection (a pen stroke and a moving cursor each send ~60 per second). */
  messagesPerSecond: number;
  /** Messages a connection may send in a burst above that rate. */
  messageBurst: number;
  /** Stored updates after which a loaded board is compacted into its snapshot. */
  compactEvery: number;
  /** On shutdown, how long to keep trying to save before giving up (and saying so in the log). */
  flushTimeoutMs: number;
  /** Interval of WebSocket pings; a connection that missed one is dropped (its person reconnects). */
  pingIntervalMs: number;
}

export const DEFAULT_BOARD_LIMITS: BoardLimits = {
  maxMessageBytes: 1024 * 1024,
  maxBoardBytes: 16 * 1024 * 1024,
  messagesPerSecond: 200,
  messageBurst: 600,
  compactEvery: 200,
  flushTimeoutMs: 10_000,
  pingIntervalMs: 30_000,
};
