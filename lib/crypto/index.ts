export * from "./token-cipher";
export { signState, verifyState, type SignedStateInput, type StateRefusal, type VerifiedState } from "./signed-state";
