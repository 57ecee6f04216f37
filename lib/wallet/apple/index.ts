export {
  applePassAvailability,
  checkCredentials,
  type AppleCredentials,
  type ApplePassAvailability,
} from "./credentials";
export { passAuthToken } from "./auth-token";
export { buildApplePass, downloadApplePass, webServiceUrl, PKPASS_MIME, type BuiltPass } from "./build-pass";
export { unsafePassLocations, MAX_PASS_LOCATIONS, type PassLocation } from "./pass-locations";
export { getApplePassStatus, type ApplePassStatus } from "./pass-status";
export { registerDevice, unregisterDevice, type DeviceRegistration } from "./web-service/register-device";
export { listUpdatedSerials, type UpdatedSerials } from "./web-service/list-serials";
export { getLatestPass, type LatestPass } from "./web-service/latest-pass";
export { recordDeviceLog } from "./web-service/device-log";
