import "server-only";
import { db } from "@/lib/db";
import { assertEnabled } from "@/lib/flags";

/** A sign-in that would create an account (an unknown email or phone) is refused while sign-ups are paused. */
export async function refuseNewAccountWhilePaused(who: { email: string } | { phone: string }): Promise<void> {
  const existing = await db().user.findUnique({ where: who, select: { id: true } });
  if (!existing) await assertEnabled("SIGN_UPS_ENABLED");
}
