import type { Language } from "~/i18n/config";

const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/gu;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/gu;
// Words far more frequent in English than in French, to tell the two Latin-script languages apart.
const ENGLISH_WORDS = new Set(["the", "and", "of", "to", "for", "with", "is", "are", "should", "be", "this", "that", "on", "by"]);
const FRENCH_WORDS = new Set(["le", "la", "les", "des", "et", "du", "pour", "avec", "est", "sont", "une", "un", "dans", "au", "aux", "de"]);

/**
 * A guess at the language a note is written in, to prefill a recommendation's language: the script first (Arabic
 * letters win when they are the majority), then common words for French versus English. `fallback` when unsure.
 */
export function guessLanguage(text: string, fallback: Language): Language {
  const arabic = text.match(ARABIC_LETTER)?.length ?? 0;
  const latin = text.match(LATIN_LETTER)?.length ?? 0;
  if (arabic === 0 && latin === 0) return fallback;
  if (arabic >= latin) return "ar";
  const words = text.toLowerCase().split(/[^a-z\u00C0-\u024F']+/u);
  const english = words.filter((word) => ENGLISH_WORDS.has(word)).length;
  const french = words.filter((word) => FRENCH_WORDS.has(word)).length;
  if (english > french) return "en";
  if (french > english) return "fr";
  return fallback === "ar" ? "fr" : fallback;
}
