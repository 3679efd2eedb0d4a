import type { ComponentType } from "react";
import type { LiveRoom } from "~/live/use-live-room";

/** A part of the live room page, fed by the room's connection. */
export interface LivePanel {
  id: string;
  /** i18n key (`namespace:key`) of the panel's heading. */
  titleKey: string;
  Component: ComponentType<{ live: LiveRoom }>;
}

/** The live room's panels in the order they appear (on a phone, one under the other). */
export const LIVE_PANELS: LivePanel[] = [];
