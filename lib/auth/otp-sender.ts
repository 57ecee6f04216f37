import "server-only";
import { config, sandboxAllowed } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createSandboxVerify, createTwilioVerify, type OtpSender } from "@/lib/integrations/twilio";

let sender: OtpSender | undefined;

const twilioConfigured = (env: ReturnType<typeof config>) =>
  Boolean(env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN && env.TWILIO_VERIFY_SERVICE_SID);

/** Whether text-message sign-in works here: switched on, and Twilio or a permitted sandbox twin behind it. */
export function smsSignInAvailable(): boolean {
  const env = config();
  return env.SMS_SIGNIN_ENABLED && (twilioConfigured(env) || sandboxAllowed(env, "twilio"));
}

/**
 * Twilio Verify when keys are configured; the sandbox twin (codes in the dev outbox) otherwise, where
 * it may run (production only with SANDBOX_PROVIDERS=twilio).
 */
export function otpSender(): OtpSender {
  if (!smsSignInAvailable())
    throw new AppError("sms_disabled", "Text-message sign-in is not available. Use email or a password.");
  if (sender) return sender;
  const env = config();
  if (twilioConfigured(env)) {
    sender = createTwilioVerify({
      accountSid: env.TWILIO_ACCOUNT_SID!,
      authToken: env.TWILIO_AUTH_TOKEN!,
      serviceSid: env.TWILIO_VERIFY_SERVICE_SID!,
      baseUrl: env.TWILIO_API_BASE,
    });
  } else {
    sender = createSandboxVerify({
      db: db(),
      deliver: async (phone, text) => {
        await db().outboxMessage.create({ data: { channel: "SMS", to: phone, body: text } });
      },
    });
  }
  return sender;
}
