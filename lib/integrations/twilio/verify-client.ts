import type { Twilio } from "twilio";
import type RequestClient from "twilio/lib/base/RequestClient";
import { logger } from "@/lib/observability";
import type { OtpCheckResult, OtpSender, OtpSendResult } from "./types";

export type TwilioVerifyOptions = {
  accountSid: string;
  authToken: string;
  serviceSid: string;
  /** Points the SDK at a fake (tests, local runs): `https://verify.twilio.com/x` → `${baseUrl}/x`. */
  baseUrl?: string;
  /** Per request; the SDK's own default is 30 s. */
  timeoutMs?: number;
};

const VERIFY_ORIGIN = "https://verify.twilio.com";

/**
 * The SDK (about 230 files) loads on the first send or check, not with every module on the sign-in
 * path. Its edge/region settings cannot name localhost, so the fake is reached by rewriting the URI.
 */
async function loadTwilioClient(opts: TwilioVerifyOptions): Promise<Twilio> {
  const { default: twilio } = await import("twilio");
  const baseUrl = opts.baseUrl?.replace(/\/+$/, "");
  class VerifyRequestClient extends twilio.RequestClient {
    override request<T>(req: RequestClient.RequestOptions<T>) {
      const uri = new URL(req.uri);
      if (!baseUrl || uri.origin !== VERIFY_ORIGIN) return super.request(req);
      return super.request({ ...req, uri: `${baseUrl}${uri.pathname}${uri.search}` });
    }
  }
  const httpClient = new VerifyRequestClient({ timeout: opts.timeoutMs ?? 8_000, autoRetry: false });
  return twilio(opts.accountSid, opts.authToken, { httpClient, autoRetry: false });
}

type Failure = { kind: "http"; status: number; code?: number } | { kind: "network"; timeout: boolean; errno?: string };

/** RestException (and the newer RFC 9457 TwilioServiceException) carry a numeric status; axios errors do not. */
function classify(err: unknown): Failure {
  const e = err as { status?: unknown; code?: unknown };
  if (typeof e?.status === "number") {
    return { kind: "http", status: e.status, code: typeof e.code === "number" ? e.code : undefined };
  }
  const errno = typeof e?.code === "string" ? e.code : undefined;
  return { kind: "network", timeout: errno === "ECONNABORTED" || errno === "ETIMEDOUT", errno };
}

function logFailure(op: "send" | "check", f: Failure): void {
  // Only the failure's shape: never the phone, the code, the message body or the credentials.
  logger.warn({ provider: "twilio-verify", op, ...f }, "twilio verify request failed");
}

function sendFailure(f: Failure): OtpSendResult {
  if (f.kind === "http") {
    if (f.code === 60200 || f.code === 21211 || f.code === 21614) return { ok: false, reason: "invalid_number" };
    if (f.code === 60203 || f.status === 429) return { ok: false, reason: "rate_limited" };
  }
  return { ok: false, reason: "provider_unavailable" };
}

function checkFailure(f: Failure): OtpCheckResult {
  if (f.kind === "http") {
    if (f.code === 20404) return { ok: false, reason: "expired_or_used" };
    if (f.code === 60202) return { ok: false, reason: "too_many_attempts" };
    // 60200 on a check means a malformed code (Verify wants 4–10 digits): just a wrong code.
    if (f.code === 60200) return { ok: false, reason: "wrong_code" };
  }
  return { ok: false, reason: "provider_unavailable" };
}

function checkStatus(status: string): OtpCheckResult {
  if (status === "approved") return { ok: true };
  if (status === "max_attempts_reached") return { ok: false, reason: "too_many_attempts" };
  if (status === "canceled" || status === "expired" || status === "deleted")
    return { ok: false, reason: "expired_or_used" };
  return { ok: false, reason: "wrong_code" };
}

/** A check is safe to repeat once after a 5xx or a dropped connection; a timeout is not retried (it already cost timeoutMs). */
const retryable = (f: Failure) => (f.kind === "http" ? f.status >= 500 : !f.timeout);

export function createTwilioVerify(opts: TwilioVerifyOptions): OtpSender {
  let client: Promise<Twilio> | undefined;
  const service = async () => (await (client ??= loadTwilioClient(opts))).verify.v2.services(opts.serviceSid);

  return {
    // Never retried: a second request could text the person twice.
    async send(phoneE164) {
      try {
        const verify = await service();
        await verify.verifications.create({ to: phoneE164, channel: "sms" });
        return { ok: true };
      } catch (err) {
        const f = classify(err);
        logFailure("send", f);
        return sendFailure(f);
      }
    },

    async check(phoneE164, code) {
      for (let attempt = 1; ; attempt++) {
        try {
          const verify = await service();
          const result = await verify.verificationChecks.create({ to: phoneE164, code });
          return checkStatus(result.status);
        } catch (err) {
          const f = classify(err);
          logFailure("check", f);
          if (attempt >= 2 || !retryable(f)) return checkFailure(f);
        }
      }
    },
  };
}
