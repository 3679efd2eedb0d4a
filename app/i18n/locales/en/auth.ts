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
  invite: {
    title: "Invitation",
    intro: "You are invited to join the workshop “{{workshop}}” as {{role}}.",
    signedInAs: "You are signed in as {{name}}.",
    accept: "Accept and join the workshop",
    createAccountTitle: "Create your account",
    name: "Full name",
    email: "E-mail address",
    emailFixed: "The invitation was sent to this address: your account will use it.",
    password: "Password",
    passwordHint: "At least 10 characters.",
    confirm: "Confirm the password",
    createAccount: "Create my account and join the workshop",
    haveAccountTitle: "Already have an account?",
    signIn: "Sign in to accept the invitation",
    emailTaken: "An account already exists with this address. Sign in to accept the invitation.",
    invalidTitle: "Invitation not valid",
    expired: "This invitation has expired. Ask the workshop's organiser for a new link.",
    used: "This invitation was already used. If it was you, sign in; otherwise ask the organiser for a new link.",
    unknown: "This invitation does not exist or was withdrawn. Ask the workshop's organiser for a new link.",
  },
} satisfies Translation<typeof fr>;
