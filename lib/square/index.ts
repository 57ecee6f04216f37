export { withSquareClient, unsafeMarkReconnectRequired } from "./connection/with-square-client";
export { startSquareConnect, completeSquareConnect, squareCallbackInput, SQUARE_SCOPES } from "./connection/connect";
export { unsafeRefreshSquareToken, unsafeRefreshDueSquareTokens, type RefreshOutcome } from "./connection/refresh";
export { disconnectSquare } from "./connection/disconnect";
export { getSquareStatus, type SquareStatus } from "./connection/status";
export { squareWebhook } from "./webhooks/receiver";
export type { SquareEvent, OrderFacts } from "./webhooks/event";
export { simulateSquarePurchase, squareTwinInUse, type SimulatedPurchase } from "./sandbox/simulate-purchase";
export { unsafeSellerToken } from "./sandbox/seller-token";
