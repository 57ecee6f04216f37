export { unsafeSyncWalletPasses } from "./sync";
export { unsafeGetCardFacts, cardCash, type CardFacts } from "./card";
export { unsafePushPassUpdate, PassPushDeferred, closeApnsSession, type PassPushResult } from "./apns";
export {
  walletCertificateStatus,
  logWalletCertificateStatus,
  CERTIFICATE_WARNING_DAYS,
  type WalletCertificateStatus,
} from "./certificate";
export { registerWalletCertificateMetrics } from "./certificate-metrics";
export { getOrCreatePass, PASS_PREFIX } from "./pass";
export * from "./apple";
export {
  getGoogleSaveLink,
  getGooglePassStatus,
  googleWalletAvailability,
  unsafeSyncGooglePass,
  type GooglePassStatus,
  type GoogleWalletAvailability,
} from "./google";
export { getWalletPassesView, type WalletPassesView } from "./passes-view";
export { walletPlatformOf } from "./platform";
