import type { AttendanceMode, WorkshopFormat } from "~/generated/prisma/enums";

/** The ways of attending that a workshop's format allows, in the order they are offered. */
export function modesOffered(format: WorkshopFormat): AttendanceMode[] {
  switch (format) {
    case "IN_PERSON":
      return ["IN_PERSON"];
    case "ONLINE":
      return ["REMOTE"];
    case "HYBRID":
      return ["IN_PERSON", "REMOTE"];
  }
}

/** Joining with the room's code means being there, except for an online workshop, which has no room. */
export function modeForJoinCode(format: WorkshopFormat): AttendanceMode {
  return format === "ONLINE" ? "REMOTE" : "IN_PERSON";
}
