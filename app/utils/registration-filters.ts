import type { AttendanceMode } from "~/generated/prisma/enums";

/** The organiser's filters, read from the query string so a filtered list can be bookmarked and exported as is. */
export interface RegistrationFilterParams {
  query?: string;
  mode?: AttendanceMode;
  sessionId?: string;
  checkedIn?: boolean;
}

export function filtersFromSearchParams(params: URLSearchParams): RegistrationFilterParams {
  const mode = params.get("mode");
  const checkedIn = params.get("checkedIn");
  return {
    query: params.get("q")?.trim().slice(0, 200) || undefined,
    mode: mode === "IN_PERSON" || mode === "REMOTE" ? mode : undefined,
    sessionId: params.get("session") || undefined,
    checkedIn: checkedIn === "yes" ? true : checkedIn === "no" ? false : undefined,
  };
}
