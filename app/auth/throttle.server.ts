import { getDb } from "~/db/client.server";

/**
 * Slows down password guessing: after a few failures for the same e-mail (or from the same address), each new
 * attempt must wait, doubling up to 15 minutes. Kept in PostgreSQL so every server process sees the same count.
 */

// Free attempts per kind of key. A whole room shares one public address behind the venue's router, so addresses
// get many more than accounts; joining with the room's code is expected from a whole room at once.
const FREE_ATTEMPTS: Record<string, number> = { email: 5, account: 5, ip: 50, join: 500 };
const MAX_DELAY_S = 15 * 60;
const FORGET_AFTER_MS = 24 * 3600 * 1000;

function delaySeconds(key: string, failures: number): number {
  const free = FREE_ATTEMPTS[key.split(":")[0]] ?? 5;
  if (failures < free) return 0;
  return Math.min(MAX_DELAY_S, 2 ** Math.min(failures - free, 10) * 15);
}

/** Seconds the caller must still wait before another attempt with any of these keys, 0 when allowed now. */
export async function secondsUntilAllowed(keys: string[]): Promise<number> {
  const rows = await getDb().loginThrottle.findMany({ where: { key: { in: keys } } });
  const now = Date.now();
  let wait = 0;
  for (const row of rows) {
    if (now - row.lastFailure.getTime() > FORGET_AFTER_MS) continue;
    const until = row.lastFailure.getTime() + delaySeconds(row.key, row.failures) * 1000;
    wait = Math.max(wait, Math.ceil((until - now) / 1000));
  }
  return wait;
}

/** Counts an attempt: a failed sign-in, or an action that is limited in number (creating a guest account). */
export async function recordAttempt(keys: string[]) {
  const db = getDb();
  await Promise.all(
    keys.map((key) =>
      db.loginThrottle.upsert({
        where: { key },
        create: { key, failures: 1, lastFailure: new Date() },
        update: { failures: { increment: 1 }, lastFailure: new Date() },
      }),
    ),
  );
}

export async function clearAttempts(keys: string[]) {
  await getDb().loginThrottle.deleteMany({ where: { key: { in: keys } } });
}

export function throttleKeys(email: string, clientAddress: string): string[] {
  return [`email:${email.toLowerCase()}`, `ip:${clientAddress}`];
}

/** Guest accounts created with a join code, per address: a script must not fill a workshop with fake people. */
export function joinThrottleKey(clientAddress: string): string {
  return `join:${clientAddress}`;
}
