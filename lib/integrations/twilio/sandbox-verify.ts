import { createHash, randomInt, timingSafeEqual } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { logger } from "@/lib/observability";
import type { OtpSender } from "./types";

export type SandboxVerifyDeps = {
  db: Db;
  /** Where the text goes instead of an SMS (the development outbox, a test's array). */
  deliver: (phone: string, text: string) => Promise<void>;
  now?: () => Date;
};

const TTL_MS = 10 * 60_000;
const MAX_CHECKS = 5;
const E164 = /^\+[1-9]\d{7,14}$/;

const hashCode = (phone: string, code: string) => createHash("sha256").update(`${phone}:${code}`).digest("hex");

/** Verify's twin on our own database: same rules (10 minutes, 5 checks, one success), no network. */
export function createSandboxVerify({ db, deliver, now = () => new Date() }: SandboxVerifyDeps): OtpSender {
  return {
    async send(phone) {
      if (!E164.test(phone)) return { ok: false, reason: "invalid_number" };
      const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
      const at = now();
      // A new code replaces the open one, as a resend does on Verify.
      await db.$transaction([
        db.otpChallenge.updateMany({ where: { phone, usedAt: null }, data: { usedAt: at } }),
        db.otpChallenge.create({
          data: { phone, codeHash: hashCode(phone, code), expiresAt: new Date(at.getTime() + TTL_MS) },
        }),
      ]);
      try {
        await deliver(phone, `Your Nerava code is ${code}. It expires in 10 minutes.`);
        return { ok: true };
      } catch (err) {
        logger.warn({ provider: "sandbox-verify", err: (err as Error)?.name }, "sandbox code delivery failed");
        return { ok: false, reason: "provider_unavailable" };
      }
    },

    async check(phone, code) {
      const at = now();
      const challenge = await db.otpChallenge.findFirst({
        where: { phone, usedAt: null, expiresAt: { gt: at } },
        orderBy: { createdAt: "desc" },
        select: { id: true, codeHash: true },
      });
      if (!challenge) return { ok: false, reason: "expired_or_used" };

      // Counting the attempt is one conditional update, so parallel guesses cannot exceed the limit.
      const counted = await db.otpChallenge.updateMany({
        where: { id: challenge.id, attempts: { lt: MAX_CHECKS }, usedAt: null, expiresAt: { gt: at } },
        data: { attempts: { increment: 1 } },
      });
      if (counted.count === 0) {
        // Out of attempts, or the row was used, replaced or expired since we read it.
        const row = await db.otpChallenge.findUnique({
          where: { id: challenge.id },
          select: { usedAt: true, attempts: true },
        });
        const exhausted = row !== null && row.usedAt === null && row.attempts >= MAX_CHECKS;
        return { ok: false, reason: exhausted ? "too_many_attempts" : "expired_or_used" };
      }

      const given = Buffer.from(hashCode(phone, code), "hex");
      if (!timingSafeEqual(given, Buffer.from(challenge.codeHash, "hex"))) return { ok: false, reason: "wrong_code" };

      const used = await db.otpChallenge.updateMany({
        where: { id: challenge.id, usedAt: null },
        data: { usedAt: at },
      });
      return used.count === 1 ? { ok: true } : { ok: false, reason: "expired_or_used" };
    },
  };
}
