import { z } from "zod";
import type { RegistrationRefusal } from "~/models/registration.server";
import { optionalText, type FieldErrors } from "./forms";

/** The choice made on the registration and join forms: how to attend, and which parallel session. */
export const registrationChoiceSchema = z.object({
  mode: z.enum(["IN_PERSON", "REMOTE"]),
  sessionId: optionalText(100).transform((value) => value ?? null),
});

/** A refusal of the registration rules, shown next to the field it is about. */
export function refusalErrors(reason: RegistrationRefusal | "emailTaken"): FieldErrors {
  const key = `registration:errors.${reason}`;
  switch (reason) {
    case "sessionFull":
    case "sessionRequired":
    case "unknownSession":
      return { sessionId: { key } };
    case "modeNotOffered":
      return { mode: { key } };
    case "emailTaken":
      return { email: { key }, form: { key } };
    case "alreadyRegistered":
      return { form: { key } };
  }
}
