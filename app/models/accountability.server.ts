import { getDb } from "~/db/client.server";
import type { Visibility, WorkshopRole } from "~/generated/prisma/enums";

/**
 * What became of each recommendation: its status, the committee's latest decision and the progress of its
 * follow-up actions. Members of the workshop see all of them; peers from other institutions those shared with
 * peers or the public; everyone else, signed in or not, the public ones. Drafts and merged ones are not listed.
 */

export function accountabilityVisibilities(role: WorkshopRole | null): Visibility[] | "all" {
  if (role === null) return ["PUBLIC"];
  if (role === "PEER") return ["PEERS", "PUBLIC"];
  return "all";
}

export async function listAccountability({ workshopId, role }: { workshopId: string; role: WorkshopRole | null }) {
  const visibilities = accountabilityVisibilities(role);
  const rows = await getDb().recommendation.findMany({
    where: {
      workshopId,
      status: { notIn: ["DRAFT", "MERGED"] },
      ...(visibilities === "all" ? {} : { visibility: { in: visibilities } }),
    },
    orderBy: [{ session: { position: "asc" } }, { title: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      status: true,
      theme: true,
      visibility: true,
      ownerInstitution: true,
      session: { select: { title: true } },
      decisions: { orderBy: { decidedAt: "desc" }, take: 1, select: { outcome: true, rationale: true, changes: true, decidedAt: true } },
      followUps: {
        orderBy: { dueDate: "asc" },
        select: { id: true, title: true, ownerInstitution: true, dueDate: true, status: true, progress: true },
      },
    },
  });
  return rows.map(({ decisions, followUps, ...row }) => ({
    ...row,
    decision: decisions[0] ?? null,
    followUps,
    // The mean progress of its actions: one figure to follow it by.
    progress: followUps.length === 0 ? null : Math.round(followUps.reduce((sum, action) => sum + action.progress, 0) / followUps.length),
  }));
}
