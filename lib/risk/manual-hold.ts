import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { type RequestMeta } from "@/lib/auth";
import { assertCan, type Actor } from "@/lib/access";
import { AppError, notFound } from "@/lib/errors";
import { createId, runMoneyTx } from "@/lib/ledger";
import { lockDriver } from "./raise-flags";
import { releaseIfUnheld } from "./release";
import { MANUAL_HOLD } from "./rules";

export const holdInput = z.object({
  userId: z.string().min(1).max(64),
  reason: z.string().trim().min(3, "Say why (kept in the audit log).").max(300),
});
export type HoldInput = z.infer<typeof holdInput>;

/** An admin holds a driver's cash-outs (and new rewards stay pending): an open flag of its own rule. */
export async function holdCashOuts(actor: Actor, input: HoldInput, meta: RequestMeta) {
  assertCan(actor, "admin:risk");
  if (input.userId === actor.userId) throw new AppError("self_dealing", "You cannot hold your own account.");
  return runMoneyTx(async (tx) => {
    if (!(await lockDriver(tx, input.userId))) throw notFound("That driver");
    const id = createId();
    const rows = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "RiskFlag" ("id", "driverId", "rule", "evidence", "fingerprint", "summary")
      VALUES (${id}, ${input.userId}, ${MANUAL_HOLD}, ${JSON.stringify({ facts: [`Held by an admin: ${input.reason}`] })}::jsonb,
              ${id}, ${`Cash-outs held by an admin: ${input.reason}`})
      ON CONFLICT DO NOTHING RETURNING "id"`;
    if (!rows[0]) throw new AppError("hold_exists", "This driver's cash-outs are already held.");
    await recordAudit(
      {
        action: "risk.hold_placed",
        actorId: actor.userId,
        targetType: "user",
        targetId: input.userId,
        metadata: { flagId: id, reason: input.reason },
        ...meta,
      },
      tx,
    );
    return { flagId: id };
  });
}

/**
 * Lifts the admin's hold and any hold a suspension decision kept (the driver must be active again):
 * those flags become approved with the reason; then, if no open flag is left, held rewards are released.
 */
export async function releaseHold(actor: Actor, input: HoldInput, meta: RequestMeta) {
  assertCan(actor, "admin:risk");
  if (input.userId === actor.userId) throw new AppError("self_dealing", "You cannot release your own hold.");
  return runMoneyTx(async (tx) => {
    if (!(await lockDriver(tx, input.userId))) throw notFound("That driver");
    const user = await tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: { status: true } });
    if (user.status !== "ACTIVE")
      throw new AppError("account_suspended", "Reinstate the driver first: a suspended account stays held.");
    const lifted = await tx.riskFlag.findMany({
      where: { driverId: input.userId, OR: [{ rule: MANUAL_HOLD, status: "OPEN" }, { status: "SUSPENDED" }] },
      select: { id: true, status: true },
    });
    if (lifted.length === 0)
      throw new AppError("no_hold", "There is no admin hold to release. Open flags are decided in the review queue.");
    await tx.riskFlag.updateMany({
      where: { id: { in: lifted.map((f) => f.id) }, status: { in: ["OPEN", "SUSPENDED"] } },
      data: {
        status: "APPROVED",
        decidedById: actor.userId,
        decidedAt: new Date(),
        decisionReason: `Hold released: ${input.reason}`,
      },
    });
    const released = await releaseIfUnheld(tx, input.userId);
    await recordAudit(
      {
        action: "risk.hold_released",
        actorId: actor.userId,
        targetType: "user",
        targetId: input.userId,
        metadata: { flags: lifted, reason: input.reason, released },
        ...meta,
      },
      tx,
    );
    return { released: released.length };
  });
}
