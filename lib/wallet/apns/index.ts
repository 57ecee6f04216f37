export { unsafePushPassUpdate, PassPushDeferred, type PassPushResult } from "./push-pass-update";
export { closeApnsSession } from "./session";
export { apnsSettings, type ApnsSettings } from "./settings";
