import { route } from "@/lib/http";
import { getLatestPass, PKPASS_MIME } from "@/lib/wallet";

export const dynamic = "force-dynamic";

/** PassKit: the latest pass (200 with Last-Modified), 304 when the device's copy is current, 401. */
export const GET = route(
  { name: "/api/wallet/apple/v1/passes/[passTypeId]/[serialNumber]", permission: "public" },
  async ({ params, req, meta }) => {
    const latest = await getLatestPass(
      params.passTypeId,
      params.serialNumber,
      req.headers.get("authorization"),
      req.headers.get("if-modified-since"),
      meta.ip,
    );
    const lastModified = latest.lastModified.toUTCString();
    if (latest.notModified) return new Response(null, { status: 304, headers: { "Last-Modified": lastModified } });
    return new Response(new Uint8Array(latest.buffer), {
      status: 200,
      headers: { "Content-Type": PKPASS_MIME, "Last-Modified": lastModified, "Cache-Control": "no-cache" },
    });
  },
);
