import { json, readBodyText, route } from "@/lib/http";
import { registerDevice, unregisterDevice, type DeviceRegistration } from "@/lib/wallet";

export const dynamic = "force-dynamic";

// Called by iPhones (no session, no Origin): the pass's own token authorizes, per serial.
const NAME = "/api/wallet/apple/v1/devices/[deviceLibraryId]/registrations/[passTypeId]/[serialNumber]";
const PUSH_BODY_LIMIT = 4 * 1024;

const registration = (params: Record<string, string>, req: Request): DeviceRegistration => ({
  deviceLibraryId: params.deviceLibraryId,
  passTypeId: params.passTypeId,
  serialNumber: params.serialNumber,
  authorization: req.headers.get("authorization"),
});

/** PassKit: register a device for the pass's updates: 201 new, 200 already registered, 401. */
export const POST = route(
  { name: NAME, permission: "public", sameOrigin: false, bodyLimit: PUSH_BODY_LIMIT },
  async ({ params, req }) => {
    const { created } = await registerDevice(registration(params, req), await readBodyText(req, PUSH_BODY_LIMIT));
    return json({}, created ? 201 : 200);
  },
);

/** PassKit: the pass was removed from this device: 200, or 401. */
export const DELETE = route({ name: NAME, permission: "public", sameOrigin: false }, async ({ params, req }) => {
  await unregisterDevice(registration(params, req));
  return json({});
});
