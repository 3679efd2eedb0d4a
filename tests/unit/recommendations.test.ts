import { describe, expect, it } from "vitest";
import type { RecommendationStatus, WorkshopRole } from "~/generated/prisma/enums";
import { agreementSchema, editSchema, readFilters, recommendationFieldsSchema } from "~/recommendations/forms";
import { guessLanguage } from "~/recommendations/language";
import { mayEdit, mayRead, mayRecommend, maySupport, visibilitiesFor } from "~/recommendations/permissions";
import { prefillFromElement, titleFrom } from "~/recommendations/prefill";
import { rank, rankBySession, tallyOf } from "~/recommendations/ranking";
import {
  ALL_STATUSES,
  allowedTransitions,
  FINAL_STATUSES,
  mayTransition,
  REASON_REQUIRED,
  requiresChanges,
  requiresReason,
  type ActorRoles,
  type TransitionChannel,
} from "~/recommendations/workflow";
import { parseForm } from "~/utils/forms";

const ROLES: WorkshopRole[] = ["ORGANISER", "FACILITATOR", "RAPPORTEUR", "PARTICIPANT", "OBSERVER", "COMMITTEE_MEMBER", "PEER"];
const CHANNELS: TransitionChannel[] = ["status", "decision", "agenda", "merge"];

/** Who may take which step, written out as the issue states it (not derived from the code under test). */
type Who = (actor: ActorRoles) => boolean;
const role =
  (...roles: WorkshopRole[]): Who =>
  (actor) =>
    actor.role !== null && roles.includes(actor.role);
const author: Who = (actor) => actor.isAuthor;
const sessionFacilitator: Who = (actor) => actor.facilitatesSession;
const anyOf =
  (...rules: Who[]): Who =>
  (actor) =>
    rules.some((rule) => rule(actor));

const EXPECTED: Array<[RecommendationStatus, RecommendationStatus, TransitionChannel, Who]> = [
  ["DRAFT", "SUBMITTED", "status", anyOf(author, role("RAPPORTEUR", "ORGANISER"), sessionFacilitator)],
  ["SUBMITTED", "DRAFT", "status", anyOf(author, role("RAPPORTEUR"))],
  ["SUBMITTED", "CONSOLIDATED", "status", role("RAPPORTEUR", "ORGANISER")],
  ["CONSOLIDATED", "UNDER_REVIEW", "status", role("ORGANISER")],
  ["CONSOLIDATED", "UNDER_REVIEW", "agenda", role("ORGANISER")],
  ["UNDER_REVIEW", "ACCEPTED", "decision", role("COMMITTEE_MEMBER")],
  ["UNDER_REVIEW", "ACCEPTED_WITH_CHANGES", "decision", role("COMMITTEE_MEMBER")],
  ["UNDER_REVIEW", "DEFERRED", "decision", role("COMMITTEE_MEMBER")],
  ["UNDER_REVIEW", "REJECTED", "decision", role("COMMITTEE_MEMBER")],
  ["DEFERRED", "UNDER_REVIEW", "status", role("ORGANISER")],
  ["DEFERRED", "UNDER_REVIEW", "agenda", role("ORGANISER")],
  ["ACCEPTED", "IN_IMPLEMENTATION", "status", role("ORGANISER")],
  ["ACCEPTED_WITH_CHANGES", "IN_IMPLEMENTATION", "status", role("ORGANISER")],
  ["IN_IMPLEMENTATION", "DONE", "status", role("ORGANISER")],
  ...(["DRAFT", "SUBMITTED", "CONSOLIDATED", "UNDER_REVIEW", "DEFERRED"] as const).map(
    (from): [RecommendationStatus, RecommendationStatus, TransitionChannel, Who] => [from, "MERGED", "merge", role("RAPPORTEUR", "ORGANISER")],
  ),
];

const actors: ActorRoles[] = [
  ...ROLES.flatMap((workshopRole) => [
    { role: workshopRole, isAuthor: false, facilitatesSession: false },
    { role: workshopRole, isAuthor: true, facilitatesSession: false },
    { role: workshopRole, isAuthor: false, facilitatesSession: true },
  ]),
  // Someone who wrote it and has since left the workshop.
  { role: null, isAuthor: true, facilitatesSession: true },
];

