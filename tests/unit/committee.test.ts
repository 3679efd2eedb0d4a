import { describe, expect, it } from "vitest";
import { decisionSchema, followUpSchema, meetingSchema } from "~/committee/forms";
import { isOverdue, todayIn } from "~/committee/overdue";
import { forLeftToRightRenderer, visualRuns } from "~/utils/bidi-runs";
import { formValues, parseForm } from "~/utils/forms";

const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) data.append(name, item);
  return data;
};

describe("visual runs of a line", () => {
  it("keeps a left-to-right line in one run and an Arabic one in one right-to-left run", () => {
    expect(visualRuns("Guichet unique", "ltr")).toEqual([{ text: "Guichet unique", rtl: false }]);
    expect(visualRuns("شباك وحيد للكفاءات", "rtl")).toEqual([{ text: "شباك وحيد للكفاءات", rtl: true }]);
  });

  it("places an Arabic phrase inside French text, and numbers and brackets inside Arabic, in visual order", () => {
    expect(visualRuns("citer منصة الكفاءات dans", "ltr")).toEqual([
      { text: "citer ", rtl: false },
      { text: "منصة الكفاءات", rtl: true },
      { text: " dans", rtl: false },
    ]);
    // Read from the right: the words, then 3, then the bracketed word: drawn from the left, the other way round.
    expect(visualRuns("جدول الأعمال (3 نقاط)", "rtl")).toEqual([
      { text: " نقاط)", rtl: true },
      { text: "3", rtl: false },
      { text: "جدول الأعمال (", rtl: true },
    ]);
  });

  it("fences each run with a mark of its direction for renderers that read every line left to right", () => {
    expect(forLeftToRightRenderer("أب: 12", "rtl")).toBe("\u200E12\u200E\u200Fأب: \u200F");
  });
});

describe("overdue actions", () => {
  it("are past their due day in the workshop's time zone and not done", () => {
    // 23:30 UTC on 1 May is already 2 May in Casablanca (UTC+1).
    const lateEvening = new Date("2024-05-01T23:30:00Z");
    expect(todayIn("Africa/Casablanca", lateEvening)).toBe("2024-05-02");
    expect(todayIn("UTC", lateEvening)).toBe("2024-05-01");
    const due = { dueDate: new Date("2024-05-01T00:00:00Z"), status: "IN_PROGRESS" };
    expect(isOverdue(due, todayIn("Africa/Casablanca", lateEvening))).toBe(true);
    expect(isOverdue(due, todayIn("UTC", lateEvening))).toBe(false);
    expect(isOverdue({ ...due, status: "DONE" }, "2030-01-01")).toBe(false);
    expect(isOverdue({ dueDate: "2024-05-01T00:00:00.000Z", status: "BLOCKED" }, "2024-05-02")).toBe(true);
  });
});

describe("the decision form", () => {
  it("needs a rationale, which is the reason for a rejection or a deferral", () => {
    for (const outcome of ["REJECTED", "DEFERRED"]) {
      const result = parseForm(decisionSchema, form({ recommendationId: "r1", outcome, rationale: "  " }));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors.rationale).toEqual({ key: "committee:errors.reasonRequired" });
    }
    const accepted = parseForm(decisionSchema, form({ recommendationId: "r1", outcome: "ACCEPTED", rationale: "" }));
    expect(accepted.ok || accepted.errors.rationale).toEqual({ key: "committee:errors.rationaleRequired" });
  });

  it("needs the changes when accepting with changes, and takes an unknown outcome for an error", () => {
    const withoutChanges = parseForm(decisionSchema, form({ recommendationId: "r1", outcome: "ACCEPTED_WITH_CHANGES", rationale: "Oui." }));
    expect(withoutChanges.ok || withoutChanges.errors.changes).toEqual({ key: "committee:errors.changesRequired" });
    expect(parseForm(decisionSchema, form({ recommendationId: "r1", outcome: "MAYBE", rationale: "?" })).ok).toBe(false);
    expect(parseForm(decisionSchema, form({ recommendationId: "r1", outcome: "ACCEPTED_WITH_CHANGES", rationale: " Oui. ", changes: "Deux pilotes." }))).toEqual({
      ok: true,
      data: { recommendationId: "r1", outcome: "ACCEPTED_WITH_CHANGES", rationale: "Oui.", changes: "Deux pilotes." },
    });
  });
});

describe("the follow-up form", () => {
  const action = { title: "Cahier des charges", ownerInstitution: "DMRE", dueDate: "2024-06-30", status: "IN_PROGRESS", progress: "40" };

  it("reads the due day as a calendar day and marks a done action complete", () => {
    const done = parseForm(followUpSchema, form({ ...action, status: "DONE", progress: "70" }));
    expect(done.ok && done.data).toMatchObject({ dueDate: new Date("2024-06-30T00:00:00Z"), status: "DONE", progress: 100 });
  });

  it("refuses an impossible day and a progress outside 0–100, keeping what was typed", () => {
    const data = form({ ...action, dueDate: "2024-02-30", progress: "101", notes: "À garder" });
    const result = parseForm(followUpSchema, data);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.dueDate).toEqual({ key: "errors:date" });
      expect(result.errors.progress).toEqual({ key: "errors:numberTooBig", values: { max: 100 } });
      expect(result.values).toEqual(formValues(data));
    }
  });
});

describe("the meeting form", () => {
  it("reads the time in the workshop's zone and needs at least one dossier language", () => {
    const schema = meetingSchema("Africa/Casablanca");
    const ok = parseForm(schema, form({ title: "Comité", scheduledAt: "2024-03-05T09:30", languages: ["fr", "ar"] }));
    expect(ok.ok && ok.data).toEqual({ title: "Comité", scheduledAt: new Date("2024-03-05T08:30:00Z"), location: "", languages: ["fr", "ar"], status: "PLANNED" });
    const none = parseForm(schema, form({ title: "Comité", scheduledAt: "2024-03-05T09:30" }));
    expect(none.ok || none.errors.languages).toEqual({ key: "errors:atLeastOneLanguage" });
    const badTime = parseForm(schema, form({ title: "Comité", scheduledAt: "demain", languages: "fr" }));
    expect(badTime.ok || badTime.errors.scheduledAt).toEqual({ key: "errors:date" });
  });
});
