export { googleWalletAvailability, type GoogleWalletAvailability } from "./service-account";
export { getGoogleSaveLink, getGooglePassStatus, type GooglePassStatus } from "./save-link";
export { unsafeSyncGooglePass, type GoogleSyncOutcome } from "./sync-google-pass";
export { GoogleWalletError } from "./errors";
