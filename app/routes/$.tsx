import { notFound } from "~/utils/http.server";

/**
 * Catches every unknown URL so that the 404 page goes through the root loader: without it Remix renders the error
 * page without the reader's language or account.
 */
export function loader(): never {
  notFound();
}

export default function UnknownPage() {
  return null;
}
