import type { Translation } from "../../types";
import type fr from "../fr/live";

export default {
  plenary: "Plenary",
  place: "Room: {{place}}",
  enter: "Join live",
  status: {
    connecting: "Connecting…",
    online: "Live",
    offline: "Offline — reconnecting automatically…",
  },
  agenda: {
    now: "Now:",
    none: "no agenda item running.",
  },
  rooms: {
    label: "Live rooms",
    mine: "my session",
  },
  presence: {
    title: "Here ({{count}})",
    inPerson: "In the room",
    remote: "Remote",
  },
  screen: {
    open: "Room screen",
    join: "Join from your phone",
    joinQr: "QR code to join the workshop",
    timer: "Time",
    noTimer: "No timer running.",
    poll: "Poll",
    noPoll: "No open poll.",
    questions: "Most supported questions",
    noQuestions: "No questions yet.",
    votes: "{{count}} vote(s)",
  },
  errors: {
    unauthenticated: "Your session expired: sign in again to join live.",
    forbidden: "You are not allowed to do this in this room.",
    invalidPayload: "This request is not valid.",
    rateLimited: "Too many requests at once: wait a moment.",
    notFound: "This item does not exist, or no longer does.",
    notInRoom: "You are not in the room yet: wait while connecting.",
    muted: "A facilitator muted you in the chat and questions.",
    pollClosed: "This poll is closed.",
    sessionFull: "This session is full: no seat left.",
    internal: "Something went wrong. Please try again.",
    offline: "No connection: what you typed is kept, try again when the connection is back.",
  },
} satisfies Translation<typeof fr>;
