/**
 * Prioritisation results: most supported first; among equals, the higher mean agreement; then the title, so that
 * everyone sees the same order. Equal support and agreement share a rank (1, 2, 2, 4).
 */

export interface Tally {
  supports: number;
  /** Mean agreement (1–5) of those who stated one; null when nobody did. */
  agreement: number | null;
  agreements: number;
}

export interface Rankable {
  id: string;
  title: string;
  sessionId: string | null;
  tally: Tally;
}

export type Ranked<T> = T & { rank: number };

export function tallyOf(rows: Array<{ supported: boolean; agreement: number | null }>): Tally {
  const stated = rows.map((row) => row.agreement).filter((value): value is number => value !== null);
  return {
    supports: rows.filter((row) => row.supported).length,
    agreement: stated.length === 0 ? null : stated.reduce((sum, value) => sum + value, 0) / stated.length,
    agreements: stated.length,
  };
}

function compareTallies(a: Tally, b: Tally): number {
  if (a.supports !== b.supports) return b.supports - a.supports;
  return (b.agreement ?? 0) - (a.agreement ?? 0);
}

export function rank<T extends Rankable>(items: T[]): Array<Ranked<T>> {
  const sorted = [...items].sort((a, b) => compareTallies(a.tally, b.tally) || a.title.localeCompare(b.title) || (a.id < b.id ? -1 : 1));
  let previous: T | null = null;
  let rankValue = 0;
  return sorted.map((item, index) => {
    if (!previous || compareTallies(previous.tally, item.tally) !== 0) rankValue = index + 1;
    previous = item;
    return { ...item, rank: rankValue };
  });
}

/** One ranking per session (in the given session order, the plenary last), and one for the whole workshop. */
export function rankBySession<T extends Rankable>(
  items: T[],
  sessionIds: string[],
): { overall: Array<Ranked<T>>; bySession: Array<{ sessionId: string | null; ranked: Array<Ranked<T>> }> } {
  const bySession = [...sessionIds, null]
    .map((sessionId) => ({ sessionId, ranked: rank(items.filter((item) => item.sessionId === sessionId)) }))
    .filter((group) => group.ranked.length > 0);
  return { overall: rank(items), bySession };
}
