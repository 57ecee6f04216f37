export type OtpSendResult =
  { ok: true } | { ok: false; reason: "invalid_number" | "provider_unavailable" | "rate_limited" };

export type OtpCheckResult =
  { ok: true } | { ok: false; reason: "wrong_code" | "expired_or_used" | "too_many_attempts" | "provider_unavailable" };

/** Sends a one-time code by SMS and checks it; Twilio Verify in production, a database twin in the sandbox. */
export interface OtpSender {
  send(phoneE164: string): Promise<OtpSendResult>;
  check(phoneE164: string, code: string): Promise<OtpCheckResult>;
}
