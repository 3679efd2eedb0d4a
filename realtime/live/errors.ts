import type { LiveErrorCode } from "~/live/protocol";

/** Thrown by handlers to refuse a request with a named reason; anything else is reported as `internal`. */
export class LiveError extends Error {
  constructor(readonly code: LiveErrorCode) {
    super(code);
  }
}

export const refuse = (code: LiveErrorCode): never => {
  throw new LiveError(code);
};
