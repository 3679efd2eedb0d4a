export const LANGUAGES = ["fr", "ar", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "fr";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

export function textDirection(language: Language): "rtl" | "ltr" {
  return language === "ar" ? "rtl" : "ltr";
}

/** BCP 47 tags for Intl formatting: Moroccan Arabic conventions, Latin digits as used on Moroccan public sites. */
export const INTL_LOCALE: Record<Language, string> = {
  fr: "fr-FR",
  ar: "ar-MA-u-nu-latn",
  en: "en-GB",
};
