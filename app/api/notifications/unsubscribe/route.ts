import { z } from "zod";
import { route } from "@/lib/http";
import { unsubscribeByToken, unsubscribeTokenInput } from "@/lib/notifications";

export const dynamic = "force-dynamic";

/**
 * RFC 8058 one-click unsubscribe: mail clients POST here (no session, no Origin) from the
 * List-Unsubscribe header. The signed token is the only credential; a repeat changes nothing.
 */
export const POST = route(
  {
    name: "/api/notifications/unsubscribe",
    permission: "public",
    sameOrigin: false,
    query: z.object({ token: unsubscribeTokenInput }),
  },
  async ({ query, meta }) => {
    const { alreadyOff } = await unsubscribeByToken(query.token, meta);
    return { unsubscribed: true, alreadyOff };
  },
);
