import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { fileKind } from "~/practices/attachment-rules";
import { attachmentDisposition, checkAttachment, cleanFileName } from "~/practices/attachments.server";
import { countryName, countryOptions, isCountryCode } from "~/practices/countries";
import { readFigureRows, readFigures, readResourceRows, readResources, webUrl } from "~/practices/fields";
import { libraryQuery, readLibraryFilters } from "~/practices/filters";
import { parsePracticeForm } from "~/practices/forms";
import { escapeLike, normaliseQuery, practiceSearchText, QUERY_MAX, queryWords, snippetOf } from "~/practices/search";
import { statusOnEdit, statusOnPublish } from "~/practices/workflow";
import { foldForSearch } from "~/utils/search-text";

const bytes = (text: string) => new TextEncoder().encode(text);
/** A real one-pixel PNG. */
const PNG = Uint8Array.from(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64"));
const PDF = bytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
/** The start of a Windows program: "MZ", then its DOS header. */
const EXE = Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff, ...new Array(200).fill(0)]);

describe("search folding", () => {
  it("ignores case, French accents and ligatures", () => {
    expect(foldForSearch("Compétences ÉLEVÉES à l'Étranger")).toBe("competences elevees a l'etranger");
    expect(foldForSearch("Cœur")).toBe(foldForSearch("coeur"));
  });

  it("ignores harakat and tatweel, and unifies the variants of alef, yaa, taa marbuta, waw and yaa with hamza", () => {
    expect(foldForSearch("الْكَفَاءَاتُ")).toBe(foldForSearch("الكفاءات"));
    expect(foldForSearch("شبـــكة")).toBe(foldForSearch("شبكة"));
    expect(foldForSearch("أإآٱ")).toBe("اااا");
    expect(foldForSearch("مستشفى")).toBe(foldForSearch("مستشفي"));
    expect(foldForSearch("الكفاءة")).toBe(foldForSearch("الكفاءه"));
    expect(foldForSearch("مؤسسة")).toBe(foldForSearch("موسسه"));
    expect(foldForSearch("بيئة")).toBe(foldForSearch("بييه"));
    expect(foldForSearch("إدماج")).toBe(foldForSearch("ادماج"));
  });

  it("drops direction marks and control characters", () => {
    expect(foldForSearch("\u200Fشبكة\u200E")).toBe("شبكه");
    expect(foldForSearch("a\u0000b\u0007c")).toBe("a b c");
  });

  it("keeps every searchable field in searchText, with the country and theme names in all three languages", () => {
    const text = practiceSearchText({
      title: "Réseau des compétences",
      problem: "Problème",
      approach: "Démarche",
      results: "Résultats",
      figures: [{ label: "Porteurs de projets accompagnés", value: "240" }],
      resources: [{ title: "Rapport annuel", url: "https://example.org/" }],
      country: "TN",
      themes: ["SKILLS_MOBILISATION"],
      institutionName: "Office des Tunisiens à l'Étranger",
    });
    for (const expected of ["reseau des competences", "porteurs de projets accompagnes", "rapport annuel", "office des tunisiens", "tunisie", "تونس", "tunisia", "mobilisation des competences", "skills mobilisation", "تعبيه الكفاءات"]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain("example.org");
  });

  it("caps the query, folds it, and keeps only letters and digits as substring words", () => {
    expect(normaliseQuery("x".repeat(10_000))).toHaveLength(QUERY_MAX);
    expect(normaliseQuery("Compét\u0000ences")).toBe("compet ences");
    expect(queryWords(`"réseau" & compét*|!():'\\`)).toEqual(["réseau", "compét"]);
    expect(queryWords(normaliseQuery(`"Réseau" & compét*|!():'\\`))).toEqual(["reseau", "compet"]);
    expect(queryWords("a 😀 كفاء")).toEqual(["كفاء"]);
    expect(escapeLike("100%_a\\b")).toBe("100\\%\\_a\\\\b");
  });

  it("shows a snippet around the first matching word, marked", () => {
    const text = `${"mot ".repeat(20)}les Compétences marocaines${" fin".repeat(40)}`;
    const snippet = snippetOf(["Rien ici.", text], normaliseQuery("competences"));
    expect(snippet.before).toBe(true);
    expect(snippet.after).toBe(true);
    expect(snippet.parts.filter((part) => part.match).map((part) => part.text)).toEqual(["Compétences"]);
    expect(snippet.parts.map((part) => part.text).join("")).toContain("les Compétences marocaines");
    expect(snippetOf(["Premier texte."], "").parts).toEqual([{ text: "Premier texte.", match: false }]);
  });
});

describe("figures and resources", () => {
  it("reads the form's rows, skipping blank ones and pointing at the half-filled ones", () => {
    const figures = readFigureRows(["Porteurs de projets accompagnés", "", "Mentors", ""], ["240", "", "", "12"]);
    expect(figures.rows).toEqual([{ label: "Porteurs de projets accompagnés", value: "240" }]);
    expect(figures.errors).toEqual({ "figures.2.value": { key: "errors:required" }, "figures.3.label": { key: "errors:required" } });
    const tooMany = readFigureRows(Array.from({ length: 13 }, (_, i) => `Libellé ${i}`), Array.from({ length: 13 }, (_, i) => String(i)));
    expect(tooMany.errors.figures).toEqual({ key: "practices:errors.tooManyFigures", values: { max: 12 } });
  });

  it("accepts only http and https links", () => {
    const resources = readResourceRows(["Rapport", "Script", "Données", "Local"], ["https://example.org/rapport.pdf", "javascript:alert(1)", "data:text/html,<b>x</b>", "ftp://example.org"]);
    expect(resources.rows).toEqual([{ title: "Rapport", url: "https://example.org/rapport.pdf" }]);
    expect(Object.keys(resources.errors).sort()).toEqual(["resources.1.url", "resources.2.url", "resources.3.url"]);
    expect(webUrl(" http://exemple.ma ")).toBe("http://exemple.ma/");
    expect(webUrl("http://")).toBeNull();
  });

  it("parses stored JSON back, dropping entries that do not fit instead of failing", () => {
    expect(readFigures([{ label: "Jeunes consultés", value: "1 200" }, { label: "" }, "texte", null, { label: "x", value: 3 }])).toEqual([
      { label: "Jeunes consultés", value: "1 200" },
    ]);
    expect(readFigures({ label: "pas une liste" })).toEqual([]);
    expect(readResources([{ title: "Ok", url: "https://ok.example" }, { title: "Piège", url: "javascript:alert(1)" }])).toEqual([
      { title: "Ok", url: "https://ok.example/" },
    ]);
  });

  it("validates the whole practice form at once and keeps what was typed", () => {
    const form = new FormData();
    for (const [name, value] of [
      ["title", "Titre\u0000"],
      ["problem", ""],
      ["approach", "Démarche"],
      ["country", "XX"],
      ["languages", "fr"],
      ["visibility", "PUBLIC"],
      ["contactEmail", "pas-une-adresse"],
      ["figureLabel[]", "Porteurs"],
      ["figureValue[]", ""],
      ["resourceTitle[]", "Lien"],
      ["resourceUrl[]", "javascript:alert(1)"],
    ]) {
      form.append(name, value);
    }
    const parsed = parsePracticeForm(form);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.errors).sort()).toEqual(["contactEmail", "country", "figures.0.value", "problem", "resources.0.url", "themes"]);
    expect(parsed.values.title).toBe("Titre");
    expect(parsed.values["figureLabel[]"]).toEqual(["Porteurs"]);
  });

  it("gives the validated practice, the institution never coming from the form", () => {
    const form = new FormData();
    for (const [name, value] of [
      ["title", " Réseau "],
      ["problem", "Problème"],
      ["approach", "Démarche"],
      ["country", "MA"],
      ["themes", "SKILLS_MOBILISATION"],
      ["languages", "fr"],
      ["languages", "ar"],
      ["visibility", "PEERS"],
      ["organisationId", "another-institution"],
      ["status", "PUBLISHED"],
      ["figureLabel[]", "Mentors"],
      ["figureValue[]", "85"],
      ["figureLabel[]", ""],
      ["figureValue[]", ""],
    ]) {
      form.append(name, value);
    }
    const parsed = parsePracticeForm(form);
    expect(parsed).toEqual({
      ok: true,
      data: {
        title: "Réseau",
        problem: "Problème",
        approach: "Démarche",
        results: "",
        contactName: "",
        contactEmail: "",
        country: "MA",
        themes: ["SKILLS_MOBILISATION"],
        languages: ["fr", "ar"],
        visibility: "PEERS",
        figures: [{ label: "Mentors", value: "85" }],
        resources: [],
      },
    });
  });
});

