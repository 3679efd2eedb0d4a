/**
 * The join code as people type it from the room's screen: any case, with spaces or dashes they add to read it
 * more easily (or that their phone's keyboard inserts). Codes are stored in capitals without separators.
 */
export function normaliseJoinCode(input: string): string {
  return input
    .normalize("NFKC")
    .replace(/[\s\-\u2010-\u2015_]+/g, "")
    .toUpperCase();
}
