import "server-only";
import { createHmac, hkdfSync } from "node:crypto";
import { assertCan, type Actor } from "@/lib/access";
import { config } from "@/lib/config";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createId } from "@/lib/ledger";
import { rateLimit } from "@/lib/rate-limit";
import { formatCode, normalizeCode, randomCode } from "./code";

export const SPEND_PREFIX = "NERAVA-SPEND:";
// 8 characters of Crockford base32 = 40 bits. A code lives a minute and pays once, and every
// attempt spends the merchant member's and the address's code limits: guessing a live one is
// hopeless, and the cashier can still type it before it changes.
export const SPEND_CODE_LENGTH = 8;
export const SPEND_TOKEN_TTL_SECONDS = 60;
// Unused codes are kept a while after expiry so a late cashier is told "expired", not "unknown".
const KEEP_EXPIRED_MINUTES = 10;

export type SpendToken = { code: string; display: string; qrValue: string; expiresAt: Date; issuedAt: Date };
export type UsedToken = { id: string; driverId: string };

let key: Buffer | undefined;
/** Only an HMAC of a code is stored, keyed from NEXTAUTH_SECRET: a database read shows no live code. */
function hashSpendCode(code: string): string {
  key ??= Buffer.from(hkdfSync("sha256", config().NEXTAUTH_SECRET, "", "nerava/spend-token/v1", 32));
  return createHmac("sha256", key).update(code).digest("hex");
}

/** A fresh single-use spend code for the signed-in driver, for themself only. */
export async function mintSpendToken(actor: Actor): Promise<SpendToken> {
  assertCan(actor, "driver:use");
  const driverId = actor.userId;
  await rateLimit("spendCodePerDriver", driverId);
  await db().$executeRaw`
    DELETE FROM "SpendToken" WHERE "driverId" = ${driverId} AND "usedAt" IS NULL
      AND "expiresAt" < now() - make_interval(mins => ${KEEP_EXPIRED_MINUTES})`;
  for (let attempt = 1; ; attempt++) {
    const code = randomCode(SPEND_CODE_LENGTH);
    // the database's clock sets the window, the same clock that judges it when the code is used
    const rows = await db().$queryRaw<{ createdAt: Date; expiresAt: Date }[]>`
      INSERT INTO "SpendToken" ("id", "driverId", "codeHash", "createdAt", "expiresAt")
      VALUES (${createId()}, ${driverId}, ${hashSpendCode(code)}, now(), now() + make_interval(secs => ${SPEND_TOKEN_TTL_SECONDS}))
      ON CONFLICT ("codeHash") DO NOTHING
      RETURNING "createdAt", "expiresAt"`;
    if (rows.length === 1)
      return {
        code,
        display: formatCode(code),
        qrValue: `${SPEND_PREFIX}${code}`,
        issuedAt: rows[0].createdAt,
        expiresAt: rows[0].expiresAt,
      };
    if (attempt >= 3) throw new Error("could not draw an unused spend code");
  }
}

/** What the cashier scanned or typed, as a stored code; null when it is not shaped like one. */
export function parseSpendCode(input: string): string | null {
  const raw = input.trim();
  const code = normalizeCode(raw.toUpperCase().startsWith(SPEND_PREFIX) ? raw.slice(SPEND_PREFIX.length) : raw);
  return /^[0-9A-HJKMNP-TV-Z]+$/.test(code) && code.length === SPEND_CODE_LENGTH ? code : null;
}

/**
 * Uses the code inside the debit's transaction: one conditional update decides, so of any number
 * of concurrent uses exactly one gets the row (the others wait for its commit and then find it
 * used; if it rolls back, the code is still good). Null when the code cannot pay.
 */
export async function useSpendToken(
  tx: Tx,
  code: string,
  use: { merchantId: string; transactionId: string },
): Promise<UsedToken | null> {
  const rows = await tx.$queryRaw<UsedToken[]>`
    UPDATE "SpendToken" t SET "usedAt" = now(), "merchantId" = ${use.merchantId}, "transactionId" = ${use.transactionId}
    FROM "User" u
    WHERE t."codeHash" = ${hashSpendCode(code)} AND t."usedAt" IS NULL AND t."expiresAt" > now()
      AND u."id" = t."driverId" AND u."status" = 'ACTIVE'
    RETURNING t."id", t."driverId"`;
  return rows[0] ?? null;
}

/** The code's state after it could not pay, to explain why (or to recognise a resubmitted form). */
export async function findSpendToken(code: string) {
  const rows = await db().$queryRaw<
    {
      id: string;
      driverId: string;
      used: boolean;
      expired: boolean;
      merchantId: string | null;
      transactionId: string | null;
      driverActive: boolean;
    }[]
  >`
    SELECT t."id", t."driverId", t."usedAt" IS NOT NULL AS used, t."expiresAt" <= now() AS expired,
           t."merchantId", t."transactionId", u."status" = 'ACTIVE' AS "driverActive"
    FROM "SpendToken" t JOIN "User" u ON u."id" = t."driverId"
    WHERE t."codeHash" = ${hashSpendCode(code)}`;
  return rows[0] ?? null;
}

export const spendTokenRefusals = {
  invalid: () =>
    new AppError(
      "spend_token_invalid",
      "That spend code is not valid. Ask the driver to open My pass in the Nerava app and read you the code shown there.",
    ),
  used: () =>
    new AppError(
      "spend_token_used",
      "This spend code was already used. Each code pays once: ask the driver for the new code in their app.",
    ),
  expired: () =>
    new AppError(
      "spend_token_expired",
      "This spend code has expired. Ask the driver for the new code on their screen (it changes every minute).",
    ),
  pass: () =>
    new AppError(
      "pass_cannot_pay",
      "That is the driver’s pass: it shows who they are but cannot pay. Ask for the spend code in their Nerava app (Wallet → My pass).",
    ),
};
