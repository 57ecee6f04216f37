import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { payoutNoticeEmail, sendEmail } from "@/lib/email";

export type NoticeKind = "paid" | "failed" | "returned";

/** The job behind a payout's emails: queued in the transition's transaction, sent after it commits. */
export async function unsafeSendPayoutNotice(payoutId: string, kind: NoticeKind): Promise<string> {
  const payout = await db().payout.findUnique({
    where: { id: payoutId },
    select: { amountCents: true, feeCents: true, failureReason: true, user: { select: { email: true } } },
  });
  if (!payout?.user.email) return "no email address";
  const link = `${config().NEXTAUTH_URL.replace(/\/+$/, "")}/app/cash-out/${payoutId}`;
  const email = payoutNoticeEmail(
    {
      netCents: payout.amountCents - payout.feeCents,
      amountCents: payout.amountCents,
      kind,
      reason: payout.failureReason,
    },
    link,
  );
  await sendEmail({ to: payout.user.email, ...email });
  return "sent";
}