describe("the recommendation workflow", () => {
  it("allows exactly the steps of the issue to exactly the right people, through the right channel", () => {
    let allowed = 0;
    let refused = 0;
    for (const actor of actors) {
      for (const from of ALL_STATUSES) {
        for (const to of ALL_STATUSES) {
          for (const via of CHANNELS) {
            const rule = EXPECTED.find(([f, t, v]) => f === from && t === to && v === via);
            const expected = actor.role !== null && rule !== undefined && rule[3](actor);
            expect(mayTransition({ from, to, actor, via }), `${JSON.stringify(actor)} ${from} → ${to} via ${via}`).toBe(expected);
            if (expected) allowed += 1;
            else refused += 1;
          }
        }
      }
    }
    expect(allowed).toBeGreaterThan(40);
    expect(refused).toBeGreaterThan(allowed);
  });

  it("never lets a participant change a status or decide, and never lets anyone leave a final status but along the follow-up", () => {
    const participant: ActorRoles = { role: "PARTICIPANT", isAuthor: false, facilitatesSession: false };
    for (const status of ALL_STATUSES) {
      for (const via of CHANNELS) expect(allowedTransitions(status, participant, via)).toEqual([]);
    }
    const organiser: ActorRoles = { role: "ORGANISER", isAuthor: false, facilitatesSession: false };
    expect(allowedTransitions("REJECTED", organiser)).toEqual([]);
    expect(allowedTransitions("DONE", organiser)).toEqual([]);
    expect(allowedTransitions("MERGED", organiser, "merge")).toEqual([]);
    expect(allowedTransitions("ACCEPTED", organiser)).toEqual(["IN_IMPLEMENTATION"]);
  });

  it("shows each person the buttons of their role", () => {
    const authorParticipant: ActorRoles = { role: "PARTICIPANT", isAuthor: true, facilitatesSession: false };
    expect(allowedTransitions("DRAFT", authorParticipant)).toEqual(["SUBMITTED"]);
    expect(allowedTransitions("SUBMITTED", authorParticipant)).toEqual(["DRAFT"]);
    const rapporteur: ActorRoles = { role: "RAPPORTEUR", isAuthor: false, facilitatesSession: false };
    expect(allowedTransitions("SUBMITTED", rapporteur).sort()).toEqual(["CONSOLIDATED", "DRAFT"]);
    const committee: ActorRoles = { role: "COMMITTEE_MEMBER", isAuthor: false, facilitatesSession: false };
    expect(allowedTransitions("UNDER_REVIEW", committee)).toEqual([]);
    expect(allowedTransitions("UNDER_REVIEW", committee, "decision").sort()).toEqual(["ACCEPTED", "ACCEPTED_WITH_CHANGES", "DEFERRED", "REJECTED"]);
  });

  it("requires a reason to reject or defer, and the changes to accept with changes", () => {
    expect([...REASON_REQUIRED].sort()).toEqual(["DEFERRED", "REJECTED"]);
    expect(requiresReason("REJECTED")).toBe(true);
    expect(requiresReason("ACCEPTED")).toBe(false);
    expect(requiresChanges("ACCEPTED_WITH_CHANGES")).toBe(true);
    expect(requiresChanges("ACCEPTED")).toBe(false);
    expect(FINAL_STATUSES).not.toContain("DEFERRED");
  });
});

