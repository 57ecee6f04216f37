export { withSquareClient, unsafeMarkReconnectRequired } from "./connection/with-square-client";
