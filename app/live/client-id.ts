/**
 * An id for something this device sends, kept until the server acknowledges it: a retry after a dropped connection
 * carries the same id, and the server stores the message once. `crypto.randomUUID` only exists on secure pages,
 * and a venue's network may serve the app over plain HTTP, hence the fallback on `getRandomValues`.
 */
export function newClientId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}
