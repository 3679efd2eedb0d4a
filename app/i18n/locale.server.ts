import { createCookie } from "@remix-run/node";
import Negotiator from "negotiator";
import { DEFAULT_LANGUAGE, LANGUAGES, isLanguage, type Language } from "./config";

/** Remembers the choice of people who are not signed in (signed-in users keep it on their account). */
export const languageCookie = createCookie("majlis_lng", { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });

export interface ResolvedLanguage {
  language: Language;
  /** Set when `?lng=` changed the choice, so the response can remember it. */
  chosen?: Language;
}

/** `?lng=` first, then the user's saved choice, then the browser's Accept-Language, then French. */
export async function resolveLanguage(request: Request, savedLocale?: string | null): Promise<ResolvedLanguage> {
  const fromQuery = new URL(request.url).searchParams.get("lng");
  if (isLanguage(fromQuery)) return { language: fromQuery, chosen: fromQuery };
  if (isLanguage(savedLocale)) return { language: savedLocale };
  const fromCookie: unknown = await languageCookie.parse(request.headers.get("Cookie"));
  if (isLanguage(fromCookie)) return { language: fromCookie };
  const negotiator = new Negotiator({ headers: { "accept-language": request.headers.get("Accept-Language") ?? "" } });
  const fromBrowser = negotiator.language([...LANGUAGES]);
  return { language: isLanguage(fromBrowser) ? fromBrowser : DEFAULT_LANGUAGE };
}
