/** Chat in live rooms: what the server sends and the limits both sides check. */
export const CHAT_BODY_MAX = 2000;
export const CHAT_HISTORY_SIZE = 100;
export const CLIENT_ID_MAX = 64;

export interface ChatMessageView {
  id: string;
  /** Chosen by the author's device, so it can recognise its own pending message when it comes back. */
  clientId: string;
  room: string;
  author: { id: string; name: string };
  /** Null once a facilitator deleted the message: its text is not sent any more. */
  body: string | null;
  deleted: boolean;
  /** Sent by the organisers to every room of the workshop. */
  broadcast: boolean;
  createdAt: string;
}

export interface ChatSnapshot {
  messages: ChatMessageView[];
  /** Whether I may not write (a facilitator muted me in this workshop). */
  muted: boolean;
  /** Who is muted in the workshop: only facilitators receive it, others get an empty list. */
  mutedUserIds: string[];
  /** The workshop's time zone, in which message times are shown. */
  timezone: string;
}

export interface ChatMuteChange {
  userId: string;
  muted: boolean;
}
