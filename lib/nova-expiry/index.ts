export { unsafeExpireDriverNova, expiryKey, type ExpiryOutcome } from "./expire-nova";
export { unsafeSendExpiryReminder, reminderKey } from "./remind";
export { unsafeNextNovaExpiry, getNovaExpiry } from "./next-expiry";
export { unsafeRunNovaExpiry } from "./run-expiry";
export { lastDriverActivity } from "./last-activity";
export {
  aliveBefore,
  nextExpiry,
  expiresOn,
  expiryCutoff,
  addMonths,
  startOfUtcDay,
  type NovaFlow,
  type NovaExpiry,
} from "./lots";
export { expiryDay, novaWords } from "./words";
