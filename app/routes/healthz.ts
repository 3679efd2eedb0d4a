import { json } from "@remix-run/node";
import { databaseLatencyMs } from "~/models/health.server";

/** For load balancers and monitoring: 200 when the database answers, 503 when it does not. */
export async function loader() {
  try {
    const latencyMs = await databaseLatencyMs();
    return json({ status: "ok", database: { reachable: true, latencyMs } }, { headers: noStore });
  } catch (error) {
    // The cause goes to the server's log, not to whoever asks: it can name internal hosts.
    console.error("healthz: database unreachable:", (error as Error).message.split("\n")[0]);
    return json({ status: "unavailable", database: { reachable: false } }, { status: 503, headers: noStore });
  }
}

const noStore = { "Cache-Control": "no-store" };
