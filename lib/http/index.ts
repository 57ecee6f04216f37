export { route, json, errorResponse, type RouteContext } from "./route";
export { csvResponse } from "./csv";
export { statementCsvResponse, type StatementAccount } from "./statement-csv";
export { readBodyText, JSON_BODY_LIMIT, WEBHOOK_BODY_LIMIT } from "./read-body";
