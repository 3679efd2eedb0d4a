import { describe, expect, it } from "vitest";
import { textDirection } from "~/i18n/config";
import { languageCookie, resolveLanguage } from "~/i18n/locale.server";
import { resources } from "~/i18n/resources";

const request = (url: string, headers: Record<string, string> = {}) => new Request(`http://majlis.test${url}`, { headers });

describe("resolveLanguage", () => {
  it("prefers ?lng=, then the saved choice, then the cookie, then Accept-Language, then French", async () => {
    const browserEnglish = { "Accept-Language": "en-US,en;q=0.9" };
    expect(await resolveLanguage(request("/?lng=ar", browserEnglish), "fr")).toEqual({ language: "ar", chosen: "ar" });
    expect(await resolveLanguage(request("/", browserEnglish), "ar")).toEqual({ language: "ar" });
    const cookie = await languageCookie.serialize("ar");
    expect(await resolveLanguage(request("/", { ...browserEnglish, Cookie: cookie }), null)).toEqual({ language: "ar" });
    expect(await resolveLanguage(request("/", browserEnglish), null)).toEqual({ language: "en" });
    expect(await resolveLanguage(request("/", { "Accept-Language": "ar-MA,fr;q=0.5" }), null)).toEqual({ language: "ar" });
    expect(await resolveLanguage(request("/", { "Accept-Language": "de-DE" }), null)).toEqual({ language: "fr" });
    expect(await resolveLanguage(request("/?lng=xx"), null)).toEqual({ language: "fr" });
  });

  it("writes Arabic right to left", () => {
    expect(textDirection("ar")).toBe("rtl");
    expect(textDirection("fr")).toBe("ltr");
  });
});

/** Every key in French exists in Arabic and English with a non-empty text (the types check the shape too). */
function flatten(tree: object, prefix = ""): Record<string, string> {
  return Object.entries(tree).reduce<Record<string, string>>((all, [key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === "string" ? { ...all, [path]: value } : { ...all, ...flatten(value as object, path) };
  }, {});
}

describe("translations", () => {
  const french = flatten(resources.fr);
  it.each(["ar", "en"] as const)("%s has every French key, translated", (language) => {
    const other = flatten(resources[language]);
    expect(Object.keys(other).sort()).toEqual(Object.keys(french).sort());
    for (const [key, value] of Object.entries(other)) expect(value.trim(), key).not.toBe("");
  });

  it("keeps the same {{placeholders}} in every language", () => {
    const placeholders = (text: string) => (text.match(/{{\s*\w+\s*}}/g) ?? []).sort();
    for (const language of ["ar", "en"] as const) {
      const other = flatten(resources[language]);
      for (const [key, value] of Object.entries(french)) expect(placeholders(other[key] ?? ""), `${language}:${key}`).toEqual(placeholders(value));
    }
  });
});