describe("who may do what with recommendations", () => {
  const member = (workshopRole: WorkshopRole | null, facilitatedSessionIds: string[] = []) => ({ role: workshopRole, facilitatedSessionIds });
  const open = { id: "s1", participantsMayRecommend: true };
  const closed = { id: "s2", participantsMayRecommend: false };

  it("lets rapporteurs, facilitators and organisers write anywhere, participants only where their session allows", () => {
    for (const always of ["RAPPORTEUR", "FACILITATOR", "ORGANISER"] as const) {
      expect(mayRecommend(member(always), closed)).toBe(true);
      expect(mayRecommend(member(always), null)).toBe(true);
    }
    expect(mayRecommend(member("PARTICIPANT"), open)).toBe(true);
    expect(mayRecommend(member("PARTICIPANT"), closed)).toBe(false);
    expect(mayRecommend(member("PARTICIPANT"), null)).toBe(false);
    expect(mayRecommend(member("OBSERVER"), open)).toBe(false);
    expect(mayRecommend(member("COMMITTEE_MEMBER"), open)).toBe(false);
    expect(mayRecommend(member(null), open)).toBe(false);
  });

  it("hides drafts from all but their author and those who collect them, and peers see only what is shared with them", () => {
    const draft = { status: "DRAFT" as const, authorId: "a", sessionId: "s1", visibility: "INSTITUTION" as const };
    expect(mayRead(member("PARTICIPANT"), "a", draft)).toBe(true);
    expect(mayRead(member("PARTICIPANT"), "b", draft)).toBe(false);
    expect(mayRead(member("RAPPORTEUR"), "b", draft)).toBe(true);
    expect(mayRead(member("FACILITATOR", ["s1"]), "b", draft)).toBe(true);
    expect(mayRead(member("FACILITATOR", ["s2"]), "b", draft)).toBe(false);
    const submitted = { ...draft, status: "SUBMITTED" as const };
    expect(mayRead(member("OBSERVER"), "b", submitted)).toBe(true);
    expect(mayRead(member("PEER"), "b", submitted)).toBe(false);
    expect(mayRead(member("PEER"), "b", { ...submitted, visibility: "PEERS" })).toBe(true);
    expect(mayRead(member(null), "b", { ...submitted, visibility: "PUBLIC" })).toBe(false);
    expect(visibilitiesFor(member("PEER"))).toEqual(["PEERS", "PUBLIC"]);
  });

  it("keeps the text editable until the committee takes it up, by the author only until it is consolidated", () => {
    const authorActor: ActorRoles = { role: "PARTICIPANT", isAuthor: true, facilitatesSession: false };
    expect(mayEdit(authorActor, "DRAFT")).toBe(true);
    expect(mayEdit(authorActor, "SUBMITTED")).toBe(true);
    expect(mayEdit(authorActor, "CONSOLIDATED")).toBe(false);
    expect(mayEdit({ role: "RAPPORTEUR", isAuthor: false, facilitatesSession: false }, "CONSOLIDATED")).toBe(true);
    expect(mayEdit({ role: "ORGANISER", isAuthor: false, facilitatesSession: false }, "UNDER_REVIEW")).toBe(false);
    expect(mayEdit({ role: "OBSERVER", isAuthor: false, facilitatesSession: false }, "DRAFT")).toBe(false);
  });

  it("opens prioritisation to those who take part, while submitted or consolidated", () => {
    expect(maySupport(member("PARTICIPANT"), "SUBMITTED")).toBe(true);
    expect(maySupport(member("PARTICIPANT"), "CONSOLIDATED")).toBe(true);
    expect(maySupport(member("PARTICIPANT"), "DRAFT")).toBe(false);
    expect(maySupport(member("PARTICIPANT"), "UNDER_REVIEW")).toBe(false);
    expect(maySupport(member("COMMITTEE_MEMBER"), "SUBMITTED")).toBe(false);
    expect(maySupport(member("OBSERVER"), "SUBMITTED")).toBe(false);
  });
});

