import { usedZoneTables } from "~/utils/dates";

/**
 * Carries the server's time-zone offset tables to the browser (app/utils/zone-offsets.ts says why). Rendered after
 * the page's content, so it holds every zone the page showed, and before the app's scripts, which read it.
 */
export function ZoneTablesScript() {
  const json = typeof window === "undefined" ? JSON.stringify(usedZoneTables()) : JSON.stringify(window.__majlisZoneTables ?? {});
  // "<" escaped so that no data can close the script element.
  const script = `window.__majlisZoneTables=${json.replace(/</g, "\\u003c")};`;
  return <script suppressHydrationWarning dangerouslySetInnerHTML={{ __html: script }} />;
}
