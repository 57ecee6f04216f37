export { withSquareClient, unsafeMarkReconnectRequired } from "./connection/with-square-client";
export { squareWebhook } from "./webhooks/receiver";
export type { SquareEvent, OrderFacts } from "./webhooks/event";
