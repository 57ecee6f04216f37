import { randomBytes, randomInt } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

type FailureKind = "500" | "429" | "timeout" | "invalid_number";
type Verification = {
  sid: string;
  serviceSid: string;
  to: string;
  code: string;
  status: "pending" | "approved";
  sends: number;
  checks: number;
  createdAt: Date;
  expiresAt: number;
};

export type FakeTwilioVerify = {
  url: string;
  lastCode(phone: string): string | undefined;
  sent: Array<{ to: string; code: string }>;
  failNext(kind: FailureKind, times?: number): void;
  close(): Promise<void>;
};

const E164 = /^\+[1-9]\d{7,14}$/;
const TTL_MS = 10 * 60_000;
const sid = (prefix: string) => prefix + randomBytes(16).toString("hex");

function error(res: http.ServerResponse, status: number, code: number, message: string): void {
  json(res, status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
}

/** Twilio Verify's wire format on 127.0.0.1: verifications, checks, auth, errors, and injectable failures. */
export async function startFakeTwilioVerify(
  opts: { port?: number; accountSid?: string; authToken?: string } = {},
): Promise<FakeTwilioVerify> {
  const accountSid = opts.accountSid ?? "AC00000000000000000000000000000000";
  const authToken = opts.authToken ?? "fake-auth-token";
  const expectedAuth = "Basic " + Buffer.from(`${accountSid}:${authToken}`).toString("base64");
  const byPhone = new Map<string, Verification>();
  const sent: Array<{ to: string; code: string }> = [];
  const failures: FailureKind[] = [];

  const resource = (v: Verification, extra: Record<string, unknown> = {}) => ({
    sid: v.sid,
    service_sid: v.serviceSid,
    account_sid: accountSid,
    to: v.to,
    channel: "sms",
    status: v.status,
    valid: v.status === "approved",
    amount: null,
    payee: null,
    date_created: v.createdAt.toISOString(),
    date_updated: new Date().toISOString(),
    ...extra,
  });

  function verify(res: http.ServerResponse, serviceSid: string, form: URLSearchParams): void {
    const to = form.get("To") ?? "";
    if (!E164.test(to)) return error(res, 400, 60200, "Invalid parameter `To`: " + to);
    if (form.get("Channel") !== "sms") return error(res, 400, 60200, "Invalid parameter `Channel`");
    let v = byPhone.get(to);
    // Like Verify, a resend within the validity window reuses the pending verification and its code.
    if (!v || v.status !== "pending" || v.expiresAt <= Date.now()) {
      const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
      v = {
        sid: sid("VE"),
        serviceSid,
        to,
        code,
        status: "pending",
        sends: 0,
        checks: 0,
        createdAt: new Date(),
        expiresAt: Date.now() + TTL_MS,
      };
      byPhone.set(to, v);
    }
    if (v.sends >= 5) return error(res, 429, 60203, "Max send attempts reached");
    v.sends++;
    sent.push({ to, code: v.code });
    json(
      res,
      201,
      resource(v, {
        lookup: { carrier: null },
        sna: null,
        send_code_attempts: [{ time: new Date().toISOString(), channel: "sms", attempt_sid: sid("VL") }],
        url: `https://verify.twilio.com/v2/Services/${serviceSid}/Verifications/${v.sid}`,
      }),
    );
  }

  function check(res: http.ServerResponse, serviceSid: string, form: URLSearchParams): void {
    const to = form.get("To") ?? "";
    const v = byPhone.get(to);
    if (!v || v.serviceSid !== serviceSid || v.status !== "pending" || v.expiresAt <= Date.now()) {
      return error(res, 404, 20404, `The requested resource /Services/${serviceSid}/VerificationCheck was not found`);
    }
    if (v.checks >= 5) return error(res, 429, 60202, "Max check attempts reached");
    v.checks++;
    if (form.get("Code") === v.code) v.status = "approved";
    json(res, 200, resource(v, { sna_attempts_error_codes: [] }));
  }

  const server = http.createServer((req, res) => {
    const { pathname, searchParams } = new URL(req.url ?? "/", "http://fake");
    if (req.method === "GET" && pathname === "/__codes") {
      // An unencoded "+" in a query string reads as a space.
      const code = byPhone.get((searchParams.get("to") ?? "").replace(/^ /, "+"))?.code;
      return json(res, code ? 200 : 404, { code: code ?? null });
    }
    const route = /^\/v2\/Services\/([^/]+)\/(Verifications|VerificationCheck)$/.exec(pathname);
    if (req.method !== "POST" || !route)
      return error(res, 404, 20404, `The requested resource ${pathname} was not found`);
    if (req.headers.authorization !== expectedAuth) return error(res, 401, 20003, "Authenticate");

    let body = "";
    req.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      const failure = failures.shift();
      if (failure === "timeout") return; // never answered: the client's timeout has to fire
      if (failure === "500") return error(res, 500, 20500, "An internal server error has occurred");
      if (failure === "429") return error(res, 429, 20429, "Too Many Requests");
      if (failure === "invalid_number") return error(res, 400, 60200, "Invalid parameter `To`");
      const form = new URLSearchParams(body);
      if (route[2] === "Verifications") verify(res, route[1], form);
      else check(res, route[1], form);
    });
  });

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    sent,
    lastCode: (phone) => byPhone.get(phone)?.code,
    failNext: (kind, times = 1) => failures.push(...Array<FailureKind>(times).fill(kind)),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections(); // includes requests left hanging by "timeout"
      }),
  };
}
