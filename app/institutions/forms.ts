import { z } from "zod";
import { email, optionalText, text } from "~/utils/forms";
import { isCountryCode } from "~/practices/countries";

/** The forms of the institution pages; shared with their components for the fields' limits. */
export const NAME_MAX = 200;
export const MISSION_MAX = 4000;
export const WEBSITE_MAX = 500;

const empty = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** Only web addresses: a `javascript:` or `data:` link on a public profile would run in its readers' browsers. */
export function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.includes(".");
  } catch {
    return false;
  }
}

const website = z.preprocess(empty, z.string().trim().max(WEBSITE_MAX).refine(isWebAddress, "institutions:errors.website").optional());

export const institutionSchema = z.object({
  name: text(NAME_MAX),
  country: z.string().refine(isCountryCode, "institutions:errors.country"),
  mission: optionalText(MISSION_MAX).transform((value) => value ?? ""),
  website: website.transform((value) => value ?? ""),
  contactName: optionalText(NAME_MAX).transform((value) => value ?? ""),
  contactEmail: z.preprocess(empty, email().optional()).transform((value) => value ?? ""),
});

export type InstitutionFields = z.output<typeof institutionSchema>;

/** Adding a colleague: the name is only needed when no account has this address yet (the model says so). */
export const addColleagueSchema = z.object({
  email: email(),
  name: optionalText(NAME_MAX),
  move: z.literal("on").optional(),
});

export const personSchema = z.object({ userId: z.string().min(1) });
