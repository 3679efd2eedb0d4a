import { z } from "zod";

/** Long rather than complicated: a passphrase of 10+ characters beats composition rules. */
export const MIN_PASSWORD_LENGTH = 10;

/** The fields of any form that sets a password; wrap the form's schema in `confirmPassword`. */
export const newPasswordFields = {
  password: z.string().min(MIN_PASSWORD_LENGTH).max(1000),
  passwordConfirm: z.string().max(1000),
};

export function confirmPassword<T extends z.ZodType<{ password: string; passwordConfirm: string }>>(schema: T) {
  return schema.refine((data) => data.password === data.passwordConfirm, {
    path: ["passwordConfirm"],
    message: "errors:passwordsDiffer",
  });
}
