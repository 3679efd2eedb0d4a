import { describe, expect, it } from "vitest";
import { z } from "zod";
import { email, list, optionalText, parseForm, text } from "~/utils/forms";

function formData(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) data.append(key, item);
  }
  return data;
}

const schema = z.object({
  title: text(20),
  email: email(),
  note: optionalText(10),
  languages: list(z.enum(["fr", "ar", "en"])).refine((chosen) => chosen.length > 0, "errors:atLeastOneLanguage"),
});

describe("parseForm", () => {
  it("returns typed data with trimmed text, lower-cased e-mail and absent empty optionals", () => {
    const result = parseForm(schema, formData({ title: "  Atelier  ", email: " Nadia@Example.MA ", note: "  ", languages: ["fr"] }));
    expect(result).toEqual({ ok: true, data: { title: "Atelier", email: "nadia@example.ma", note: undefined, languages: ["fr"] } });
  });

  it("reports one translated key per field and keeps what was typed, except passwords", () => {
    const data = formData({ title: "", email: "not-an-email", note: "far too long a note", password: "secret" });
    const result = parseForm(schema, data);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.title).toEqual({ key: "errors:required" });
    expect(result.errors.email).toEqual({ key: "errors:email" });
    expect(result.errors.note).toEqual({ key: "errors:tooLong", values: { max: 10 } });
    expect(result.errors.languages).toEqual({ key: "errors:atLeastOneLanguage" });
    expect(result.values).toMatchObject({ title: "", email: "not-an-email", note: "far too long a note" });
    expect(result.values).not.toHaveProperty("password");
  });

  it("uses the schema's own message when it names an i18n key", () => {
    const result = parseForm(schema, formData({ title: "x", email: "a@b.ma", "languages": ["fr", "de"] }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors["languages.1"]).toEqual({ key: "errors:invalidChoice" });
  });
});
