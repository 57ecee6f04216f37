import "server-only";
import { config } from "@/lib/config";
import { db, type Tx } from "@/lib/db";
import { lowBalanceEmail, purchaseWaitingFundsEmail, sendEmail } from "@/lib/email";
import { enqueueInTx, queueReady } from "@/lib/jobs";
import { refundUsage, spendUsage, unsafeGetBalances } from "@/lib/ledger";

export type MerchantNoticeKind = "waiting-funds" | "low-balance";

const day = (d: Date) => d.toISOString().slice(0, 10);
const noticeKey = (kind: MerchantNoticeKind, merchantId: string, now: Date) =>
  `notice:${kind}:${merchantId}:${day(now)}`;

/**
 * Inside the money transaction that found the reason: queues the owners' email to go out after
 * commit. Best effort: without a started queue in this process (a caller that skipped
 * jobsReady) nothing is queued here, and the 5-minute purchase sweep sends it instead.
 */
export async function requestMerchantNotice(tx: Tx, merchantId: string, kind: MerchantNoticeKind, now = new Date()) {
  if (!queueReady()) return;
  const key = noticeKey(kind, merchantId, now);
  await enqueueInTx(tx, "purchase-merchant-notice", { merchantId, kind }, { singletonKey: key });
}

/**
 * Emails the merchant's owners that a purchase reward waits for funds, or that their prepaid
 * balance is low: only while it is still true, and at most once a day per merchant and kind
 * (a counter claims the day; a failed send gives the claim back, so the job's retry can send).
 */
export async function unsafeSendMerchantNotice(
  merchantId: string,
  kind: MerchantNoticeKind,
  now = new Date(),
): Promise<string> {
  const balanceCents = Number((await unsafeGetBalances("MERCHANT", merchantId)).usd.available);
  const merchant = await db().merchant.findUnique({
    where: { id: merchantId },
    select: {
      name: true,
      members: { where: { role: "OWNER" }, select: { user: { select: { email: true } } } },
      _count: { select: { purchaseRewards: { where: { status: "WAITING_FUNDS" } } } },
    },
  });
  if (!merchant) return "no such merchant";
  const waiting = merchant._count.purchaseRewards;
  if (kind === "waiting-funds" && waiting === 0) return "nothing waits for funds";
  if (kind === "low-balance" && balanceCents >= config().MERCHANT_LOW_BALANCE_CENTS) return "balance is fine";
  const owners = merchant.members.map((m) => m.user.email).filter((e): e is string => !!e);
  if (owners.length === 0) return "no owner with an email address";

  const key = noticeKey(kind, merchantId, now);
  if (!(await db().$transaction((tx) => spendUsage(tx, key, 1n, 1n)))) return "already sent today";
  const link = `${config().NEXTAUTH_URL.replace(/\/+$/, "")}/merchant/funding`;
  const email =
    kind === "waiting-funds"
      ? purchaseWaitingFundsEmail({ merchantName: merchant.name, waiting, balanceCents }, link)
      : lowBalanceEmail(
          { merchantName: merchant.name, balanceCents, thresholdCents: config().MERCHANT_LOW_BALANCE_CENTS },
          link,
        );
  try {
    for (const to of owners) await sendEmail({ to, ...email });
  } catch (err) {
    await db().$transaction((tx) => refundUsage(tx, key, 1n));
    throw err;
  }
  return `sent to ${owners.length}`;
}
