import { randomBytes } from "node:crypto";
import { getDb } from "~/db/client.server";
import type { WorkshopFormat, WorkshopRole, WorkshopStatus } from "~/generated/prisma/enums";
import { createUser } from "~/models/user.server";

export const TEST_PASSWORD = "correct horse battery";

/** A person with an account and a password, optionally holding a role in a workshop. */
export async function makeUser(name: string, membership?: { workshopId: string; role: WorkshopRole }) {
  const local =
    name
      .toLowerCase()
      .replace(/[^a-z]+/g, ".")
      .replace(/^\.+|\.+$/g, "") || "user";
  const email = `${local}.${randomBytes(3).toString("hex")}@example.test`;
  const user = await createUser({ email, name, password: TEST_PASSWORD });
  if (membership) await getDb().membership.create({ data: { ...membership, userId: user.id } });
  return { id: user.id, email, name };
}

/** A workshop of its own for a test, so tests never share seats or registrations. */
export async function makeWorkshop(options: {
  format?: WorkshopFormat;
  status?: WorkshopStatus;
  sessions?: Array<{ title: string; capacity: number | null }>;
}) {
  const db = getDb();
  const workshop = await db.workshop.create({
    data: {
      title: `Atelier ${randomBytes(3).toString("hex")}`,
      startsAt: new Date("2030-03-01T09:00:00Z"),
      endsAt: new Date("2030-03-01T17:00:00Z"),
      format: options.format ?? "HYBRID",
      status: options.status ?? "PUBLISHED",
      joinCode: randomBytes(4).toString("hex").toUpperCase(),
    },
  });
  const sessions = [];
  for (const [position, session] of (options.sessions ?? []).entries()) {
    sessions.push(await db.session.create({ data: { workshopId: workshop.id, position, ...session } }));
  }
  const organiser = await makeUser("Organiser", { workshopId: workshop.id, role: "ORGANISER" });
  return { workshop, sessions, organiser };
}
