import type { Translation } from "../../types";
import type fr from "../fr/errors";

export default {
  formHasErrors: "The form has errors: please correct the highlighted fields.",
  required: "This field is required.",
  tooShort: "At least {{min}} characters.",
  tooLong: "At most {{max}} characters.",
  email: "Enter a valid e-mail address, for example name@example.org.",
  number: "Enter a number.",
  numberTooSmall: "The value must be at least {{min}}.",
  numberTooBig: "The value must be at most {{max}}.",
  date: "Enter a valid date and time.",
  endBeforeStart: "The end must come after the start.",
  invalidChoice: "Choose one of the options offered.",
  atLeastOneLanguage: "Choose at least one language.",
  timezone: "Choose a valid time zone.",
  passwordsDiffer: "The two passwords do not match.",
  invalid: "This value is not valid.",
} satisfies Translation<typeof fr>;
