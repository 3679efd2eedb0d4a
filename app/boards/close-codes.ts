/**
 * Every way the board server says no, in one place: HTTP answers to a refused upgrade, and WebSocket close codes
 * once connected. The y-websocket client (3.x) stops reconnecting on codes 4400–4499 (the server decided, a retry
 * cannot help: it emits `closed` with the code) and retries every other code with backoff (4500–4599: "try again
 * later"; 1001: this node is going away, another may answer). The board UI shows a message per code.
 */
export const CloseCode = {
  /** This server process is shutting down; reconnecting reaches it again once restarted, or another node. */
  GOING_AWAY: 1001,
  /** Above the transport's hard limit: `ws` cuts the frame itself, before buffering it whole. */
  TRANSPORT_MESSAGE_TOO_BIG: 1009,
  /** Not a message of the protocol: undecodable bytes, a text frame, an unknown type, an invalid Yjs update. */
  MALFORMED_MESSAGE: 4400,
  /** A read-only connection (observers, committee members) sent a change; it was neither applied nor stored. */
  READ_ONLY: 4403,
  /** One message above the limit (`BoardLimits.maxMessageBytes`); it was neither applied nor stored. */
  MESSAGE_TOO_LARGE: 4413,
  /** The change would make the board larger than `BoardLimits.maxBoardBytes`; it was neither applied nor stored. */
  BOARD_TOO_LARGE: 4431,
  /** More messages than `BoardLimits.messagesPerSecond` allows; nothing is lost, the client resends after backoff. */
  RATE_LIMITED: 4529,
  /** The board could not be loaded (database unreachable); the client retries. */
  BOARD_UNAVAILABLE: 4503,
} as const;

/** The close reason sent with a code is its name (a reason may hold at most 123 bytes). */
export type CloseCodeName = keyof typeof CloseCode;

/**
 * HTTP answers to an upgrade refused before the WebSocket exists. Browsers do not expose the status to scripts
 * (the socket just fails), so the UI checks the page's own access; the statuses are for other clients and tests.
 */
export const UpgradeRefusal = {
  /** No session cookie, or an expired or revoked session. */
  UNAUTHENTICATED: { status: 401, error: "unauthenticated" },
  /** A page of another site opened the socket (the browser would have sent our cookie along). */
  FOREIGN_ORIGIN: { status: 403, error: "foreignOrigin" },
  /** The person may not see this board (a workshop they are not a member of, but which is public). */
  FORBIDDEN: { status: 403, error: "forbidden" },
  /** No such board, or one in a workshop this person cannot even see (the same answer, on purpose). */
  NOT_FOUND: { status: 404, error: "notFound" },
  /** The server is shutting down. */
  SHUTTING_DOWN: { status: 503, error: "shuttingDown" },
  /** The checks themselves failed (database unreachable). */
  UNAVAILABLE: { status: 503, error: "unavailable" },
} as const;

export type UpgradeRefusalName = keyof typeof UpgradeRefusal;
