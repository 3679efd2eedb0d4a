import type { Language } from "~/i18n/config";
import { translatorFor } from "~/i18n/i18n";
import type { ComposedMail } from "~/mail/messages";

/** The e-mail to someone an admin added to their institution: their account exists, they only choose a password. */
export function welcomeMail(input: { language: Language; name: string; institution: string; inviterName: string; link: string }): ComposedMail {
  const t = translatorFor(input.language);
  const values = { name: input.name, institution: input.institution, inviter: input.inviterName, link: input.link };
  return { subject: t("institutions:people.emailSubject", values), text: t("institutions:people.emailBody", values) };
}
