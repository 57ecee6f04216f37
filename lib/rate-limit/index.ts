import { config } from "@/lib/config";
import { consume as consumeWith, resetLimit as resetWith, type LimitPolicy } from "./limiter";
import { LIMITS, type LimitName } from "./policies";

export { LIMITS, type LimitName } from "./policies";
export { limiterFor } from "./limiter";

// Sign-ins and sign-ups per network are the limits operators tune (offices and campuses share an address).
const TUNED: Partial<Record<LimitName, () => number>> = {
  signInPerIp: () => config().SIGN_IN_PER_IP_LIMIT,
  signUpPerIp: () => config().SIGN_UP_PER_IP_LIMIT,
};
const policy = (name: LimitName): LimitPolicy => {
  const points = TUNED[name]?.();
  return points === undefined ? LIMITS[name] : { ...LIMITS[name], points };
};

export const rateLimit = (name: LimitName, subject: string | null | undefined) =>
  consumeWith(name, policy(name), subject);
export const clearRateLimit = (name: LimitName, subject: string) => resetWith(name, policy(name), subject);
