import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { type RequestMeta } from "@/lib/auth";
import { assertCan, type Actor } from "@/lib/access";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { findRiskSignals } from "./evaluate";
import { raiseFlags } from "./raise-flags";

export const evaluateNowInput = z.object({ userId: z.string().min(1).max(64) });

/** An admin runs every enabled rule over one driver now (instead of waiting for the sweep), audited. */
export async function evaluateDriverNow(actor: Actor, input: z.infer<typeof evaluateNowInput>, meta: RequestMeta) {
  assertCan(actor, "admin:risk");
  const driver = await db().user.findFirst({ where: { id: input.userId, role: "DRIVER" }, select: { id: true } });
  if (!driver) throw notFound("That driver");
  const findings = await findRiskSignals(driver.id);
  const raised = await raiseFlags(driver.id, findings, actor.userId);
  await recordAudit({
    action: "risk.evaluated",
    actorId: actor.userId,
    targetType: "user",
    targetId: driver.id,
    metadata: { found: findings.map((f) => f.rule), raised: raised.map((r) => r.id) },
    ...meta,
  });
  return { found: findings.length, raised: raised.length };
}
