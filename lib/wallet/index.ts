export { unsafeSyncWalletPasses } from "./sync";
export { unsafeGetCardFacts, cardCash, type CardFacts } from "./card";
