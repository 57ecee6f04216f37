export type { OtpSender, OtpSendResult, OtpCheckResult } from "./types";
export { createTwilioVerify, type TwilioVerifyOptions } from "./verify-client";
export { createSandboxVerify, type SandboxVerifyDeps } from "./sandbox-verify";
