export { wholeNumber } from "./integer";
export { decimalNumber } from "./decimal";
export { safeRedirectPath } from "./safe-redirect";
export { formKey, linkToken } from "./form-key";
export { issueSentence, parseForPerson, personErrorMap, personMessage, ZOD_WORDING } from "./person-errors";
export {
  assertNoControlCharsInRequest,
  CONTROL_CHARS_MESSAGE,
  hasControlChars,
  refuseControlCharsInForm,
  refuseControlCharsInUrl,
} from "./control-chars";
