export { unsafeSyncWalletPasses } from "./sync";
export { unsafeGetCardFacts, cardCash, type CardFacts } from "./card";
export {
  getGoogleSaveLink,
  getGooglePassStatus,
  googleWalletAvailability,
  unsafeSyncGooglePass,
  type GooglePassStatus,
  type GoogleWalletAvailability,
} from "./google";
