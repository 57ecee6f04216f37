import "server-only";
import { randomBytes, createHash } from "node:crypto";
import { z } from "zod";
import { auditRefusals, recordAudit } from "@/lib/audit";
import { assertCan, isMerchantMember, requireMembership, type Actor } from "@/lib/auth";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { db } from "@/lib/db";
import { isEnabled } from "@/lib/flags";
import { AppError } from "@/lib/errors";
import { accounts, postInTx, runMoneyTx } from "@/lib/ledger";
import { rateLimit } from "@/lib/rate-limit";

export const PASS_PREFIX = "NERAVA-PASS:";
export const directSpendInput = z.object({
  pass: z.string().trim().min(8, "Scan or enter the driver's pass.").max(120),
  amount: z.coerce.number().int("Whole Nova only.").positive("Enter an amount.").max(100_000),
  idempotencyKey: z.string().min(16).max(100),
});

/** The actor's own pass (its serial is what the pass QR carries); made on first use. */
export async function getOrCreatePass(actor: Actor): Promise<{ serialNumber: string; qrValue: string }> {
  assertCan(actor, "driver:use");
  const userId = actor.userId;
  const existing = await db().walletPass.findUnique({ where: { userId }, select: { serialNumber: true } });
  const serialNumber =
    existing?.serialNumber ??
    (
      await db().walletPass.upsert({
        where: { userId },
        update: {},
        create: {
          userId,
          serialNumber: randomBytes(12).toString("base64url"),
          authTokenHash: createHash("sha256").update(randomBytes(32)).digest("hex"),
        },
        select: { serialNumber: true },
      })
    ).serialNumber;
  return { serialNumber, qrValue: `${PASS_PREFIX}${serialNumber}` };
}

/** A member of the merchant takes Nova straight from a driver's balance against the pass QR; idempotent per form. */
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
  const serialNumber = input.pass.startsWith(PASS_PREFIX) ? input.pass.slice(PASS_PREFIX.length) : input.pass;
  const pass = await db().walletPass.findUnique({
    where: { serialNumber },
    select: { userId: true, user: { select: { status: true } } },
  });
  if (!pass || pass.user.status !== "ACTIVE")
    throw new AppError("unknown_pass", "That pass is not valid. Ask the driver to open their pass again.");
  const merchant = await db().merchant.findFirst({
    where: { id: merchantId, status: "ACTIVE" },
    select: { name: true },
  });
  if (!merchant) throw new AppError("merchant_inactive", "This shop cannot take Nova right now.");
  const refusal = {
    action: "spend.refused",
    actorId: merchantUserId,
    targetType: "user",
    targetId: pass.userId,
    metadata: { merchantId, amount: input.amount },
    ...meta,
  };
  await auditRefusals(refusal, async () => {
    if (pass.userId === merchantUserId || (await isMerchantMember(merchantId, pass.userId)))
      throw new AppError("self_dealing", "You cannot take Nova from the pass of someone who works at this merchant.");
  });
  return runMoneyTx(async (tx) => {
    const posted = await postInTx(tx, {
      idempotencyKey: `spend:${merchantId}:${input.idempotencyKey}`,
      type: "DIRECT_SPEND",
      reason: `Spent at ${merchant.name}`,
      actorId: merchantUserId,
      metadata: { merchantId },
      insufficientMessage: "The driver's Nova balance does not cover this amount.",
      lines: [
        { account: accounts.driverNova(pass.userId), amount: -BigInt(input.amount) },
        { account: accounts.merchantNova(merchantId), amount: BigInt(input.amount) },
      ],
    });
    if (!posted.replayed) {
      await recordAudit(
        {
          action: "nova.spent",
          actorId: merchantUserId,
          targetType: "user",
          targetId: pass.userId,
          metadata: { merchantId, amount: input.amount, transactionId: posted.transactionId },
          ...meta,
        },
        tx,
      );
    }
    return { ...posted, amount: input.amount };
  });
}
