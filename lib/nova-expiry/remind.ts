import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { novaExpiryReminderEmail, sendEmail } from "@/lib/email";
import { refundUsage, spendUsage } from "@/lib/ledger";
import { startOfUtcDay } from "./lots";
import { unsafeNextNovaExpiry } from "./next-expiry";
import { expiryDay } from "./words";

const DAY = 86_400_000;

export const reminderKey = (driverId: string, expiresOn: Date) =>
  `nova-expiry-reminder:${driverId}:${expiryDay(expiresOn)}`;

/**
 * Emails the driver NOVA_EXPIRY_REMINDER_DAYS ahead of their next expiry, once per driver and
 * expiry date: a counter claims the date (a retry or a concurrent run finds it claimed); a failed
 * send gives the claim back so the job's retry sends. Activity moves the date, and the new date
 * gets its own reminder.
 */
export async function unsafeSendExpiryReminder(driverId: string, now = new Date()): Promise<string> {
  const days = config().NOVA_EXPIRY_REMINDER_DAYS;
  const next = await unsafeNextNovaExpiry(driverId, now);
  if (!next) return "nothing expires";
  const today = startOfUtcDay(now).getTime();
  if (next.expiresOn.getTime() <= today) return "expires today";
  if (next.expiresOn.getTime() - today > days * DAY) return "not yet";
  const user = await db().user.findUnique({ where: { id: driverId }, select: { email: true } });
  if (!user?.email) return "no email address";

  const key = reminderKey(driverId, next.expiresOn);
  if (!(await db().$transaction((tx) => spendUsage(tx, key, 1n, 1n)))) return "already reminded";
  const link = `${config().NEXTAUTH_URL.replace(/\/+$/, "")}/app/wallet`;
  try {
    await sendEmail({ to: user.email, ...novaExpiryReminderEmail(next, link) });
  } catch (err) {
    await db().$transaction((tx) => refundUsage(tx, key, 1n));
    throw err;
  }
  return "sent";
}
