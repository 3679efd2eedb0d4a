/**
 * Search as people type names at the door: without caring about case, accents ("Leïla" = "leila") or Arabic
 * short vowels, and in any word order ("amrani leila").
 */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/\u0640/g, "") // tatweel only stretches letters
    .toLocaleLowerCase("en")
    .replace(/\s+/g, " ")
    .trim();
}

export function matchesSearch(query: string, fields: ReadonlyArray<string | null | undefined>): boolean {
  const words = foldForSearch(query).split(" ").filter(Boolean);
  if (words.length === 0) return true;
  const haystack = foldForSearch(fields.filter(Boolean).join(" "));
  return words.every((word) => haystack.includes(word));
}
