export { withSquareClient, unsafeMarkReconnectRequired } from "./connection/with-square-client";
export { squareWebhook } from "./webhooks/receiver";
export type { SquareEvent, OrderFacts } from "./webhooks/event";
export { simulateSquarePurchase, squareTwinInUse, type SimulatedPurchase } from "./sandbox/simulate-purchase";
export { unsafeSellerToken } from "./sandbox/seller-token";
