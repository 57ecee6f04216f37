export { AppError, notFound, unauthorized, forbidden, GENERIC_MESSAGE, type ErrorBody } from "./app-error";
export { ERROR_STATUS, statusFor, type ErrorCode } from "./codes";
export { tagClass } from "./cross-bundle";
