import "server-only";
import { z } from "zod";
import { auditRefusals, recordAudit } from "@/lib/audit";
import { assertCan, type Actor } from "@/lib/access";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { accounts, assertActiveRecipient, createId, postNow, reverseInTx, runMoneyTx } from "@/lib/ledger";
import { postingSwitch } from "@/lib/flags";
import { formKey, wholeNumber } from "@/lib/validation";
import { checkReversal } from "./reversal";

export const grantInput = z.object({
  driverId: z.string().min(1).max(64),
  amount: wholeNumber({ min: 1, message: "Whole Nova only.", tooSmall: "Grant at least 1 Nova." }),
  reason: z.string().trim().min(3, "Say why (drivers see this).").max(200),
  idempotencyKey: formKey,
});
export const reverseInput = z.object({
  transactionId: z.string().min(1).max(64),
  reason: z.string().trim().min(3, "Say why.").max(200),
  idempotencyKey: formKey,
});

const today = () => new Date().toISOString().slice(0, 10);

/** Platform issuance → the driver's available Nova, once per idempotency key, within the caps. */
export async function grantNova(actor: Actor, input: z.infer<typeof grantInput>, meta: RequestMeta) {
  assertCan(actor, "admin:grant");
  const adminId = actor.userId;
  const env = config();
  if (input.amount > env.NOVA_GRANT_MAX)
    throw new AppError("over_grant_max", `A single grant can be at most ${env.NOVA_GRANT_MAX} Nova.`);
  const refusal = {
    action: "grant.refused",
    actorId: adminId,
    targetType: "user",
    targetId: input.driverId,
    metadata: { amount: input.amount, note: input.reason },
    ...meta,
  };
  return auditRefusals(refusal, async () => {
    if (input.driverId === adminId)
      throw new AppError("self_dealing", "You cannot grant Nova to your own account. Ask another admin.");
    const transactionId = createId();
    // one statement: the grants switch must be on (read fresh: turned off, it refuses the very
    // next grant), the driver must exist (404) and be active, the daily cap is spent and the audit
    // row written with the posting, all or nothing (a replay does none of it again)
    return postNow({
      id: transactionId,
      idempotencyKey: `grant:${adminId}:${input.idempotencyKey}`,
      type: "GRANT",
      reason: `Granted by admin: ${input.reason}`,
      request: { driverId: input.driverId, amount: input.amount, reason: input.reason },
      actorId: adminId,
      lines: [
        { account: accounts.novaIssuance(), amount: -BigInt(input.amount) },
        { account: accounts.driverNova(input.driverId), amount: BigInt(input.amount) },
      ],
      recipients: [input.driverId],
      killSwitch: postingSwitch("NOVA_GRANTS_ENABLED"),
      usage: [
        {
          key: `grant:driver:${input.driverId}:${today()}`,
          amount: BigInt(input.amount),
          cap: BigInt(env.NOVA_GRANT_DAILY_CAP),
          refusal: () =>
            new AppError(
              "daily_cap",
              `This would take the driver over today's grant cap of ${env.NOVA_GRANT_DAILY_CAP} Nova.`,
            ),
        },
      ],
      audit: {
        action: "nova.granted",
        actorId: adminId,
        targetType: "user",
        targetId: input.driverId,
        metadata: { amount: input.amount, transactionId, reason: input.reason },
        ...meta,
      },
    });
  });
}

/**
 * A grant, spend or available reward can be reversed once by an admin, with a reason; which types
 * may be reversed, and when, is the ledger's transaction-type registry's rule. Never back into the
 * admin's own account, nor to a suspended driver.
 */
export async function reverseTransaction(actor: Actor, input: z.infer<typeof reverseInput>, meta: RequestMeta) {
  assertCan(actor, "admin:grant");
  const adminId = actor.userId;
  const original = await db().ledgerTransaction.findUnique({
    where: { id: input.transactionId },
    // the drivers whose accounts the reversal would credit (the debited side of the original)
    select: { entries: { where: { amount: { lt: 0 }, account: { ownerType: "DRIVER" } }, select: { account: true } } },
  });
  if (!original) throw notFound("That transaction");
  const credited = [...new Set(original.entries.map((e) => e.account.ownerId))];
  const refusal = {
    action: "reversal.refused",
    actorId: adminId,
    targetType: "ledger_transaction",
    targetId: input.transactionId,
    metadata: { note: input.reason },
    ...meta,
  };
  return auditRefusals(refusal, () => {
    if (credited.includes(adminId))
      throw new AppError(
        "self_dealing",
        "You cannot reverse a transaction back into your own account. Ask another admin.",
      );
    return runMoneyTx(async (tx) => {
      const check = await checkReversal(input.transactionId, tx);
      if (!check) throw notFound("That transaction");
      if (check.refusal) throw new AppError("not_reversible", check.refusal);
      for (const driverId of credited) await assertActiveRecipient(tx, driverId);
      const posted = await reverseInTx(tx, {
        transactionId: input.transactionId,
        idempotencyKey: `reverse:${adminId}:${input.idempotencyKey}`,
        reason: `Reversed by admin: ${input.reason}`,
        actorId: adminId,
        request: { reason: input.reason },
        pendingReleased: check.pendingReleased,
      });
      if (!posted.replayed) {
        await recordAudit(
          {
            action: "ledger.reversed",
            actorId: adminId,
            targetType: "ledger_transaction",
            targetId: input.transactionId,
            metadata: { reversal: posted.transactionId, reason: input.reason },
            ...meta,
          },
          tx,
        );
      }
      return posted;
    });
  });
}
