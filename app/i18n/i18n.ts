import i18next, { type i18n as I18n } from "i18next";
import { DEFAULT_LANGUAGE, type Language } from "./config";
import { resources } from "./resources";

/**
 * A ready i18next instance for one language. Resources are bundled (three small languages), so creation is
 * synchronous and the server and the browser render the same text on the first pass.
 */
export function createI18n(language: Language): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    resources,
    defaultNS: "common",
    ns: Object.keys(resources.fr),
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

const serverInstances = new Map<Language, I18n>();

/** For text produced outside React (CSV headers, e-mails): a translate function for the given language. */
export function translatorFor(language: Language) {
  let instance = serverInstances.get(language);
  if (!instance) {
    instance = createI18n(language);
    serverInstances.set(language, instance);
  }
  return instance.t.bind(instance);
}