describe("attachments", () => {
  it("accepts files whose content matches their extension", async () => {
    expect(await checkAttachment({ fileName: "rapport.pdf", bytes: PDF })).toEqual({ ok: true, fileName: "rapport.pdf", contentType: "application/pdf" });
    expect(await checkAttachment({ fileName: "Photo.PNG", bytes: PNG })).toEqual({ ok: true, fileName: "Photo.PNG", contentType: "image/png" });
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Chiffres").addRow(["Porteurs de projets", 240]);
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await checkAttachment({ fileName: "chiffres.xlsx", bytes: xlsx })).toMatchObject({ ok: true, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
    expect(await checkAttachment({ fileName: "données.csv", bytes: bytes("pays,nombre\nتونس,12\n") })).toEqual({ ok: true, fileName: "données.csv", contentType: "text/csv; charset=utf-8" });
  });

  it("refuses renamed programs and pages, binary text files, unknown types and empty files", async () => {
    expect(await checkAttachment({ fileName: "rapport.pdf", bytes: bytes("<!doctype html><script>alert(1)</script>") })).toEqual({ ok: false, reason: "contentMismatch" });
    expect(await checkAttachment({ fileName: "photo.png", bytes: EXE })).toEqual({ ok: false, reason: "contentMismatch" });
    expect(await checkAttachment({ fileName: "photo.png", bytes: PDF })).toEqual({ ok: false, reason: "contentMismatch" });
    expect(await checkAttachment({ fileName: "notes.txt", bytes: Uint8Array.from([0x61, 0x00, 0x62]) })).toEqual({ ok: false, reason: "contentMismatch" });
    expect(await checkAttachment({ fileName: "notes.txt", bytes: Uint8Array.from([0xc3, 0x28]) })).toEqual({ ok: false, reason: "contentMismatch" });
    expect(await checkAttachment({ fileName: "notes.txt", bytes: PNG })).toEqual({ ok: false, reason: "contentMismatch" });
    expect(await checkAttachment({ fileName: "setup.exe", bytes: EXE })).toEqual({ ok: false, reason: "unsupportedType" });
    expect(await checkAttachment({ fileName: "page.html", bytes: bytes("<html></html>") })).toEqual({ ok: false, reason: "unsupportedType" });
    expect(await checkAttachment({ fileName: "vide.pdf", bytes: new Uint8Array() })).toEqual({ ok: false, reason: "empty" });
  });

  it("cleans file names of paths and of characters that disguise them", () => {
    expect(cleanFileName("..\\..\\dossier/rapport.pdf")).toBe("rapport.pdf");
    expect(cleanFileName("rapport\u202Efdp.exe")).toBe("rapportfdp.exe");
    expect(cleanFileName(`${"long".repeat(100)}.pdf`)).toMatch(/^(long)+l?o?n?\.pdf$/);
    expect([...cleanFileName(`${"ا".repeat(300)}.docx`)]).toHaveLength(150);
  });

  it("names the download safely for every browser (RFC 5987)", () => {
    expect(attachmentDisposition("تقرير 2023.pdf")).toBe(`attachment; filename="_____ 2023.pdf"; filename*=UTF-8''${encodeURIComponent("تقرير 2023.pdf")}`);
    expect(attachmentDisposition(`Rapport "final" (v2)'s.pdf`)).toBe(`attachment; filename="Rapport _final_ (v2)'s.pdf"; filename*=UTF-8''Rapport%20%22final%22%20%28v2%29%27s.pdf`);
    expect(attachmentDisposition("Étude.pdf")).toContain('filename="Etude.pdf"');
  });

  it("names the kind of a stored file", () => {
    expect(fileKind("text/csv; charset=utf-8")).toBe("csv");
    expect(fileKind("image/jpeg")).toBe("jpg");
    expect(fileKind("application/octet-stream")).toBe("other");
  });
});

describe("practice workflow", () => {
  it("publishes at once within the institution, and through moderation beyond it", () => {
    expect(statusOnPublish("INSTITUTION")).toBe("PUBLISHED");
    expect(statusOnPublish("PEERS")).toBe("PENDING");
    expect(statusOnPublish("PUBLIC")).toBe("PENDING");
  });

  it("sends an edited shared practice back to moderation and a refused one back to draft", () => {
    expect(statusOnEdit("PUBLISHED", "PUBLIC")).toBe("PENDING");
    expect(statusOnEdit("PUBLISHED", "PEERS")).toBe("PENDING");
    expect(statusOnEdit("PUBLISHED", "INSTITUTION")).toBe("PUBLISHED");
    expect(statusOnEdit("REJECTED", "PUBLIC")).toBe("DRAFT");
    expect(statusOnEdit("DRAFT", "PUBLIC")).toBe("DRAFT");
    expect(statusOnEdit("PENDING", "INSTITUTION")).toBe("PENDING");
  });
});

describe("library filters and countries", () => {
  it("reads the address, ignoring what it does not know", () => {
    const filters = readLibraryFilters(new URLSearchParams("q=compétences&theme=NOPE&country=TN&language=ar&scope=all&page=-3&institution="));
    expect(filters).toEqual({ q: "compétences", theme: undefined, country: "TN", institution: undefined, language: "ar", scope: undefined, page: 1 });
    expect(libraryQuery(filters, { page: 2 })).toBe("?q=comp%C3%A9tences&country=TN&language=ar&page=2");
    expect(libraryQuery(readLibraryFilters(new URLSearchParams()))).toBe("");
  });

  it("names countries in the reader's language", () => {
    expect(countryName("MA", "fr")).toBe("Maroc");
    expect(countryName("MA", "ar")).toBe("المغرب");
    expect(countryName("TN", "en")).toBe("Tunisia");
    expect(isCountryCode("FR")).toBe(true);
    expect(isCountryCode("XX")).toBe(false);
    const french = countryOptions("fr").map((country) => country.name);
    expect(french.indexOf("Égypte")).toBeLessThan(french.indexOf("France"));
  });
});
