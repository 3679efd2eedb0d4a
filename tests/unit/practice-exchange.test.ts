import { describe, expect, it } from "vitest";
import type { RecommendationStatus, Visibility } from "~/generated/prisma/enums";
import { ANONYMOUS_VIEWER, type Viewer } from "~/peers/visibility";
import { adoptSchema, commentSchema, EXCHANGE_ERROR_PARAM, exchangeErrorParam, questionSchema, readExchangeError } from "~/practices/exchange-forms";
import { mayReadCitedRecommendation } from "~/recommendations/permissions";
import { parseForm } from "~/utils/forms";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
};

describe("reading a cited recommendation", () => {
  const outside = { role: null, facilitatedSessionIds: [] };
  const workshopOrganisationId = "dmre";
  const recommendation = (visibility: Visibility, status: RecommendationStatus = "SUBMITTED") => ({
    status,
    visibility,
    authorId: "author",
    sessionId: null,
    workshopOrganisationId,
  });
  const peer: Viewer = { userId: "ahmed", organisationId: "ote", platformModerator: false };
  const colleague: Viewer = { userId: "karim", organisationId: "dmre", platformModerator: false };
  const loner: Viewer = { userId: "leila", organisationId: null, platformModerator: false };

  it("lets people outside the workshop read what its visibility gives them, past the draft and not merged away", () => {
    const reads = (viewer: Viewer) =>
      (["INSTITUTION", "PEERS", "PUBLIC"] as const).filter((visibility) => mayReadCitedRecommendation(viewer, outside, recommendation(visibility)));
    expect(reads(ANONYMOUS_VIEWER)).toEqual(["PUBLIC"]);
    expect(reads(loner)).toEqual(["PUBLIC"]);
    expect(reads(peer)).toEqual(["PEERS", "PUBLIC"]);
    expect(reads(colleague)).toEqual(["INSTITUTION", "PEERS", "PUBLIC"]);
    for (const status of ["DRAFT", "MERGED"] as const) expect(mayReadCitedRecommendation(colleague, outside, recommendation("PUBLIC", status))).toBe(false);
  });

  it("lets members read as their role in the workshop allows, whatever their institution", () => {
    const peerMember = { role: "PEER" as const, facilitatedSessionIds: [] };
    // A peer of the workshop who belongs to its institution still reads only what is shared with peers.
    expect(mayReadCitedRecommendation(colleague, peerMember, recommendation("INSTITUTION"))).toBe(false);
    expect(mayReadCitedRecommendation(colleague, peerMember, recommendation("PEERS"))).toBe(true);
    const organiser = { role: "ORGANISER" as const, facilitatedSessionIds: [] };
    expect(mayReadCitedRecommendation(colleague, organiser, recommendation("INSTITUTION", "DRAFT"))).toBe(true);
  });
});

describe("the exchange's forms", () => {
  it("refuse blank text, accept any script and bound the lengths", () => {
    expect(parseForm(commentSchema, form({ body: " \n " })).ok).toBe(false);
    expect(parseForm(commentSchema, form({ body: "x".repeat(4001) })).ok).toBe(false);
    expect(parseForm(commentSchema, form({ body: "  تجربة مفيدة  " }))).toEqual({ ok: true, data: { body: "تجربة مفيدة" } });
    expect(parseForm(questionSchema, form({ body: "Quel budget ?" }))).toEqual({ ok: true, data: { body: "Quel budget ?", private: false } });
    expect(parseForm(questionSchema, form({ body: "Quel budget ?", private: "on" }))).toEqual({ ok: true, data: { body: "Quel budget ?", private: true } });
    const short = parseForm(adoptSchema, form({ story: "Adoptée." }));
    expect(short.ok ? null : short.errors.story).toEqual({ key: "errors:tooShort", values: { min: 20 } });
  });

  it("carry a form's errors back through the address, and ignore anything else found there", () => {
    const errors = { body: { key: "errors:required" } };
    const search = new URLSearchParams({ [EXCHANGE_ERROR_PARAM]: exchangeErrorParam({ intent: "answer", target: "q1", errors }) });
    expect(readExchangeError(search)).toEqual({ intent: "answer", target: "q1", errors });
    for (const junk of ["{", '{"intent":"drop"}', JSON.stringify({ intent: "comment", errors: { body: { key: "<script>" } } })]) {
      expect(readExchangeError(new URLSearchParams({ [EXCHANGE_ERROR_PARAM]: junk }))).toBeNull();
    }
  });
});
