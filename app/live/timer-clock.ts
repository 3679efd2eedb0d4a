/**
 * Countdown arithmetic, shared by the server (which stores timers) and the browser (which shows them). A timer is
 * stored as the moment it ends while it runs, or as what was left while it is paused: every node and every device
 * then derives the same remaining time from the server's clock, without anyone ticking a counter.
 */
export const TIMER_MIN_MS = 10_000;
export const TIMER_MAX_MS = 4 * 60 * 60_000;

/** A countdown for the room one is in, or for every parallel session at once (started by an organiser). */
export type TimerScope = "room" | "allSessions";

export interface TimerState {
  /** Server clock (epoch ms) when a running timer reaches zero; null while paused. */
  endsAt: number | null;
  /** What a paused timer has left; null while running. */
  remainingMs: number | null;
  /** The whole length, extensions included, for the progress bar. */
  durationMs: number;
}

export interface TimerView extends TimerState {
  scope: TimerScope;
}

export interface RoomTimers {
  room: TimerView | null;
  allSessions: TimerView | null;
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

export const isRunning = (timer: TimerState) => timer.endsAt !== null;

export function remainingMs(timer: TimerState, now: number): number {
  if (timer.endsAt !== null) return Math.max(0, timer.endsAt - now);
  return Math.max(0, timer.remainingMs ?? 0);
}

export const isFinished = (timer: TimerState, now: number) => remainingMs(timer, now) === 0;

export function startedTimer(durationMs: number, now: number): TimerState {
  return { endsAt: now + durationMs, remainingMs: null, durationMs };
}

export function pausedTimer(timer: TimerState, now: number): TimerState {
  if (!isRunning(timer)) return timer;
  return { endsAt: null, remainingMs: remainingMs(timer, now), durationMs: timer.durationMs };
}

export function resumedTimer(timer: TimerState, now: number): TimerState {
  if (isRunning(timer)) return timer;
  return { endsAt: now + remainingMs(timer, now), remainingMs: null, durationMs: timer.durationMs };
}

/**
 * Adds (or, when negative, takes away) time from what is left now. Never below zero — taking away more than is
 * left ends the countdown — and never above the longest timer; the whole length follows so progress stays sensible.
 */
export function extendedTimer(timer: TimerState, ms: number, now: number): TimerState {
  const left = clamp(remainingMs(timer, now) + ms, 0, TIMER_MAX_MS);
  const durationMs = Math.max(left, clamp(timer.durationMs + ms, 1, TIMER_MAX_MS));
  return isRunning(timer) ? { endsAt: now + left, remainingMs: null, durationMs } : { endsAt: null, remainingMs: left, durationMs };
}

/**
 * The countdown a room shows: its own while it still counts (running or paused with time left), otherwise the
 * all-sessions one; a room timer that reached zero stays on screen ("time is up") until someone starts or stops one.
 */
export function applicableTimer(timers: RoomTimers, now: number): TimerView | null {
  if (timers.room && !isFinished(timers.room, now)) return timers.room;
  return timers.allSessions ?? timers.room;
}

/** "4:05" or "1:02:09"; seconds are rounded up so that "0:00" appears exactly when the time is up. */
export function formatRemaining(ms: number): string {
  const totalSeconds = Math.ceil(Math.max(0, ms) / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const ss = String(seconds).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${ss}` : `${minutes}:${ss}`;
}
