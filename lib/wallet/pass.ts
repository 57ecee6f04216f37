import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { assertCan, type Actor } from "@/lib/access";
import { db } from "@/lib/db";

/** What the pass QR carries: it identifies the driver at the counter and never pays. */
export const PASS_PREFIX = "NERAVA-PASS:";

/** The actor's own pass (its serial is what the pass QR carries); made on first use. */
export async function getOrCreatePass(actor: Actor): Promise<{ serialNumber: string; qrValue: string }> {
  assertCan(actor, "driver:use");
  const userId = actor.userId;
  const existing = await db().walletPass.findUnique({ where: { userId }, select: { serialNumber: true } });
  if (!existing) {
    // ON CONFLICT DO NOTHING: two first requests at once (a double tap) both end with the one pass
    await db().walletPass.createMany({
      data: {
        userId,
        serialNumber: randomBytes(12).toString("base64url"),
        // a hash of a token never handed out: no device can use the pass until Apple's is issued
        authTokenHash: createHash("sha256").update(randomBytes(32)).digest("hex"),
      },
      skipDuplicates: true,
    });
  }
  const serialNumber =
    existing?.serialNumber ??
    (await db().walletPass.findUniqueOrThrow({ where: { userId }, select: { serialNumber: true } })).serialNumber;
  return { serialNumber, qrValue: `${PASS_PREFIX}${serialNumber}` };
}
