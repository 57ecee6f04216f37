import "server-only";
import { config } from "@/lib/config";
import { accounts, driverNovaFlows, lockDriverNovaInTx, postInTx, runMoneyTx } from "@/lib/ledger";
import { lastDriverActivity } from "./last-activity";
import { aliveBefore, expiryCutoff } from "./lots";
import { expiryDay, novaWords } from "./words";

export type ExpiryOutcome =
  | { status: "expired"; amount: bigint; transactionId: string }
  | { status: "off" | "no-nova" | "active" | "already" | "nothing-due" };

export const expiryKey = (driverId: string, cutoff: Date) => `nova-expiry:${driverId}:${expiryDay(cutoff)}`;

/**
 * Takes back the driver's Nova earned before today's cutoff and still unused, if they have not been
 * active since: one NOVA_EXPIRY transaction (available → issuance) per driver and cutoff. The amount
 * is worked out inside the money transaction with the driver's available account locked, so a
 * spend racing it is either counted or waits; Nova held for a code stay with the code (if the
 * hold is given back, they expire on the next day's run).
 */
export async function unsafeExpireDriverNova(driverId: string, now = new Date()): Promise<ExpiryOutcome> {
  const months = config().NOVA_EXPIRY_MONTHS;
  if (months === 0) return { status: "off" };
  const cutoff = expiryCutoff(now, months);
  const idempotencyKey = expiryKey(driverId, cutoff);
  return runMoneyTx(async (tx): Promise<ExpiryOutcome> => {
    const available = await lockDriverNovaInTx(tx, driverId);
    if (available === null || available <= 0n) return { status: "no-nova" };
    const activity = await lastDriverActivity(tx, driverId, now);
    if (activity && activity >= cutoff) return { status: "active" };
    // a second run for the same cutoff (retry, concurrent job) finds the first one's line
    if (await tx.ledgerTransaction.findUnique({ where: { idempotencyKey }, select: { id: true } }))
      return { status: "already" };
    const alive = aliveBefore(await driverNovaFlows(tx, driverId), cutoff);
    const amount = alive < available ? alive : available;
    if (amount <= 0n) return { status: "nothing-due" };
    const posted = await postInTx(tx, {
      idempotencyKey,
      type: "NOVA_EXPIRY",
      reason: `${novaWords(amount)} earned before ${expiryDay(cutoff, "words")} expired after ${months} months without activity`,
      request: { driverId, cutoff: expiryDay(cutoff) },
      metadata: { cutoff: expiryDay(cutoff), months, lastActivity: activity?.toISOString() ?? null },
      lines: [
        { account: accounts.driverNova(driverId), amount: -amount },
        { account: accounts.novaIssuance(), amount },
      ],
    });
    return { status: "expired", amount, transactionId: posted.transactionId };
  });
}
