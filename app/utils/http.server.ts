import { json } from "@remix-run/node";

/** Thrown from loaders and actions; the error boundary turns them into proper, translated error pages. */
export function notFound(): never {
  throw json({ reason: "notFound" }, { status: 404 });
}

export function forbidden(): never {
  throw json({ reason: "forbidden" }, { status: 403 });
}

export function badRequest(): never {
  throw json({ reason: "badRequest" }, { status: 400 });
}
