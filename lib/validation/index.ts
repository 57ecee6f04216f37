export { wholeNumber } from "./integer";
export { decimalNumber } from "./decimal";
