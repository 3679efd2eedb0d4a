import { useNavigate } from "@remix-run/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import type { AgendaItemView, LiveAck, LiveErrorCode, PresentPerson, RoomKey, RoomSnapshot } from "./protocol";

export type LiveStatus = "connecting" | "online" | "offline";

export interface LiveRoom {
  status: LiveStatus;
  /** The room's state at the last (re)join; features keep it current from events. */
  snapshot: RoomSnapshot | null;
  /** Bumped at every (re)join, so features reset their state from the fresh snapshot after a reconnection. */
  joinVersion: number;
  /** Why the room could not be joined, if it could not. */
  error: LiveErrorCode | null;
  /** Sends a request once the room is joined (waiting through a reconnection) and resolves with its answer. */
  request<T = unknown>(event: string, payload?: unknown): Promise<LiveAck<T>>;
  /** Listens to a server event; returns the function that stops listening. */
  on<T = unknown>(event: string, listener: (payload: T) => void): () => void;
  /** Now, by the server's clock. */
  serverNow(): number;
}

const ANSWER_TIMEOUT_MS = 10_000;

/**
 * One live room over socket.io for the page: joins on connect, re-joins after every reconnection (socket.io retries
 * by itself) and replaces the state with a fresh snapshot, so a phone that lost the network catches up on what it
 * missed. Requests made while offline wait for the connection instead of failing at once.
 */
export function useLiveRoom({
  workshopId,
  room,
  display = false,
  followNavigation = !display,
}: {
  workshopId: string;
  room: RoomKey;
  /** The room's projector screen: follows the room without counting as someone present. */
  display?: boolean;
  /**
   * Whether this page goes where the server sends its person (a move, the end of the parallel sessions). Not the
   * organisers' console, which steers the rooms, nor a projector screen, which shows one room whoever opened it.
   */
  followNavigation?: boolean;
}): LiveRoom {
  const navigate = useNavigate();
  const socketRef = useRef<Socket | null>(null);
  const joinedRef = useRef<{ promise: Promise<void>; resolve: () => void } | null>(null);
  const clockOffset = useRef(0);
  // Listeners live here rather than on the socket: panels subscribe in their effects, which run before this hook's
  // effect creates the socket, and they must keep their subscriptions across reconnections.
  const listeners = useRef(new Map<string, Set<(payload: never) => void>>());
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const [snapshot, setSnapshot] = useState<RoomSnapshot | null>(null);
  const [joinVersion, setJoinVersion] = useState(0);
  const [error, setError] = useState<LiveErrorCode | null>(null);

  const resetJoined = () => {
    let resolve = () => {};
    const promise = new Promise<void>((done) => (resolve = done));
    joinedRef.current = { promise, resolve };
  };

  useEffect(() => {
    resetJoined();
    const socket = io({ path: "/socket.io", withCredentials: true });
    socketRef.current = socket;

    socket.on("connect", async () => {
      const sentAt = Date.now();
      const answer = (await socket.timeout(ANSWER_TIMEOUT_MS).emitWithAck("room:join", { workshopId, room, display }).catch(() => null)) as LiveAck<RoomSnapshot> | null;
      if (!answer) return; // The connection dropped again: the next "connect" retries.
      if (!answer.ok) {
        setError(answer.error);
        return;
      }
      // Half the round trip is the best guess of how old the server's clock reading is.
      clockOffset.current = answer.data.serverNow + (Date.now() - sentAt) / 2 - Date.now();
      setSnapshot(answer.data);
      setJoinVersion((version) => version + 1);
      setStatus("online");
      setError(null);
      joinedRef.current?.resolve();
    });
    socket.on("disconnect", () => {
      setStatus("offline");
      resetJoined();
    });
    socket.on("connect_error", (cause: Error) => {
      setStatus("offline");
      if (cause.message === "unauthenticated") setError("unauthenticated");
    });
    socket.on("presence:changed", ({ present }: { present: PresentPerson[] }) => {
      setSnapshot((current) => (current ? { ...current, present } : current));
    });
    socket.on("agenda:current", ({ item }: { item: AgendaItemView | null }) => {
      setSnapshot((current) => (current ? { ...current, currentAgendaItem: item } : current));
    });
    socket.on("stage:changed", ({ stage }: { stage: RoomSnapshot["stage"] }) => {
      setSnapshot((current) => (current ? { ...current, stage } : current));
    });
    if (followNavigation) socket.on("live:navigate", ({ to }: { to: string }) => navigate(to));
    socket.onAny((event: string, payload: unknown) => {
      for (const listener of listeners.current.get(event) ?? []) listener(payload as never);
    });
    return () => {
      socket.disconnect();
      socketRef.current = null;
    };
  }, [workshopId, room, navigate, followNavigation, display]);

  const request = useCallback(async <T,>(event: string, payload?: unknown): Promise<LiveAck<T>> => {
    const socket = socketRef.current;
    if (!socket) return { ok: false, error: "offline" };
    const joined = joinedRef.current?.promise ?? Promise.resolve();
    const timedOut = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), ANSWER_TIMEOUT_MS * 3));
    if ((await Promise.race([joined, timedOut])) === "timeout") return { ok: false, error: "offline" };
    try {
      return (await socket.timeout(ANSWER_TIMEOUT_MS).emitWithAck(event, payload)) as LiveAck<T>;
    } catch {
      return { ok: false, error: "offline" };
    }
  }, []);

  const on = useCallback(<T,>(event: string, listener: (payload: T) => void) => {
    const forEvent = listeners.current.get(event) ?? new Set();
    listeners.current.set(event, forEvent);
    forEvent.add(listener as (payload: never) => void);
    return () => {
      forEvent.delete(listener as (payload: never) => void);
    };
  }, []);

  const serverNow = useCallback(() => Date.now() + clockOffset.current, []);

  return useMemo(
    () => ({ status, snapshot, joinVersion, error, request, on, serverNow }),
    [status, snapshot, joinVersion, error, request, on, serverNow],
  );
}
