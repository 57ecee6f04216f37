export { route, json, errorResponse, type RouteContext } from "./route";
export { csvResponse, statementFilename } from "./csv";
