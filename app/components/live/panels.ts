import type { ComponentType } from "react";
import type { LiveRoom } from "~/live/use-live-room";
import { AgendaControl } from "./agenda-control";
import { ChatPanel } from "./chat-panel";
import { HandsPanel } from "./hands-panel";
import { HelpPanel } from "./help-button";
import { PollsPanel } from "./polls-panel";
import { QuestionsPanel } from "./questions-panel";
import { TimerPanel } from "./timer-panel";

/** A part of the live room page, fed by the room's connection. */
export interface LivePanel {
  id: string;
  /** i18n key (`namespace:key`) of the panel's heading. */
  titleKey: string;
  Component: ComponentType<{ live: LiveRoom }>;
}

/** The live room's panels in the order they appear (on a phone, one under the other). */
export const LIVE_PANELS: LivePanel[] = [
  { id: "agenda-control", titleKey: "console:agendaControl.title", Component: AgendaControl },
  { id: "timer", titleKey: "livetools:timer.title", Component: TimerPanel },
  { id: "hands", titleKey: "livetools:hands.title", Component: HandsPanel },
  { id: "chat", titleKey: "livechat:chat.title", Component: ChatPanel },
  { id: "questions", titleKey: "livechat:questions.title", Component: QuestionsPanel },
  { id: "polls", titleKey: "polls:panel.title", Component: PollsPanel },
  { id: "help", titleKey: "livetools:help.title", Component: HelpPanel },
];
