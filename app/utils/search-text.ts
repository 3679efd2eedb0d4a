/**
 * Letters Arabic writers use interchangeably: hamza seats and the wasla alef are often left out, and the final
 * yaa/alef maqsura and taa marbuta/haa are often swapped. (NFKD has already split أ إ آ ؤ ئ into a letter and a mark.)
 */
const ARABIC_VARIANTS: Record<string, string> = { "\u0671": "\u0627", "\u0649": "\u064A", "\u0629": "\u0647" };

/** Ligatures that NFKD keeps whole but people type as two letters ("coeur" for "cœur"). */
const LIGATURES: Record<string, string> = { "œ": "oe", "æ": "ae", "ß": "ss" };

/**
 * Search as people type: without caring about case, accents ("Leïla" = "leila"), Arabic short vowels or the
 * spelling variants of a few Arabic letters ("الكفاءة" = "الكفاءه"), and in any word order ("amrani leila").
 * Invisible characters (direction marks, zero-width joiners, soft hyphens) are dropped, control characters are spaces.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[\p{Cf}\p{Cs}]/gu, "")
    .replace(/\p{Cc}/gu, " ")
    .replace(/\u0640/g, "") // tatweel only stretches letters
    .toLocaleLowerCase("en")
    .replace(/[\u0671\u0649\u0629œæß]/g, (letter) => ARABIC_VARIANTS[letter] ?? LIGATURES[letter])
    .replace(/\s+/g, " ")
    .trim();
}

export function matchesSearch(query: string, fields: ReadonlyArray<string | null | undefined>): boolean {
  const words = foldForSearch(query).split(" ").filter(Boolean);
  if (words.length === 0) return true;
  const haystack = foldForSearch(fields.filter(Boolean).join(" "));
  return words.every((word) => haystack.includes(word));
}
