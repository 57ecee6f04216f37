import { consume as consumeWith, resetLimit as resetWith } from "./limiter";
import { LIMITS, type LimitName } from "./policies";

export { LIMITS, type LimitName } from "./policies";
export { limiterFor } from "./limiter";

export const rateLimit = (name: LimitName, subject: string | null | undefined) =>
  consumeWith(name, LIMITS[name], subject);
export const clearRateLimit = (name: LimitName, subject: string) => resetWith(name, LIMITS[name], subject);