describe("ranking", () => {
  const item = (id: string, sessionId: string | null, rows: Array<{ supported: boolean; agreement: number | null }>) => ({
    id,
    title: `Recommandation ${id}`,
    sessionId,
    tally: tallyOf(rows),
  });

  it("counts supports and the mean of the agreements stated", () => {
    expect(tallyOf([{ supported: true, agreement: 5 }, { supported: false, agreement: 2 }, { supported: true, agreement: null }])).toEqual({
      supports: 2,
      agreement: 3.5,
      agreements: 2,
    });
    expect(tallyOf([])).toEqual({ supports: 0, agreement: null, agreements: 0 });
  });

  it("puts the most supported first, then the higher agreement; equals share a rank", () => {
    const ranked = rank([
      item("a", "s1", [{ supported: true, agreement: 3 }]),
      item("b", "s1", [{ supported: true, agreement: 5 }, { supported: true, agreement: null }]),
      item("c", "s2", [{ supported: true, agreement: 5 }]),
      item("d", "s2", [{ supported: true, agreement: 3 }]),
      item("e", null, []),
    ]);
    expect(ranked.map((row) => [row.id, row.rank])).toEqual([
      ["b", 1],
      ["c", 2],
      ["a", 3],
      ["d", 3],
      ["e", 5],
    ]);
  });

  it("ranks within each session, in session order with the plenary last, and overall", () => {
    const items = [item("a", "s1", []), item("b", "s2", [{ supported: true, agreement: null }]), item("c", null, []), item("d", "s2", [])];
    const { overall, bySession } = rankBySession(items, ["s1", "s2", "s3"]);
    expect(overall[0].id).toBe("b");
    expect(bySession.map((group) => [group.sessionId, group.ranked.map((row) => row.id)])).toEqual([
      ["s1", ["a"]],
      ["s2", ["b", "d"]],
      [null, ["c"]],
    ]);
  });
});

describe("a recommendation made from a note", () => {
  it("guesses the language from the script and common words", () => {
    expect(guessLanguage("منصة رقمية للكفاءات Majlis", "fr")).toBe("ar");
    expect(guessLanguage("Créer un annuaire des compétences de la diaspora", "en")).toBe("fr");
    expect(guessLanguage("A one-stop shop for the project holders", "fr")).toBe("en");
    expect(guessLanguage("2024 !", "en")).toBe("en");
  });

  it("takes the first line as title, the whole note (and a section's notes) as the problem", () => {
    expect(titleFrom("Guichet unique\npour les porteurs de projets")).toBe("Guichet unique");
    const long = "mot ".repeat(60);
    expect(titleFrom(long).length).toBeLessThanOrEqual(121);
    expect(titleFrom(long).endsWith("…")).toBe(true);
    expect(prefillFromElement({ text: "Financement", notes: ["Fonds de garantie", "Prêts d'honneur"], sessionId: "s1", fallbackLanguage: "fr" })).toEqual({
      title: "Financement",
      problem: "Financement\n• Fonds de garantie\n• Prêts d'honneur",
      sessionId: "s1",
      language: "fr",
    });
  });
});

describe("the recommendation forms", () => {
  const data = (fields: Record<string, string>) => {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.set(key, value);
    return form;
  };
  const valid = {
    title: "Guichet unique",
    problem: "Les porteurs de projets ne savent pas à qui s'adresser.",
    proposedAction: "Créer un guichet unique en ligne.",
    theme: "PROJECT_HOLDER_SUPPORT",
    priority: "HIGH",
    costBand: "MEDIUM",
    timeframe: "SHORT",
    language: "fr",
    sessionId: "",
  };

  it("reads the fields, the plenary as no session, and refuses what is missing with translated keys", () => {
    const parsed = parseForm(recommendationFieldsSchema, data(valid));
    expect(parsed.ok && parsed.data).toMatchObject({ sessionId: null, rationale: "", ownerInstitution: "" });
    expect(parsed.ok && parsed.data.visibility).toBeUndefined();
    const refused = parseForm(recommendationFieldsSchema, data({ ...valid, title: " ", theme: "NOPE" }));
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.errors.title.key).toBe("errors:required");
      expect(refused.errors.theme.key).toBe("errors:invalidChoice");
      expect(refused.values.problem).toBe(valid.problem);
    }
    expect(parseForm(editSchema, data({ ...valid, seenAt: "not a date" })).ok).toBe(false);
  });

  it("reads an agreement from 1 to 5, or none", () => {
    expect(parseForm(agreementSchema, data({ agreement: "4" }))).toEqual({ ok: true, data: { agreement: 4 } });
    expect(parseForm(agreementSchema, data({ agreement: "" }))).toEqual({ ok: true, data: { agreement: null } });
    expect(parseForm(agreementSchema, data({ agreement: "6" })).ok).toBe(false);
  });

  it("ignores unknown filters", () => {
    expect(readFilters(new URLSearchParams("theme=GOVERNANCE&status=NOPE&sessionId=s1"))).toEqual({ theme: "GOVERNANCE", status: undefined, sessionId: "s1" });
  });
});
