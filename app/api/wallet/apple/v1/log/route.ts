import { json, JSON_BODY_LIMIT, readBodyText, route } from "@/lib/http";
import { recordDeviceLog } from "@/lib/wallet";

export const dynamic = "force-dynamic";

/** PassKit: Wallet reports problems with our passes; logged (capped), always acknowledged. */
export const POST = route(
  { name: "/api/wallet/apple/v1/log", permission: "public", sameOrigin: false },
  async ({ req, meta }) => {
    await recordDeviceLog(await readBodyText(req, JSON_BODY_LIMIT), meta.ip);
    return json({});
  },
);
