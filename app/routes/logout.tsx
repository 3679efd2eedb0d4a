import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { endLoginSession } from "~/auth/session.server";

export async function action({ request }: ActionFunctionArgs) {
  return redirect("/", { headers: { "Set-Cookie": await endLoginSession(request) } });
}

/** Signing out is a POST (a link could be triggered by another site); a GET just goes home. */
export function loader() {
  return redirect("/");
}
