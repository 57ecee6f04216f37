import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { suspendUserInTx, type RequestMeta } from "@/lib/auth";
import { assertCan, type Actor } from "@/lib/access";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { runMoneyTx } from "@/lib/ledger";
import { lockDriver } from "./raise-flags";
import { releaseIfUnheld, reverseHeld } from "./release";

export const decideFlagInput = z.object({
  flagId: z.string().min(1).max(64),
  decision: z.enum(["approve", "void", "suspend"]),
  reason: z.string().trim().min(3, "Say why (kept in the audit log).").max(300),
});
export type DecideFlagInput = z.infer<typeof decideFlagInput>;

const STATUS = { approve: "APPROVED", void: "VOIDED", suspend: "SUSPENDED" } as const;

/**
 * An admin decides an open flag: approve (release held rewards when no hold is left), void
 * (reverse the held rewards through the ledger) or suspend (suspend the driver; the flag keeps
 * holding). One transaction; the conditional update on OPEN lets exactly one decision win.
 */
export async function decideFlag(actor: Actor, input: DecideFlagInput, meta: RequestMeta) {
  assertCan(actor, "admin:risk");
  const flag = await db().riskFlag.findUnique({ where: { id: input.flagId }, select: { driverId: true, rule: true } });
  if (!flag) throw notFound("That flag");
  if (flag.driverId === actor.userId)
    throw new AppError("self_dealing", "You cannot decide a flag about your own account. Ask another admin.");
  return runMoneyTx(async (tx) => {
    await lockDriver(tx, flag.driverId);
    const { count } = await tx.riskFlag.updateMany({
      where: { id: input.flagId, status: "OPEN" },
      data: {
        status: STATUS[input.decision],
        decidedById: actor.userId,
        decidedAt: new Date(),
        decisionReason: input.reason,
      },
    });
    if (count === 0) {
      const now = await tx.riskFlag.findUnique({ where: { id: input.flagId }, select: { status: true } });
      throw new AppError(
        "flag_decided",
        `This flag was already decided (${now?.status.toLowerCase()}). Reload the page.`,
      );
    }
    const who = { driverId: flag.driverId, flagId: input.flagId, reason: input.reason, actorId: actor.userId };
    const released = input.decision === "approve" ? await releaseIfUnheld(tx, flag.driverId) : [];
    const reversed = input.decision === "void" ? await reverseHeld(tx, who) : [];
    const endedSessions = input.decision === "suspend" ? await suspendUserInTx(tx, flag.driverId) : 0;
    await recordAudit(
      {
        action: `risk.flag_${STATUS[input.decision].toLowerCase()}`,
        actorId: actor.userId,
        targetType: "user",
        targetId: flag.driverId,
        metadata: { flagId: input.flagId, rule: flag.rule, reason: input.reason, released, reversed, endedSessions },
        ...meta,
      },
      tx,
    );
    return { status: STATUS[input.decision], released: released.length, reversed: reversed.length };
  });
}
