import { getDb } from "~/db/client.server";
import { DEMO_JOIN_CODE, seedDemoWorkshop } from "~/db/seed-demo.server";

/** Seeds the demo workshop and returns its id, which every fresh test database gives a new value. */
export async function seedDemo(): Promise<string> {
  await seedDemoWorkshop();
  return (await getDb().workshop.findUniqueOrThrow({ where: { joinCode: DEMO_JOIN_CODE } })).id;
}
