import "server-only";
import type { CurrentSession } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { currentMerchantId } from "@/lib/merchants";

/** The merchant this member works at: every merchant action's write is scoped to it. */
export async function merchantFor(session: CurrentSession): Promise<string> {
  const merchantId = await currentMerchantId(session);
  if (!merchantId) throw new AppError("no_merchant", "You are not a member of a merchant yet.");
  return merchantId;
}
