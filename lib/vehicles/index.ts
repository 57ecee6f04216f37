export { startVehicleConnect, completeVehicleConnect, callbackInput } from "./connect";
export { disconnectVehicle } from "./disconnect";
export { accessTokenFor, reconnectNeeded } from "./access-token";
export { refreshTelemetry, storeTelemetry, listDriverVehicles, type VehicleState } from "./telemetry";
export { signConnectState, verifyConnectState } from "./oauth-state";
export { smartcarWebhook, verifySmartcarSignature, type SmartcarEvent } from "./smartcar-webhook";
export { vehicleProviderKind } from "@/lib/integrations/smartcar";
