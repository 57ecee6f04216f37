import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { createSandboxVerify, createTwilioVerify, type OtpSender } from "@/lib/integrations/twilio";

let sender: OtpSender | undefined;

/** Twilio Verify when keys are configured; the sandbox twin (codes in the dev outbox) otherwise. */
export function otpSender(): OtpSender {
  if (sender) return sender;
  const env = config();
  if (env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN && env.TWILIO_VERIFY_SERVICE_SID) {
    sender = createTwilioVerify({
      accountSid: env.TWILIO_ACCOUNT_SID,
      authToken: env.TWILIO_AUTH_TOKEN,
      serviceSid: env.TWILIO_VERIFY_SERVICE_SID,
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
