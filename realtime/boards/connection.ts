import { randomUUID } from "node:crypto";
import WebSocket from "ws";
import { encodeSavedMessage } from "~/boards/protocol";
import type { SessionUser } from "~/auth/session.server";
import { CloseCode, type CloseCodeName } from "~/boards/close-codes";
import type { BoardLimits } from "./limits";

/** A refusal raised while handling a message: the connection is closed with this code. */
export class BoardRefusal extends Error {
  constructor(readonly code: CloseCodeName) {
    super(code);
  }
}

/**
 * One person's WebSocket to one board. It counts the document-update messages it received and remembers, for
 * each, which queued change must be saved before it may be confirmed (see app/boards/protocol.ts).
 */
export class BoardConnection {
  readonly id = randomUUID();
  /** Awareness client ids this connection speaks for (a y-websocket client has one per tab). */
  readonly awarenessClients = new Set<number>();
  /** Answered the last ping: still there. */
  alive = true;
  private updatesReceived = 0;
  private pendingAcks: Array<{ count: number; change: number }> = [];
  private tokens: number;
  private tokensAt = Date.now();
  private closed = false;

  constructor(
    readonly ws: WebSocket,
    readonly user: SessionUser,
    readonly readOnly: boolean,
    private readonly limits: BoardLimits,
  ) {
    this.tokens = limits.messageBurst;
  }

  get isOpen() {
    return !this.closed && this.ws.readyState === WebSocket.OPEN;
  }

  /** What the server writes into this connection's awareness state, whatever the client claims. */
  get identity() {
    return { id: this.user.id, name: this.user.name, readOnly: this.readOnly };
  }

  send(message: Uint8Array) {
    if (!this.isOpen) return;
    this.ws.send(message, (error) => {
      if (error) this.ws.terminate();
    });
  }

  close(name: CloseCodeName) {
    if (this.closed) return;
    this.closed = true;
    this.ws.close(CloseCode[name], name);
  }

  /** A token bucket: bursts are fine, a sustained flood is not. */
  takeMessageToken(now = Date.now()): boolean {
    this.tokens = Math.min(this.limits.messageBurst, this.tokens + ((now - this.tokensAt) / 1000) * this.limits.messagesPerSecond);
    this.tokensAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Counts one more document-update message; returns its number on this connection. */
  countUpdateMessage(): number {
    this.updatesReceived += 1;
    return this.updatesReceived;
  }

  /** Confirms message `count` once change number `change` of the board is saved. */
  confirmWhenSaved(count: number, change: number, lastSaved: number) {
    if (change <= lastSaved && this.pendingAcks.length === 0) this.send(encodeSavedMessage(count));
    else this.pendingAcks.push({ count, change });
  }

  /** The board saved every change up to `lastSaved`: confirm what that covers, in one message. */
  saved(lastSaved: number) {
    let confirmed = 0;
    while (this.pendingAcks.length > 0 && this.pendingAcks[0].change <= lastSaved) {
      confirmed = this.pendingAcks.shift()!.count;
    }
    if (confirmed > 0) this.send(encodeSavedMessage(confirmed));
  }
}
