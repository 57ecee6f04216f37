import "server-only";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { sendEmail, spendNoticeEmail } from "@/lib/email";
import { requestLogger } from "@/lib/observability";

type Spend = { transactionId: string; driverId: string; merchantName: string; amount: number };

/**
 * Tells the driver about a spend, with a link to report it. The wallet shows every spend with
 * "Not me? Report it" whatever happens here, so a failed email never fails the spend: it is
 * logged. (Phone-only drivers have no email; their wallet is the notice.)
 */
export async function notifyDriverOfSpend(spend: Spend, meta: RequestMeta): Promise<void> {
  try {
    const driver = await db().user.findUnique({ where: { id: spend.driverId }, select: { email: true } });
    if (!driver?.email) return;
    const link = `${config().NEXTAUTH_URL}/app/wallet#tx-${spend.transactionId}`;
    await sendEmail({ to: driver.email, ...spendNoticeEmail({ ...spend, when: new Date() }, link) });
  } catch (err) {
    requestLogger(meta.requestId).error({ err, transactionId: spend.transactionId }, "spend notice not sent");
  }
}
