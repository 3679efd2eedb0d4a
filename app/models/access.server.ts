import { boardPermission } from "~/boards/permissions";
import type { Prisma } from "~/generated/prisma/client";
import type { WorkshopRole } from "~/generated/prisma/enums";
import { getDb } from "~/db/client.server";
import { forbidden, notFound } from "~/utils/http.server";
import { effectiveWorkshopRole } from "~/utils/roles";

/**
 * Who may do what in a workshop. Every loader and action asks here, per workshop, before reading or changing
 * anything of it.
 */
export type Capability =
  | "workshop.view"
  | "workshop.edit"
  | "workshop.register"
  | "registrations.manage"
  | "checkin"
  | "people.manage"
  | "polls.prepare"
  | "live.console"
  | "boards.view"
  | "boards.manage"
  | "recommendations.view"
  | "committee.view"
  | "committee.manage"
  | "committee.decide";

const ORGANISER_ONLY: Capability[] = ["workshop.edit", "registrations.manage", "checkin", "people.manage", "live.console", "committee.manage"];

export interface WorkshopAccess {
  role: WorkshopRole | null;
  published: boolean;
  /** Sessions this user facilitates (facilitators are assigned per session). */
  facilitatedSessionIds: string[];
}

export function can(access: WorkshopAccess, capability: Capability): boolean {
  if (ORGANISER_ONLY.includes(capability)) return access.role === "ORGANISER";
  if (capability === "workshop.view") return access.published || access.role !== null;
  if (capability === "workshop.register") return access.published || access.role !== null;
  // Facilitators prepare the polls of their own sessions; which rooms exactly is checked per poll.
  if (capability === "polls.prepare") return access.role === "ORGANISER" || access.facilitatedSessionIds.length > 0;
  // Boards are the members' work; which sessions and which boards exactly: app/boards/permissions.ts.
  if (capability === "boards.view") return boardPermission(access) !== null;
  if (capability === "boards.manage") return access.role === "ORGANISER" || access.facilitatedSessionIds.length > 0;
  // Which recommendations exactly (drafts, peers' visibility): app/recommendations/permissions.ts.
  if (capability === "recommendations.view") return access.role !== null || access.facilitatedSessionIds.length > 0;
  // The steering committee's pages (meetings, dossiers, follow-up, dashboard): its members and the organisers who
  // prepare them; only members decide.
  if (capability === "committee.view") return access.role === "ORGANISER" || access.role === "COMMITTEE_MEMBER";
  if (capability === "committee.decide") return access.role === "COMMITTEE_MEMBER";
  return false;
}

/**
 * The role this person holds in this workshop: their membership, else the role of their institution when it takes
 * part in the workshop (app/utils/roles.ts). Everything that decides rights asks here — pages through
 * `getWorkshopAccess`, the live rooms, the board sockets — so that they never disagree. One query; `db` lets a
 * transaction ask.
 */
export async function findWorkshopRole({
  workshopId,
  userId,
  db = getDb(),
}: {
  workshopId: string;
  userId: string;
  db?: Prisma.TransactionClient;
}): Promise<WorkshopRole | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      memberships: { where: { workshopId }, select: { role: true } },
      organisation: { select: { workshopParticipations: { where: { workshopId }, select: { role: true } } } },
    },
  });
  if (!user) return null;
  return effectiveWorkshopRole(user.memberships[0]?.role ?? null, user.organisation?.workshopParticipations[0]?.role ?? null);
}

export async function getWorkshopAccess({ workshopId, userId }: { workshopId: string; userId: string | null }) {
  const db = getDb();
  const workshop = await db.workshop.findUnique({ where: { id: workshopId }, select: { id: true, status: true } });
  if (!workshop) return null;
  const [role, facilitated] = userId
    ? await Promise.all([
        findWorkshopRole({ workshopId, userId }),
        db.sessionFacilitator.findMany({ where: { userId, session: { workshopId } }, select: { sessionId: true } }),
      ])
    : [null, []];
  return {
    role,
    published: workshop.status === "PUBLISHED",
    facilitatedSessionIds: facilitated.map((row) => row.sessionId),
  } satisfies WorkshopAccess;
}

/** The access of this user to this workshop after checking the capability: 404 when absent, 403 when refused. */
export async function requireCapability(input: { workshopId: string; userId: string | null; capability: Capability }) {
  const access = await getWorkshopAccess(input);
  if (!access) notFound();
  if (!can(access, input.capability)) {
    // A draft stays invisible to outsiders: they get the same answer as for a workshop that does not exist.
    if (!access.published && access.role === null) notFound();
    forbidden();
  }
  return access;
}
