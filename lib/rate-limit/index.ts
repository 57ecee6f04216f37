import { config } from "@/lib/config";
import { consume as consumeWith, resetLimit as resetWith, type LimitPolicy } from "./limiter";
import { LIMITS, type LimitName } from "./policies";

export { LIMITS, type LimitName } from "./policies";
export { limiterFor } from "./limiter";

// Sign-ins per network are the one limit operators tune (offices and campuses share an address).
const policy = (name: LimitName): LimitPolicy =>
  name === "signInPerIp" ? { ...LIMITS.signInPerIp, points: config().SIGN_IN_PER_IP_LIMIT } : LIMITS[name];

export const rateLimit = (name: LimitName, subject: string | null | undefined) =>
  consumeWith(name, policy(name), subject);
export const clearRateLimit = (name: LimitName, subject: string) => resetWith(name, policy(name), subject);
