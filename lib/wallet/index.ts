export { unsafeSyncWalletPasses } from "./sync";
export { unsafeGetCardFacts, cardCash, type CardFacts } from "./card";
export { unsafePushPassUpdate, PassPushDeferred, closeApnsSession, type PassPushResult } from "./apns";
