import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { CloseCode, type CloseCodeName } from "~/boards/close-codes";
import { BOARD_SOCKET_PATH, carriesDocumentUpdate, MessageType, readSavedCount } from "~/boards/protocol";

/**
 * What the board tells the person about their changes, honestly (docs/decisions/007-boards.md):
 * - connecting: the board is being loaded, nothing to edit yet;
 * - saved: every change this page sent is stored in the database;
 * - saving: some are on their way or being written;
 * - offline: no connection; changes stay on this page and merge when it comes back.
 */
export type SaveState = "connecting" | "saved" | "saving" | "offline";

export interface BoardConnectionState {
  saveState: SaveState;
  /** The last close code the server sent, by name, when it means something to the person. */
  refusal: CloseCodeName | null;
  /** Whether the server refuses to go on (4400–4499): the page stops reconnecting. */
  stopped: boolean;
  /** Changes made on this page that the server has not confirmed as stored. */
  unsaved: boolean;
  synced: boolean;
  /** The board arrived once: from then on the page can be edited, online or not. */
  loaded: boolean;
}

export interface BoardConnection {
  doc: Y.Doc;
  provider: WebsocketProvider | null;
  state: BoardConnectionState;
  /** Subscribes to the server's "voting changed" signal; returns the unsubscribe function. */
  subscribeVotingChanged(listener: () => void): () => void;
  /** Tries again after the server refused (e.g. after "too many changes at once"). */
  reconnect(): void;
}

const INITIAL: BoardConnectionState = { saveState: "connecting", refusal: null, stopped: false, unsaved: false, synced: false, loaded: false };

const CODE_NAMES = new Map<number, CloseCodeName>(Object.entries(CloseCode).map(([name, code]) => [code, name as CloseCodeName]));

function bytesOf(data: unknown): Uint8Array | null {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return null;
}

/** The board's socket URL on this page's own server (the session cookie goes along by itself). */
function socketBase(): string {
  const scheme = window.location.protocol === "https:" ? "wss" : "ws";
  return `${scheme}://${window.location.host}${BOARD_SOCKET_PATH}`;
}

/**
 * The live board: one Yjs document synchronised with the board server by the stock y-websocket client. A WebSocket
 * class of our own counts the document-update messages sent on each connection, and the server's "saved up to n"
 * message says how many of them are stored: the difference is what is still being saved.
 */
export function useBoardConnection(boardId: string, { presence = true }: { presence?: boolean } = {}): BoardConnection {
  const doc = useMemo(() => new Y.Doc(), [boardId]);
  const [provider, setProvider] = useState<WebsocketProvider | null>(null);
  const [state, setState] = useState<BoardConnectionState>(INITIAL);
  const votingListeners = useRef(new Set<() => void>());

  useEffect(() => {
    let sent = 0;
    let saved = 0;
    let changedOffline = false;
    let refusal: CloseCodeName | null = null;
    let stopped = false;
    let loaded = false;

    class CountingSocket extends WebSocket {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        // A new connection: the server counts from zero again, and re-sends our unsaved changes in its sync.
        sent = 0;
        saved = 0;
      }

      override send(data: string | ArrayBufferLike | Blob | ArrayBufferView) {
        const bytes = bytesOf(data);
        if (bytes && carriesDocumentUpdate(bytes)) {
          sent += 1;
          publish();
        }
        super.send(data);
      }
    }

    const created = new WebsocketProvider(socketBase(), boardId, doc, { WebSocketPolyfill: CountingSocket as typeof WebSocket, maxBackoffTime: 5_000 });
    // A watcher (a thumbnail) is not someone on the board: no entry among the people present.
    if (!presence) created.awareness.setLocalState(null);

    function publish() {
      const connected = created.wsconnected;
      if (connected && created.synced && sent === saved) changedOffline = false;
      loaded ||= created.synced;
      const unsaved = changedOffline || sent > saved;
      let saveState: SaveState;
      if (!connected) saveState = loaded || stopped ? "offline" : "connecting";
      else if (!created.synced) saveState = loaded && unsaved ? "saving" : "connecting";
      else saveState = sent > saved ? "saving" : "saved";
      const next: BoardConnectionState = { saveState, refusal, stopped, unsaved, synced: created.synced, loaded };
      setState((previous) => ((Object.keys(next) as Array<keyof BoardConnectionState>).every((key) => previous[key] === next[key]) ? previous : next));
    }

    created.messageHandlers[MessageType.SAVED] = (_encoder, decoder) => {
      saved = readSavedCount(decoder);
      if (saved === sent) refusal = null;
      publish();
    };
    created.messageHandlers[MessageType.VOTING_CHANGED] = () => {
      for (const listener of votingListeners.current) listener();
    };
    const onLocalChange = (_update: Uint8Array, origin: unknown) => {
      if (origin !== created && !created.wsconnected) {
        changedOffline = true;
        publish();
      }
    };
    doc.on("update", onLocalChange);
    created.on("status", publish);
    created.on("sync", (synced: boolean) => {
      if (synced) for (const listener of votingListeners.current) listener();
      publish();
    });
    created.on("connection-close", (event) => {
      const name = event ? CODE_NAMES.get(event.code) : undefined;
      if (name && name !== "GOING_AWAY") refusal = name;
      publish();
    });
    created.on("closed", () => {
      stopped = true;
      publish();
    });
    setProvider(created);

    // Leaving with changes the server has not confirmed would lose them: the browser asks first.
    const warnBeforeLeaving = (event: BeforeUnloadEvent) => {
      if (changedOffline || sent > saved) event.preventDefault();
    };
    window.addEventListener("beforeunload", warnBeforeLeaving);
    return () => {
      window.removeEventListener("beforeunload", warnBeforeLeaving);
      doc.off("update", onLocalChange);
      created.destroy();
      setProvider(null);
    };
  }, [boardId, doc, presence]);

  useEffect(() => () => doc.destroy(), [doc]);

  const subscribeVotingChanged = useCallback((listener: () => void) => {
    votingListeners.current.add(listener);
    return () => {
      votingListeners.current.delete(listener);
    };
  }, []);
  const reconnect = useCallback(() => provider?.connect(), [provider]);
  return { doc, provider, state, subscribeVotingChanged, reconnect };
}
