import { describe, expect, it } from "vitest";
import {
  applicableTimer,
  extendedTimer,
  formatRemaining,
  pausedTimer,
  remainingMs,
  resumedTimer,
  startedTimer,
  TIMER_MAX_MS,
  type TimerView,
} from "~/live/timer-clock";

const T0 = 1_700_000_000_000;
const MINUTE = 60_000;

describe("remaining time of a countdown", () => {
  it("counts down from the end by the given clock, and never below zero", () => {
    const timer = startedTimer(5 * MINUTE, T0);
    expect(remainingMs(timer, T0)).toBe(5 * MINUTE);
    expect(remainingMs(timer, T0 + 61_500)).toBe(5 * MINUTE - 61_500);
    expect(remainingMs(timer, T0 + 5 * MINUTE)).toBe(0);
    expect(remainingMs(timer, T0 + 10 * MINUTE)).toBe(0);
  });

  it("freezes while paused and resumes from what was left", () => {
    const paused = pausedTimer(startedTimer(5 * MINUTE, T0), T0 + MINUTE);
    expect(paused).toEqual({ endsAt: null, remainingMs: 4 * MINUTE, durationMs: 5 * MINUTE });
    expect(remainingMs(paused, T0 + 30 * MINUTE)).toBe(4 * MINUTE);
    const resumed = resumedTimer(paused, T0 + 10 * MINUTE);
    expect(resumed).toEqual({ endsAt: T0 + 14 * MINUTE, remainingMs: null, durationMs: 5 * MINUTE });
    expect(remainingMs(resumed, T0 + 12 * MINUTE)).toBe(2 * MINUTE);
  });

  it("pausing a paused timer or resuming a running one changes nothing", () => {
    const running = startedTimer(MINUTE, T0);
    expect(resumedTimer(running, T0 + 1000)).toBe(running);
    const paused = pausedTimer(running, T0 + 1000);
    expect(pausedTimer(paused, T0 + 5000)).toBe(paused);
  });

  it("extends from what is left now, running or paused, and grows the whole length", () => {
    const running = extendedTimer(startedTimer(3 * MINUTE, T0), MINUTE, T0 + MINUTE);
    expect(running).toEqual({ endsAt: T0 + 4 * MINUTE, remainingMs: null, durationMs: 4 * MINUTE });
    const paused = extendedTimer(pausedTimer(startedTimer(3 * MINUTE, T0), T0 + MINUTE), -30_000, T0 + 2 * MINUTE);
    expect(paused).toEqual({ endsAt: null, remainingMs: 90_000, durationMs: 150_000 });
  });

  it("taking away more than is left ends the countdown at zero, and adding to an ended one restarts from now", () => {
    const ended = extendedTimer(startedTimer(MINUTE, T0), -5 * MINUTE, T0 + 10_000);
    expect(remainingMs(ended, T0 + 10_000)).toBe(0);
    expect(ended.durationMs).toBeGreaterThanOrEqual(1);
    const again = extendedTimer(startedTimer(MINUTE, T0), MINUTE, T0 + 3 * MINUTE);
    expect(again.endsAt).toBe(T0 + 4 * MINUTE);
  });

  it("never grows beyond the longest timer", () => {
    const long = extendedTimer(startedTimer(TIMER_MAX_MS, T0), TIMER_MAX_MS, T0);
    expect(remainingMs(long, T0)).toBe(TIMER_MAX_MS);
    expect(long.durationMs).toBe(TIMER_MAX_MS);
  });
});

describe("the countdown a room shows", () => {
  const room: TimerView = { scope: "room", ...startedTimer(MINUTE, T0) };
  const all: TimerView = { scope: "allSessions", ...startedTimer(20 * MINUTE, T0) };

  it("is the room's own while it counts, paused included, then the all-sessions one", () => {
    expect(applicableTimer({ room, allSessions: all }, T0 + 1000)).toBe(room);
    const paused: TimerView = { scope: "room", ...pausedTimer(room, T0 + 1000) };
    expect(applicableTimer({ room: paused, allSessions: all }, T0 + 5 * MINUTE)).toBe(paused);
    expect(applicableTimer({ room, allSessions: all }, T0 + 2 * MINUTE)).toBe(all);
  });

  it("keeps showing the room's ended timer when there is nothing else, and nothing when there is no timer", () => {
    expect(applicableTimer({ room, allSessions: null }, T0 + 2 * MINUTE)).toBe(room);
    expect(applicableTimer({ room: null, allSessions: all }, T0)).toBe(all);
    expect(applicableTimer({ room: null, allSessions: null }, T0)).toBeNull();
  });
});

describe("showing the remaining time", () => {
  it("rounds seconds up so that zero appears only when the time is up", () => {
    expect(formatRemaining(5 * MINUTE)).toBe("5:00");
    expect(formatRemaining(4 * MINUTE + 59_001)).toBe("5:00");
    expect(formatRemaining(65_000)).toBe("1:05");
    expect(formatRemaining(1)).toBe("0:01");
    expect(formatRemaining(0)).toBe("0:00");
    expect(formatRemaining(-500)).toBe("0:00");
    expect(formatRemaining(3 * 3600_000 + 2 * MINUTE + 9000)).toBe("3:02:09");
  });
});
