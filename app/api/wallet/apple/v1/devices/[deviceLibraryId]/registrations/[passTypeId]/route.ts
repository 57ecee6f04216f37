import { json, route } from "@/lib/http";
import { listUpdatedSerials } from "@/lib/wallet";

export const dynamic = "force-dynamic";

/** PassKit: the serials on this device that changed since the tag; 204 when none (never 401). */
export const GET = route(
  { name: "/api/wallet/apple/v1/devices/[deviceLibraryId]/registrations/[passTypeId]", permission: "public" },
  async ({ params, req }) => {
    const since = req.nextUrl.searchParams.get("passesUpdatedSince") ?? undefined;
    const updated = await listUpdatedSerials(params.deviceLibraryId, params.passTypeId, since);
    return updated ? json(updated) : new Response(null, { status: 204 });
  },
);
