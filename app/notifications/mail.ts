import type { Language } from "~/i18n/config";
import { translatorFor } from "~/i18n/i18n";
import type { ComposedMail } from "~/mail/messages";
import type { NotificationKind } from "./kinds";

/** A notification e-mail, in the language of the person who will read it. */
export function notificationMail(input: {
  language: Language;
  kind: NotificationKind;
  recipientName: string;
  actorName: string | null;
  title: string;
  excerpt: string | null;
  link: string;
  settingsLink: string;
}): ComposedMail {
  const t = translatorFor(input.language);
  const values = { title: input.title, actor: input.actorName ?? t("notifications:someone") };
  const paragraphs = [
    t("notifications:mail.greeting", { name: input.recipientName }),
    t(`notifications:items.${input.kind}`, values),
    ...(input.excerpt ? [quoted(input.excerpt)] : []),
    t("notifications:mail.open", { link: input.link }),
    t("notifications:mail.footer", { link: input.settingsLink }),
  ];
  return { subject: t(`notifications:mail.subjects.${input.kind}`, values), text: paragraphs.join("\n\n") };
}

/** Quoted like a reply, so the reader tells the excerpt from the message around it. */
function quoted(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => `> ${line}`)
    .join("\n");
}
