import "server-only";
import { z } from "zod";
import { auditRefusals, recordAudit, type AuditEntry } from "@/lib/audit";
import { isMerchantMember, requireMembership, type Actor } from "@/lib/access";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { isEnabled } from "@/lib/flags";
import { AppError } from "@/lib/errors";
import {
  accounts,
  createId,
  IdempotencyConflict,
  postInTx,
  runMoneyTx,
  spendUsage,
  type PostInput,
} from "@/lib/ledger";
import { rateLimit } from "@/lib/rate-limit";
import { PASS_PREFIX } from "@/lib/wallet";
import { formKey, wholeNumber } from "@/lib/validation";
import { notifyDriverOfSpend } from "./spend-notice";
import { findSpendToken, parseSpendCode, spendTokenRefusals, useSpendToken } from "./spend-token";

export const directSpendInput = z.object({
  spendCode: z.string().trim().min(1, "Scan or type the spend code from the driver’s app.").max(120),
  amount: wholeNumber({
    min: 1,
    max: 100_000,
    message: "Whole Nova only.",
    tooSmall: "Enter an amount.",
    tooBig: "Enter at most 100,000 Nova.",
  }),
  idempotencyKey: formKey,
});

/**
 * A member of the merchant takes Nova straight from a driver's balance with a spend code the driver's app
 * shows (the driver's consent to this one debit); idempotent per form. The code is used, today's
 * per-merchant limit spent and the Nova moved in one transaction: a replayed, expired or
 * concurrent use pays nothing more. The pass serial only identifies the driver and never pays,
 * and nobody who works at the merchant can pay it from their own wallet.
 */
export async function directSpend(
  actor: Actor,
  merchantId: string,
  input: z.infer<typeof directSpendInput>,
  meta: RequestMeta,
) {
  await requireMembership(actor, merchantId, "merchant:operate");
  const merchantUserId = actor.userId;
  if (!(await isEnabled("REDEMPTIONS_ENABLED")))
    throw new AppError("redemptions_disabled", "Taking Nova is paused right now.");
  await rateLimit("redeemCodePerUser", merchantUserId);
  await rateLimit("redeemCodePerIp", meta.ip);
  await refusePass(input.spendCode, merchantUserId, merchantId, meta);
  const code = parseSpendCode(input.spendCode);
  if (!code) throw spendTokenRefusals.invalid();
  const merchant = await db().merchant.findFirst({
    where: { id: merchantId, status: "ACTIVE" },
    select: { name: true },
  });
  if (!merchant) throw new AppError("merchant_inactive", "This shop cannot take Nova right now.");
  const limit = config().DIRECT_SPEND_DAILY_LIMIT_NOVA;
  const posting = (driverId: string, id?: string): PostInput => ({
    id,
    idempotencyKey: `spend:${merchantId}:${input.idempotencyKey}`,
    type: "DIRECT_SPEND",
    reason: `Spent at ${merchant.name}`,
    request: { merchantId, driverId, amount: input.amount },
    actorId: merchantUserId,
    metadata: { merchantId },
    insufficientMessage: "The driver's Nova balance does not cover this amount.",
    lines: [
      { account: accounts.driverNova(driverId), amount: -BigInt(input.amount) },
      { account: accounts.merchantNova(merchantId), amount: BigInt(input.amount) },
    ],
  });

  // names the driver whose Nova it would have taken, once their code tells who that is
  const refusal: AuditEntry = {
    action: "spend.refused",
    actorId: merchantUserId,
    targetType: "user",
    metadata: { merchantId, amount: input.amount },
    ...meta,
  };
  const spent = await auditRefusals(refusal, () =>
    runMoneyTx(async (tx) => {
      const transactionId = createId();
      const token = await useSpendToken(tx, code, { merchantId, transactionId });
      if (!token) return null;
      refusal.targetId = token.driverId;
      // the code stays unused when this rolls back
      if (token.driverId === merchantUserId || (await isMerchantMember(merchantId, token.driverId, tx)))
        throw new AppError("self_dealing", "You cannot take Nova from someone who works at this merchant.");
      const day = new Date().toISOString().slice(0, 10);
      if (
        !(await spendUsage(
          tx,
          `direct-spend:${merchantId}:${token.driverId}:${day}`,
          BigInt(input.amount),
          BigInt(limit),
        ))
      )
        throw new AppError(
          "spend_daily_limit",
          `This shop can take at most ${limit} Nova a day from one driver, and this would go over it.`,
        );
      const posted = await postInTx(tx, posting(token.driverId, transactionId));
      // this form's key already paid with another code: a different request under the same key
      if (posted.replayed) throw new IdempotencyConflict();
      await recordAudit(
        {
          action: "nova.spent",
          actorId: merchantUserId,
          targetType: "user",
          targetId: token.driverId,
          metadata: { merchantId, amount: input.amount, transactionId, spendTokenId: token.id },
          ...meta,
        },
        tx,
      );
      return { ...posted, driverId: token.driverId };
    }),
  );
  if (spent) {
    await notifyDriverOfSpend({ ...spent, merchantName: merchant.name, amount: input.amount }, meta);
    return { transactionId: spent.transactionId, replayed: false, amount: input.amount };
  }

  // The code did not pay: a resubmit of the form that used it gets the first result again.
  const token = await findSpendToken(code);
  if (!token) throw spendTokenRefusals.invalid();
  if (token.used) {
    if (token.merchantId === merchantId && token.transactionId) {
      const paid = await db().ledgerTransaction.findUnique({
        where: { id: token.transactionId },
        select: { idempotencyKey: true },
      });
      if (paid?.idempotencyKey === posting(token.driverId).idempotencyKey) {
        const replay = await runMoneyTx(async (tx) => {
          const again = await postInTx(tx, posting(token.driverId));
          if (!again.replayed) throw new Error("a spend replay posted a new transaction"); // rolled back
          return again;
        });
        return { transactionId: replay.transactionId, replayed: true, amount: input.amount };
      }
    }
    throw spendTokenRefusals.used();
  }
  if (token.expired) throw spendTokenRefusals.expired();
  if (!token.driverActive) throw new AppError("account_suspended", "This driver's account cannot pay right now.");
  throw spendTokenRefusals.invalid();
}

/** A pass serial (or its QR) only identifies the driver: refused, and kept in the audit log. */
async function refusePass(input: string, merchantUserId: string, merchantId: string, meta: RequestMeta) {
  const raw = input.trim();
  const serialNumber = raw.startsWith(PASS_PREFIX) ? raw.slice(PASS_PREFIX.length) : raw;
  const pass = await db().walletPass.findUnique({ where: { serialNumber }, select: { userId: true } });
  if (!pass && !raw.startsWith(PASS_PREFIX)) return;
  await recordAudit({
    action: "nova.spend_refused_pass",
    actorId: merchantUserId,
    targetType: "user",
    targetId: pass?.userId,
    metadata: { merchantId },
    ...meta,
  });
  throw spendTokenRefusals.pass();
}
