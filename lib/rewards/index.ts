export { grantNova, reverseTransaction, grantInput, reverseInput } from "./grant-nova";
export { checkReversal, type ReversalCheck } from "./reversal";
