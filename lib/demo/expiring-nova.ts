import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/client";

const id = () => `l${Date.now().toString(36)}${randomBytes(10).toString("hex")}`;
const DAY = 86_400_000;

/**
 * The lapsed demo driver's 120 Nova, earned 12 months less 10 days before the first seed: with the
 * default NOVA_EXPIRY_MONTHS the wallet says they expire in about 10 days and the daily job emails
 * the reminder. Written as one balanced posting (platform issuance → the driver), claimed by its
 * idempotency key so a second seed changes nothing. Raw SQL because the seed runs outside Next
 * (lib/ledger is server-only); `npm run ledger:check` stays clean.
 */
export async function seedExpiringNova(db: Db, driverId: string, amount = 120n): Promise<void> {
  const earnedAt = new Date(Date.now() - 365 * DAY + 10 * DAY);
  await db.$transaction(async (tx) => {
    const txId = id();
    const claimed = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "LedgerTransaction" ("id", "idempotencyKey", "requestHash", "type", "reason", "createdAt")
      VALUES (${txId}, ${`demo:expiring-nova:${driverId}`}, 'demo-seed', 'GRANT', 'Welcome bonus', ${earnedAt})
      ON CONFLICT ("idempotencyKey") DO NOTHING RETURNING "id"`;
    if (claimed.length === 0) return;
    const lines = [
      { ownerType: "PLATFORM", ownerId: "platform", kind: "ISSUANCE", allowNegative: true, amount: -amount },
      { ownerType: "DRIVER", ownerId: driverId, kind: "AVAILABLE", allowNegative: false, amount },
    ];
    for (const l of lines) {
      const [account] = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "LedgerAccount" ("id", "ownerType", "ownerId", "kind", "currency", "balance", "allowNegative")
        VALUES (${id()}, ${l.ownerType}::"OwnerType", ${l.ownerId}, ${l.kind}::"AccountKind", 'NOVA', ${l.amount}, ${l.allowNegative})
        ON CONFLICT ("ownerType", "ownerId", "kind", "currency")
          DO UPDATE SET "balance" = "LedgerAccount"."balance" + EXCLUDED."balance"
        RETURNING "id"`;
      await tx.$executeRaw`
        INSERT INTO "LedgerEntry" ("transactionId", "accountId", "amount", "createdAt")
        VALUES (${txId}, ${account.id}, ${l.amount}, ${earnedAt})`;
    }
  });
}
