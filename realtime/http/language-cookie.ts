import type { RequestHandler } from "express";
import { isLanguage } from "~/i18n/config";
import { languageCookie } from "~/i18n/locale.server";

/**
 * `?lng=` on any page also remembers the choice for visitors who are not signed in. Done here rather than in the
 * root loader because Remix keeps only the matched route's headers on a document response.
 */
export const rememberLanguageChoice: RequestHandler = (req, res, next) => {
  const lng = req.query.lng;
  if (!isLanguage(lng)) return next();
  languageCookie
    .serialize(lng)
    .then((cookie) => res.append("Set-Cookie", cookie))
    .then(() => next(), next);
};
