import { describe, expect, it } from "vitest";
import { modeForJoinCode, modesOffered } from "~/utils/attendance";
import { csvField, toCsv } from "~/utils/csv";
import { normaliseJoinCode } from "~/utils/join-code";
import { filtersFromSearchParams } from "~/utils/registration-filters";
import { foldForSearch, matchesSearch } from "~/utils/search-text";
import { parseCsv } from "../support/parse-csv";

describe("CSV export", () => {
  it("quotes fields with commas, quotes or line breaks and leaves plain ones alone", () => {
    expect(csvField("Leila Amrani")).toBe("Leila Amrani");
    expect(csvField("Amrani, Leila")).toBe('"Amrani, Leila"');
    expect(csvField('Le "Majlis"')).toBe('"Le ""Majlis"""');
    expect(csvField("ligne 1\nligne 2")).toBe('"ligne 1\nligne 2"');
    expect(csvField(null)).toBe("");
    expect(csvField(42)).toBe("42");
  });

  it("defuses values a spreadsheet would run as formulas", () => {
    expect(csvField('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
    expect(csvField("+212600000000")).toBe("'+212600000000");
    expect(csvField("-1")).toBe("'-1");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("a=b")).toBe("a=b");
  });

  it("starts with a byte order mark, ends rows with CRLF and reads back as written", () => {
    const rows = [
      ["Nom", "Session"],
      ["ليلى العمراني", "Data, exigences"],
      ['Say "hi"\r\nthen go', ""],
    ];
    const csv = toCsv(rows);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(parseCsv(csv.slice(1))).toEqual(rows);
  });
});

describe("join codes", () => {
  it("ignores case, spaces and dashes people add when typing the code from the screen", () => {
    expect(normaliseJoinCode("rabat24")).toBe("RABAT24");
    expect(normaliseJoinCode(" RAB-AT 24 ")).toBe("RABAT24");
    expect(normaliseJoinCode("rab–at\u00a024")).toBe("RABAT24");
    expect(normaliseJoinCode(" - ")).toBe("");
  });
});

describe("name search at the door", () => {
  it("ignores case, accents, Arabic vowel marks and word order", () => {
    expect(foldForSearch("  Leïla   AMRANI ")).toBe("leila amrani");
    expect(matchesSearch("leila", ["Leïla Amrani", null])).toBe(true);
    expect(matchesSearch("amrani lei", ["Leïla Amrani"])).toBe(true);
    expect(matchesSearch("karim", ["Samira El Idrissi", "organisatrice@majlis.test"])).toBe(false);
    expect(matchesSearch("لَيْلَى", ["ليلى العمراني"])).toBe(true);
    expect(matchesSearch("majlis.test", ["Omar", "omar@majlis.test"])).toBe(true);
    expect(matchesSearch("", ["anyone"])).toBe(true);
  });
});

describe("attendance modes", () => {
  it("offers only what the workshop's format allows", () => {
    expect(modesOffered("IN_PERSON")).toEqual(["IN_PERSON"]);
    expect(modesOffered("ONLINE")).toEqual(["REMOTE"]);
    expect(modesOffered("HYBRID")).toEqual(["IN_PERSON", "REMOTE"]);
  });

  it("counts people who join with the room's code as present, unless the workshop is online", () => {
    expect(modeForJoinCode("HYBRID")).toBe("IN_PERSON");
    expect(modeForJoinCode("IN_PERSON")).toBe("IN_PERSON");
    expect(modeForJoinCode("ONLINE")).toBe("REMOTE");
  });
});

describe("registration filters", () => {
  it("keeps known values and drops anything else from the query string", () => {
    expect(filtersFromSearchParams(new URLSearchParams("q=+leila+&mode=REMOTE&session=s1&checkedIn=no"))).toEqual({
      query: "leila",
      mode: "REMOTE",
      sessionId: "s1",
      checkedIn: false,
    });
    expect(filtersFromSearchParams(new URLSearchParams("mode=DROP&checkedIn=maybe&q="))).toEqual({
      query: undefined,
      mode: undefined,
      sessionId: undefined,
      checkedIn: undefined,
    });
  });
});
