import "server-only";
import { assertCan, type Actor } from "@/lib/access";
import { db } from "@/lib/db";

/** What the driver's own wallet says while they are held for review (never the rule or its evidence). */
export async function getOwnReviewHold(actor: Actor): Promise<{ message: string } | null> {
  assertCan(actor, "driver:use");
  const held = await db().riskFlag.findFirst({
    where: { driverId: actor.userId, status: { in: ["OPEN", "SUSPENDED"] } },
    select: { id: true },
  });
  return held
    ? {
        message:
          "We are reviewing recent activity on your account. New rewards stay pending and cash-out is paused until the review ends, usually within a day.",
      }
    : null;
}
