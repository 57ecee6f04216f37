export { route, json, errorResponse, type RouteContext } from "./route";
export { csvResponse } from "./csv";
export { statementCsvResponse, type StatementAccount } from "./statement-csv";
