import "server-only";
import type { Transporter } from "nodemailer";
import { config, sandboxAllowed } from "@/lib/config";
import { db } from "@/lib/db";

export type Email = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  link?: string;
  /** Extra headers, e.g. List-Unsubscribe on notices (not kept by the sandbox outbox). */
  headers?: Record<string, string>;
};

// nodemailer loads with the first email sent over SMTP, not with every module that might send one.
let smtp: Promise<Transporter> | undefined;
const smtpTransport = (url: string) =>
  (smtp ??= import("nodemailer").then(({ default: nodemailer }) =>
    nodemailer.createTransport(url, { connectionTimeout: 10_000, socketTimeout: 15_000 }),
  ));

/**
 * Sends over SMTP when SMTP_URL is set; otherwise (sandbox) keeps it in the development outbox, where
 * that may run (production refuses to start without SMTP_URL unless SANDBOX_PROVIDERS=email).
 */
export async function sendEmail(email: Email): Promise<void> {
  const env = config();
  const { SMTP_URL, EMAIL_FROM } = env;
  if (!SMTP_URL) {
    if (!sandboxAllowed(env, "email")) throw new Error("SMTP_URL is not set and the email sandbox may not run here");
    await db().outboxMessage.create({
      data: { channel: "EMAIL", to: email.to, subject: email.subject, body: email.text, link: email.link },
    });
    return;
  }
  const transport = await smtpTransport(SMTP_URL);
  await transport.sendMail({
    from: EMAIL_FROM,
    to: email.to,
    subject: email.subject,
    text: email.text,
    html: email.html,
    headers: email.headers,
  });
}

export async function listOutbox(take = 30) {
  return db().outboxMessage.findMany({ orderBy: { createdAt: "desc" }, take });
}
