import { route } from "@/lib/http";
import { downloadApplePass, PKPASS_MIME } from "@/lib/wallet";

export const dynamic = "force-dynamic";

/** The signed-in driver's Apple Wallet pass; 503 with the reason when this server cannot sign one. */
export const GET = route({ name: "/api/wallet/apple/download", permission: "driver:use" }, async ({ actor }) => {
  const pass = await downloadApplePass(actor);
  return new Response(new Uint8Array(pass.buffer), {
    status: 200,
    headers: {
      "Content-Type": PKPASS_MIME,
      "Content-Disposition": 'attachment; filename="nerava.pkpass"',
      "Cache-Control": "no-store",
      "Last-Modified": pass.lastModified.toUTCString(),
    },
  });
});
