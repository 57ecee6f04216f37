export { wholeNumber } from "./integer";
export { decimalNumber } from "./decimal";
export { safeRedirectPath } from "./safe-redirect";
export {
  assertNoControlCharsInRequest,
  CONTROL_CHARS_MESSAGE,
  hasControlChars,
  refuseControlCharsInForm,
  refuseControlCharsInUrl,
} from "./control-chars";
