import type { Translation } from "../../types";
import type fr from "../fr/auth";

export default {
  login: {
    title: "Sign in",
    email: "E-mail address",
    password: "Password",
    submit: "Sign in",
    forgot: "Forgot your password?",
    invalid: "Wrong e-mail address or password.",
    throttled: "Too many attempts. Try again in {{seconds}} seconds.",
    joinInstead: "In the room without an account? Join with the workshop code.",
  },
  logout: {
    submit: "Sign out",
  },
  forgot: {
    title: "Forgot your password",
    intro: "Enter your e-mail address: we will send you a link to choose a new password.",
    email: "E-mail address",
    submit: "Send the link",
    sentByEmail: "If an account exists for this address, an e-mail with a link valid for one hour has just been sent.",
    askOrganiser:
      "If an account exists for this address, your workshop's organiser has received your request and will give you a link to choose a new password.",
    emailSubject: "Majlis: choose a new password",
    emailBody:
      "Hello {{name}},\n\nTo choose a new password, open this link (valid for one hour, once):\n{{link}}\n\nIf you did not ask for this, ignore this message.",
  },
  reset: {
    title: "Choose a new password",
    password: "New password",
    confirm: "Confirm the password",
    hint: "At least 10 characters.",
    submit: "Save the password",
    invalidLink: "This link is no longer valid: it expired or was already used. Ask for a new one.",
    done: "Your password was changed. You are signed in.",
  },
} satisfies Translation<typeof fr>;
