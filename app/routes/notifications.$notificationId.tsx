import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { openNotification } from "~/models/notifications.server";
import { notFound } from "~/utils/http.server";

/** Opening a notification from the list: it is marked read on the way to what it is about. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const target = await openNotification({ user, notificationId: params.notificationId ?? "" });
  return redirect(target ?? notFound());
}

/** Never rendered (the loader always redirects), but it makes a stale or foreign link show the translated 404 page. */
export default function OpenNotification() {
  return null;
}
