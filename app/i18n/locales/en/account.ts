import type { Translation } from "../../types";
import type fr from "../fr/account";

export default {
  title: "My account",
  profile: {
    title: "Profile",
    name: "Full name",
    language: "Preferred language",
    languageHint: "Majlis is shown in this language whenever you are signed in, on all your devices.",
    submit: "Save the profile",
    saved: "Profile saved.",
  },
  signIn: {
    title: "Be able to sign in again",
    intro:
      "You joined the workshop with the room's code. Add an e-mail address and a password to sign in later, from any device.",
    email: "E-mail address",
    emailTaken: "This address is already used by another account.",
    submit: "Save my sign-in details",
    saved: "Done: you can now sign in with {{email}} and your password.",
  },
  password: {
    title: "Password",
    setIntro: "Your account has no password yet: choose one to be able to sign in.",
    email: "Sign-in e-mail address: {{email}}",
    current: "Current password",
    new: "New password",
    hint: "At least 10 characters.",
    confirm: "Confirm the new password",
    submit: "Change the password",
    wrongCurrent: "The current password is wrong.",
    throttled: "Too many attempts. Try again in {{seconds}} seconds.",
    changed: "Password changed. Your other devices were signed out.",
  },
} satisfies Translation<typeof fr>;
