import { useCallback, useEffect, useRef, useState } from "react";

const STORAGE_KEY = "majlis.timerSound";
const BEEP_SECONDS = 0.5;

/**
 * The timer's audible end. Browsers only let a page make sound after the person interacted with it, so the sound
 * is off until they switch it on (that click unlocks audio); the choice is remembered on this device, and on the
 * next visit their first tap or key press anywhere unlocks audio again.
 */
export function useEndBeep() {
  const [soundOn, setSoundOn] = useState(false);
  const audio = useRef<AudioContext | null>(null);

  const unlock = useCallback(() => {
    audio.current ??= new AudioContext();
    void audio.current.resume();
  }, []);

  useEffect(() => {
    const remembered = window.localStorage.getItem(STORAGE_KEY) === "on";
    setSoundOn(remembered);
    if (!remembered) return;
    const events = ["pointerdown", "keydown"] as const;
    const onGesture = () => {
      unlock();
      for (const event of events) window.removeEventListener(event, onGesture);
    };
    for (const event of events) window.addEventListener(event, onGesture);
    return () => {
      for (const event of events) window.removeEventListener(event, onGesture);
    };
  }, [unlock]);

  const toggleSound = useCallback(() => {
    const next = !soundOn;
    if (next) unlock();
    window.localStorage.setItem(STORAGE_KEY, next ? "on" : "off");
    setSoundOn(next);
  }, [soundOn, unlock]);

  const beep = useCallback(() => {
    const context = audio.current;
    if (!soundOn || !context || context.state !== "running") return;
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    const start = context.currentTime;
    oscillator.frequency.value = 880;
    gain.gain.setValueAtTime(0.25, start);
    gain.gain.exponentialRampToValueAtTime(0.001, start + BEEP_SECONDS);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start);
    oscillator.stop(start + BEEP_SECONDS);
  }, [soundOn]);

  return { soundOn, toggleSound, beep };
}
