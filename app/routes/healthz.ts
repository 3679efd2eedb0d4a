import { json } from "@remix-run/node";
import { getDb } from "~/db/client.server";

/** For load balancers and monitoring: 200 when the database answers, 503 when it does not. */
export async function loader() {
  const started = Date.now();
  try {
    await getDb().$queryRaw`SELECT 1`;
    return json({ status: "ok", database: { reachable: true, latencyMs: Date.now() - started } }, { headers: noStore });
  } catch (error) {
    return json(
      { status: "unavailable", database: { reachable: false, error: (error as Error).message.split("\n")[0] } },
      { status: 503, headers: noStore },
    );
  }
}

const noStore = { "Cache-Control": "no-store" };
