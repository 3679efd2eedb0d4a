import ar from "./locales/ar";
import en from "./locales/en";
import fr from "./locales/fr";

export const resources = { fr, ar, en };
