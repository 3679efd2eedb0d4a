import { hashPassword } from "~/auth/password.server";
import { hashToken, newToken } from "~/auth/tokens.server";
import { getDb } from "~/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import type { WorkshopRole } from "~/generated/prisma/enums";
import { roleAfterInvitation } from "~/utils/roles";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export type InvitationStatus = "PENDING" | "ACCEPTED" | "EXPIRED";

export function invitationStatus(invitation: { acceptedAt: Date | null; expiresAt: Date }, now = new Date()): InvitationStatus {
  if (invitation.acceptedAt) return "ACCEPTED";
  return invitation.expiresAt > now ? "PENDING" : "EXPIRED";
}

/** A new single-use invitation; the token is returned once, only its hash is stored. */
export async function createInvitation({
  workshopId,
  invitedById,
  role,
  email,
}: {
  workshopId: string;
  invitedById: string;
  role: WorkshopRole;
  email: string | null;
}) {
  const token = newToken();
  const db = getDb();
  const invitation = await db.$transaction(async (tx) => {
    const created = await tx.invitation.create({
      data: {
        workshopId,
        invitedById,
        role,
        email: email?.toLowerCase() ?? null,
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
      },
      select: { id: true, email: true, role: true, workshop: { select: { title: true } } },
    });
    await tx.auditLog.create({
      data: {
        workshopId,
        actorId: invitedById,
        action: "invitation.created",
        subjectType: "Invitation",
        subjectId: created.id,
        data: { role, email: created.email },
      },
    });
    return created;
  });
  return { invitation, token };
}

export async function listInvitations({ workshopId }: { workshopId: string }) {
  const rows = await getDb().invitation.findMany({
    where: { workshopId },
    select: { id: true, email: true, role: true, expiresAt: true, acceptedAt: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
  const now = new Date();
  return rows.map((row) => ({ ...row, status: invitationStatus(row, now) }));
}

/**
 * Revoking deletes a pending invitation, so its link simply stops existing; the audit log keeps who revoked what.
 * Accepted invitations stay as the record of how someone joined. Returns false when nothing was revoked.
 */
export async function revokeInvitation({ workshopId, invitationId, actorId }: { workshopId: string; invitationId: string; actorId: string }) {
  return getDb().$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({
      where: { id: invitationId, workshopId, acceptedAt: null },
      select: { id: true, email: true, role: true },
    });
    if (!invitation) return false;
    await tx.invitation.delete({ where: { id: invitation.id } });
    await tx.auditLog.create({
      data: {
        workshopId,
        actorId,
        action: "invitation.revoked",
        subjectType: "Invitation",
        subjectId: invitation.id,
        data: { role: invitation.role, email: invitation.email },
      },
    });
    return true;
  });
}

export type InvitationLookup =
  | { state: "unknown" }
  | { state: "EXPIRED" | "ACCEPTED" }
  | {
      state: "PENDING";
      invitation: { id: string; email: string | null; role: WorkshopRole; workshopId: string; workshopTitle: string };
    };

/** What an invite link leads to: unknown (never existed or revoked), used, expired, or an invitation to accept. */
export async function findInvitationByToken({ token }: { token: string }): Promise<InvitationLookup> {
  const row = await getDb().invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      email: true,
      role: true,
      workshopId: true,
      expiresAt: true,
      acceptedAt: true,
      workshop: { select: { title: true } },
    },
  });
  if (!row) return { state: "unknown" };
  const status = invitationStatus(row);
  if (status !== "PENDING") return { state: status };
  const { workshop, expiresAt: _expiresAt, acceptedAt: _acceptedAt, ...invitation } = row;
  return { state: "PENDING", invitation: { ...invitation, workshopTitle: workshop.title } };
}

type Tx = Prisma.TransactionClient;

/** Marks the invitation used in the same statement that checks it is still usable: one link, one acceptance. */
async function claimInvitation(tx: Tx, token: string) {
  const tokenHash = hashToken(token);
  const claimed = await tx.invitation.updateMany({
    where: { tokenHash, acceptedAt: null, expiresAt: { gt: new Date() } },
    data: { acceptedAt: new Date() },
  });
  if (claimed.count !== 1) return null;
  return tx.invitation.findUniqueOrThrow({ where: { tokenHash }, select: { id: true, workshopId: true, role: true } });
}

async function joinWorkshop(tx: Tx, invitation: { id: string; workshopId: string; role: WorkshopRole }, userId: string) {
  const { workshopId } = invitation;
  const current = await tx.membership.findUnique({ where: { workshopId_userId: { workshopId, userId } }, select: { role: true } });
  const role = roleAfterInvitation(current?.role ?? null, invitation.role);
  await tx.membership.upsert({
    where: { workshopId_userId: { workshopId, userId } },
    create: { workshopId, userId, role },
    update: { role },
  });
  await tx.auditLog.create({
    data: {
      workshopId,
      actorId: userId,
      action: "invitation.accepted",
      subjectType: "Invitation",
      subjectId: invitation.id,
      data: { role, previousRole: current?.role ?? null },
    },
  });
  return { workshopId, role };
}

/** A signed-in person accepts: they become a member with the invited role (never losing a higher one). */
export async function acceptInvitation({ token, userId }: { token: string; userId: string }) {
  return getDb().$transaction(async (tx) => {
    const invitation = await claimInvitation(tx, token);
    return invitation ? joinWorkshop(tx, invitation, userId) : null;
  });
}

export type AccountFromInvitation =
  | { ok: true; userId: string; workshopId: string }
  | { ok: false; reason: "invalidInvitation" | "emailTaken" };

/**
 * Someone without an account accepts: the account, the membership and the use of the invitation happen in one
 * transaction, so a failure leaves nothing half-created. An invitation sent to an address fixes that address.
 */
export async function createAccountFromInvitation(input: {
  token: string;
  name: string;
  email: string;
  password: string;
}): Promise<AccountFromInvitation> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await getDb().$transaction(async (tx) => {
      const invitation = await claimInvitation(tx, input.token);
      if (!invitation) return { ok: false, reason: "invalidInvitation" } as const;
      const { email: invitedEmail } = await tx.invitation.findUniqueOrThrow({ where: { id: invitation.id }, select: { email: true } });
      const user = await tx.user.create({
        data: { name: input.name, email: (invitedEmail ?? input.email).toLowerCase(), passwordHash },
        select: { id: true },
      });
      const { workshopId } = await joinWorkshop(tx, invitation, user.id);
      return { ok: true, userId: user.id, workshopId } as const;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ok: false, reason: "emailTaken" };
    throw error;
  }
}
