export { startVehicleConnect, completeVehicleConnect, callbackInput } from "./connect";
export { disconnectVehicle } from "./disconnect";
export { unsafeAccessTokenFor, reconnectNeeded } from "./access-token";
export {
  refreshTelemetry,
  unsafeRefreshTelemetry,
  unsafeStoreTelemetry,
  listDriverVehicles,
  type VehicleState,
} from "./telemetry";
export { signConnectState, verifyConnectState } from "./oauth-state";
export { smartcarWebhook, verifySmartcarSignature, type SmartcarEvent } from "./smartcar-webhook";
export { vehicleProviderKind } from "@/lib/integrations/smartcar";
