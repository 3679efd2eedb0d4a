import type { Translation } from "../../types";
import type fr from "../fr/workshop";

export default {
  nav: {
    label: "Workshop sections",
    overview: "Programme",
    details: "Details",
    sessions: "Parallel sessions",
    agenda: "Agenda",
    people: "People",
    registrations: "Registrations",
    checkin: "Check-in",
    room: "Room screen",
  },
  format: {
    IN_PERSON: "In person",
    ONLINE: "Online",
    HYBRID: "Hybrid",
  },
  status: {
    DRAFT: "Draft",
    PUBLISHED: "Published",
  },
} satisfies Translation<typeof fr>;
