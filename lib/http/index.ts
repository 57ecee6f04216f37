export { route, json, errorResponse, type RouteContext } from "./route";
export { AppError, notFound, unauthorized, forbidden, GENERIC_MESSAGE, type ErrorBody } from "./errors";
export { csvResponse, statementFilename } from "./csv";
