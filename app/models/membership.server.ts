import { getDb } from "~/db/client.server";
import type { WorkshopRole } from "~/generated/prisma/enums";

/** Everyone who holds a role in the workshop, organisers first, then by name. */
export async function listMembers({ workshopId }: { workshopId: string }) {
  const memberships = await getDb().membership.findMany({
    where: { workshopId },
    select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
  });
  return memberships.map(({ user, ...membership }) => ({ ...membership, ...user }));
}

export type MembershipChange =
  | { ok: true; name: string; role: WorkshopRole | null }
  | { ok: false; reason: "notMember" | "lastOrganiser" };

/**
 * Changes someone's role (or removes them with `role: null`). A workshop always keeps at least one organiser,
 * otherwise nobody could manage it any more; the count is taken inside the transaction that changes the row.
 */
export async function changeMembership({
  workshopId,
  userId,
  role,
  actorId,
}: {
  workshopId: string;
  userId: string;
  role: WorkshopRole | null;
  actorId: string;
}): Promise<MembershipChange> {
  return getDb().$transaction(async (tx) => {
    // Locking the organisers' rows first makes two organisers demoting each other at once wait for one another.
    const organisers = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT id FROM "Membership" WHERE "workshopId" = ${workshopId} AND role = 'ORGANISER' FOR UPDATE`;
    const membership = await tx.membership.findUnique({
      where: { workshopId_userId: { workshopId, userId } },
      select: { id: true, role: true, user: { select: { name: true } } },
    });
    if (!membership) return { ok: false, reason: "notMember" } as const;
    if (membership.role === "ORGANISER" && role !== "ORGANISER" && organisers.length <= 1) {
      return { ok: false, reason: "lastOrganiser" } as const;
    }
    if (role) {
      await tx.membership.update({ where: { id: membership.id }, data: { role } });
    } else {
      await tx.membership.delete({ where: { id: membership.id } });
      // Facilitation is assigned per session; someone who left the workshop no longer facilitates any of them.
      await tx.sessionFacilitator.deleteMany({ where: { userId, session: { workshopId } } });
    }
    await tx.auditLog.create({
      data: {
        workshopId,
        actorId,
        action: role ? "membership.role_changed" : "membership.removed",
        subjectType: "User",
        subjectId: userId,
        data: { from: membership.role, to: role },
      },
    });
    return { ok: true, name: membership.user.name, role } as const;
  });
}
