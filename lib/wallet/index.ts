export { unsafeSyncWalletPasses } from "./sync";
export { unsafeGetCardFacts, cardCash, type CardFacts } from "./card";
export { getOrCreatePass, PASS_PREFIX } from "./pass";
export * from "./apple";
