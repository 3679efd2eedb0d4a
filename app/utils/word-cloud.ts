import type { WordWeight } from "~/live/polls";

/**
 * Short words that carry no meaning on their own, in the workshop's three languages. Kept short on purpose: a
 * word cloud should drop the glue of sentences, not words someone might have meant.
 */
const STOP_WORDS: Record<"fr" | "en" | "ar", string[]> = {
  fr: [
    "le", "la", "les", "un", "une", "des", "de", "du", "et", "ou", "au", "aux", "en", "dans", "pour", "par", "sur",
    "avec", "sans", "ce", "cet", "cette", "ces", "se", "sa", "son", "ses", "leur", "leurs", "nous", "vous", "ils",
    "elles", "il", "elle", "on", "je", "tu", "me", "te", "est", "sont", "être", "plus", "ne", "pas", "que", "qui",
    "qu", "mais", "donc", "car", "très", "notre", "nos", "votre", "vos", "mon", "ma", "mes",
  ],
  en: [
    "the", "an", "and", "or", "of", "to", "in", "on", "for", "with", "by", "at", "from", "is", "are", "be", "it",
    "its", "this", "that", "these", "those", "as", "not", "no", "but", "so", "our", "your", "their", "we", "you",
    "they", "my", "me", "more", "very",
  ],
  ar: [
    "في", "من", "على", "إلى", "عن", "مع", "هذا", "هذه", "ذلك", "تلك", "التي", "الذي", "الذين", "أو", "ثم", "أن",
    "إن", "لا", "ما", "لم", "لن", "هو", "هي", "هم", "نحن", "أنا", "كل", "بين", "قد", "كان", "كانت", "عند", "أكثر",
  ],
};

/** Words shorter than this are dropped: single letters are elisions (l', d') or stray keys, not ideas. */
const MIN_WORD_LENGTH = 2;
const DEFAULT_LIMIT = 40;

/**
 * The key two spellings of the same word share: case, accents and Arabic diacritics (harakat, hamza on alef,
 * tatweel, alef maqsura, taa marbuta) do not separate them, since people type in a hurry on phones.
 */
export function wordKey(word: string): string {
  return word
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/\u0640/g, "")
    .replace(/[\u0622\u0623\u0625\u0671]/g, "\u0627")
    .replace(/\u0649/g, "\u064A")
    .replace(/\u0629/g, "\u0647");
}

const STOP_KEYS = new Set(Object.values(STOP_WORDS).flat().map(wordKey));

/** The words of one answer, letters and digits only (apostrophes and punctuation separate words). */
function wordsOf(text: string): string[] {
  return text.split(/[^\p{L}\p{N}\p{M}]+/u).filter((word) => word.length > 0);
}

/**
 * The word cloud of short open answers: each word counts once per answer that contains it, grouped by `wordKey`,
 * shown in the spelling people used most, most frequent first (ties in alphabetical order, so the cloud does not
 * reshuffle between two identical updates).
 */
export function wordCloud(answers: string[], limit = DEFAULT_LIMIT): WordWeight[] {
  const groups = new Map<string, { count: number; spellings: Map<string, number> }>();
  for (const answer of answers) {
    const seen = new Set<string>();
    for (const word of wordsOf(answer)) {
      const key = wordKey(word);
      if (key.length < MIN_WORD_LENGTH || STOP_KEYS.has(key) || seen.has(key)) continue;
      seen.add(key);
      const group = groups.get(key) ?? { count: 0, spellings: new Map<string, number>() };
      group.count += 1;
      group.spellings.set(word, (group.spellings.get(word) ?? 0) + 1);
      groups.set(key, group);
    }
  }
  const words = [...groups.values()].map(({ count, spellings }) => ({ word: mostUsed(spellings), count }));
  words.sort((a, b) => b.count - a.count || a.word.localeCompare(b.word));
  const top = words.slice(0, limit);
  const highest = top[0]?.count ?? 1;
  return top.map(({ word, count }) => ({ word, count, weight: Math.round((count / highest) * 100) / 100 }));
}

function mostUsed(spellings: Map<string, number>): string {
  let best = "";
  let bestCount = 0;
  // Map order is first use: on a tie, the spelling seen first wins.
  for (const [spelling, count] of spellings) {
    if (count > bestCount) {
      best = spelling;
      bestCount = count;
    }
  }
  return best;
}
