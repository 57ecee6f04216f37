import { config } from "@/lib/config";
import { signState, verifyState } from "@/lib/crypto";
import { AppError } from "@/lib/errors";

const PURPOSE = "square-connect";

/** A 10-minute state bound to the owner and the merchant they are connecting. */
export const signSquareState = (userId: string, merchantId: string) =>
  signState({ secret: config().NEXTAUTH_SECRET, purpose: PURPOSE, userId, claims: { merchantId } });

const REFUSALS = {
  invalid: "This Square connection link is not valid. Start again from the Square page.",
  expired: "This Square connection link expired (they last 10 minutes). Start again from the Square page.",
  other_user: "This Square connection was started by another account. Start again from the Square page.",
} as const;

/** The merchant the state was issued for, or the refusal as an AppError. */
export async function merchantFromSquareState(userId: string, state: string): Promise<string> {
  const check = await verifyState({ secret: config().NEXTAUTH_SECRET, purpose: PURPOSE, userId }, state);
  if (!check.ok) throw new AppError(`state_${check.reason}`, REFUSALS[check.reason]);
  const merchantId = check.claims.merchantId;
  if (typeof merchantId !== "string" || !merchantId) throw new AppError("state_invalid", REFUSALS.invalid);
  return merchantId;
}
