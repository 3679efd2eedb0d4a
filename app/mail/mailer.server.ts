import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "~/env.server";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

let transport: Transporter | undefined;

/** Without SMTP_URL nothing is sent: links are shown to the organiser, who hands them over instead. */
export function isMailConfigured(): boolean {
  return Boolean(getEnv().SMTP_URL);
}

function mailTransport(): Transporter {
  const { SMTP_URL } = getEnv();
  if (!SMTP_URL) throw new Error("SMTP_URL is not set: check isMailConfigured() before sending.");
  transport ??= nodemailer.createTransport(SMTP_URL);
  return transport;
}

/** Plain-text mail only: it reads the same in every client, and links in it stay copyable. */
export async function sendMail(mail: OutgoingMail): Promise<void> {
  await mailTransport().sendMail({ from: getEnv().MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
}
