import type { WorkshopRole } from "~/generated/prisma/enums";
import type { Language } from "~/i18n/config";
import { translatorFor } from "~/i18n/i18n";

export interface ComposedMail {
  subject: string;
  text: string;
}

/** The password-reset e-mail, in the language of the person who will read it. */
export function passwordResetMail({ language, name, link }: { language: Language; name: string; link: string }): ComposedMail {
  const t = translatorFor(language);
  return { subject: t("auth:forgot.emailSubject"), text: t("auth:forgot.emailBody", { name, link }) };
}

export function invitationMail(input: {
  language: Language;
  workshopTitle: string;
  role: WorkshopRole;
  inviterName: string;
  link: string;
}): ComposedMail {
  const t = translatorFor(input.language);
  const values = {
    workshop: input.workshopTitle,
    inviter: input.inviterName,
    role: t(`common:roles.${input.role}`),
    link: input.link,
  };
  return { subject: t("people:invitations.emailSubject", values), text: t("people:invitations.emailBody", values) };
}
