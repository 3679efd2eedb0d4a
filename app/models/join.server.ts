import { getDb } from "~/db/client.server";
import { modeForJoinCode } from "~/utils/attendance";
import { normaliseJoinCode } from "~/utils/join-code";
import { isUniqueViolation, registerInTransaction, type RegistrationRefusal } from "./registration.server";

/** The published workshop behind a code typed or scanned in the room; drafts cannot be joined. */
export async function findWorkshopByJoinCode({ code }: { code: string }) {
  const joinCode = normaliseJoinCode(code);
  if (!joinCode) return null;
  return getDb().workshop.findFirst({
    where: { joinCode: { equals: joinCode, mode: "insensitive" }, status: "PUBLISHED" },
    select: { id: true, title: true, format: true, joinCode: true },
  });
}

export type GuestJoinOutcome = { ok: true; userId: string } | { ok: false; reason: RegistrationRefusal | "emailTaken" };

/**
 * Someone in the room without an account: a guest user (no password) who is a participant and registered, all
 * or nothing, so a full session does not leave an orphan account behind. An e-mail that already has an account
 * is refused rather than attached: typing someone's address must not hand over their account.
 */
export async function joinAsGuest(input: {
  workshopId: string;
  name: string;
  email: string | null;
  sessionId: string | null;
  locale: string | null;
}): Promise<GuestJoinOutcome> {
  const db = getDb();
  const email = input.email?.toLowerCase() ?? null;
  if (email && (await db.user.findUnique({ where: { email }, select: { id: true } })))
    return { ok: false, reason: "emailTaken" };
  const workshop = await db.workshop.findUnique({ where: { id: input.workshopId }, select: { format: true } });
  if (!workshop) return { ok: false, reason: "unknownSession" };
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name: input.name, email, locale: input.locale },
        select: { id: true },
      });
      const outcome = await registerInTransaction(tx, {
        workshopId: input.workshopId,
        userId: user.id,
        mode: modeForJoinCode(workshop.format),
        sessionId: input.sessionId,
      });
      if (!outcome.ok) throw new RefusedJoin(outcome.reason);
      return { ok: true as const, userId: user.id };
    });
  } catch (error) {
    if (error instanceof RefusedJoin) return { ok: false, reason: error.reason };
    // The same address submitted twice at once: the second insert hits the unique e-mail.
    if (email && isUniqueViolation(error)) return { ok: false, reason: "emailTaken" };
    throw error;
  }
}

/** Thrown inside the transaction so that the guest account created a moment before is rolled back. */
class RefusedJoin extends Error {
  constructor(readonly reason: RegistrationRefusal) {
    super(reason);
  }
}
