import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { rateLimit } from "@/lib/rate-limit";
import { otpSender } from "./otp-sender";
import type { RequestMeta } from "./request-meta";
import { completeSignIn } from "./complete-sign-in";
import { findOrCreateDriver } from "./create-driver";
import { refuseNewAccountWhilePaused } from "./sign-ups-paused";

/** US numbers may be typed without +1; everything else must be E.164. */
export const phoneSchema = z
  .string()
  .trim()
  .transform((raw) => {
    const digits = raw.replace(/[\s().-]/g, "");
    if (/^\d{10}$/.test(digits)) return `+1${digits}`;
    if (/^1\d{10}$/.test(digits)) return `+${digits}`;
    return digits;
  })
  .pipe(z.string().regex(/^\+[1-9]\d{7,14}$/, "Enter a mobile number like +1 512 555 0142."));

export const sendCodeInput = z.object({ phone: phoneSchema });
export const verifyCodeInput = z.object({
  phone: phoneSchema,
  code: z
    .string()
    .trim()
    .regex(/^\d{4,8}$/, "Enter the code from the text message."),
});

const SEND_ERRORS = {
  invalid_number: ["invalid_phone", "That number cannot receive text messages. Check it and try again."],
  rate_limited: ["rate_limited", "Too many codes sent to this number. Try again later."],
  provider_unavailable: ["sms_unavailable", "We could not send a text right now. Try again in a minute, or use email."],
} as const;

export async function sendSignInCode(
  input: z.infer<typeof sendCodeInput>,
  meta: RequestMeta,
): Promise<{ phone: string }> {
  const sender = otpSender(); // refuses first when text-message sign-in is off
  await rateLimit("otpSendPerIp", meta.ip);
  await rateLimit("otpSendPerNumber", input.phone);
  const result = await sender.send(input.phone);
  if (!result.ok) {
    const [code, message] = SEND_ERRORS[result.reason];
    throw new AppError(code, message);
  }
  return { phone: input.phone };
}

const CHECK_MESSAGES = {
  wrong_code: "That code is not right. Check the text message and try again.",
  expired_or_used: "That code has expired or was already used. Send a new one.",
  too_many_attempts: "Too many wrong codes. Send a new one.",
  provider_unavailable: "We could not check the code right now. Try again in a minute.",
} as const;

/** A verified number signs in its account, creating a driver account on first use. */
export async function verifySignInCode(input: z.infer<typeof verifyCodeInput>, meta: RequestMeta) {
  const sender = otpSender();
  await rateLimit("otpVerifyPerNumber", input.phone);
  const result = await sender.check(input.phone, input.code);
  if (!result.ok) {
    await recordAudit({ action: "auth.sign_in_failed", metadata: { method: "sms", reason: result.reason }, ...meta });
    throw new AppError(result.reason, CHECK_MESSAGES[result.reason]);
  }
  await refuseNewAccountWhilePaused({ phone: input.phone });
  const user = await findOrCreateDriver({ phone: input.phone });
  return completeSignIn(user, "sms", meta);
}
