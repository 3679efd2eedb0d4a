import { viewerOf } from "~/peers/visibility";
import type { PracticeViewer } from "./access";

/** Who is looking at practices: the signed-in person (or nobody), with what app/practices/access.ts needs to know. */
export function practiceViewerOf(
  user: { id: string; organisationId: string | null; platformModerator: boolean; organisationAdmin: boolean } | null,
): PracticeViewer {
  return { ...viewerOf(user), organisationAdmin: user?.organisationAdmin ?? false };
}
