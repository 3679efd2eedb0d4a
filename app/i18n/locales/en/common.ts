import type { Translation } from "../../types";
import type fr from "../fr/common";

export default {
  appName: "Majlis",
  tagline: "Hybrid workshops and exchange between institutions",
  skipToContent: "Skip to content",
  nav: {
    home: "Home",
    workshops: "Workshops",
    signIn: "Sign in",
    signOut: "Sign out",
    join: "Join with a code",
    account: "My account",
    mainNavigation: "Main navigation",
  },
  language: {
    label: "Language",
    choose: "Change language",
    fr: "Français",
    ar: "العربية",
    en: "English",
  },
  actions: {
    save: "Save",
    cancel: "Cancel",
    delete: "Delete",
    edit: "Edit",
    add: "Add",
    back: "Back",
    search: "Search",
    confirm: "Confirm",
    continue: "Continue",
    copy: "Copy",
    copied: "Copied",
  },
  status: {
    saved: "Changes saved.",
  },
  roles: {
    ORGANISER: "Organiser",
    FACILITATOR: "Facilitator",
    RAPPORTEUR: "Rapporteur",
    PARTICIPANT: "Participant",
    OBSERVER: "Observer",
    COMMITTEE_MEMBER: "Steering committee member",
    PEER: "Peer (other institution)",
  },
  home: {
    title: "Welcome to Majlis",
    intro:
      "Prepare hybrid workshops, run parallel sessions live, and follow recommendations all the way to the steering committee's decisions.",
    myWorkshops: "My workshops",
    publicWorkshops: "Open workshops",
    noWorkshops: "No workshops yet.",
    createWorkshop: "Create a workshop",
    joinWithCode: "In the room? Join the workshop with the code on the screen.",
  },
  errorPage: {
    title: "Something went wrong",
    notFoundTitle: "Page not found",
    notFound: "This page does not exist, or it was deleted.",
    forbiddenTitle: "Access denied",
    forbidden: "You do not have access to this page. Sign in with an account that does.",
    badRequest: "The request is not valid.",
    unexpected: "An unexpected problem stops us from showing this page. Please try again in a moment.",
    goHome: "Back to home",
  },
} satisfies Translation<typeof fr>;
