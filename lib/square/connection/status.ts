import "server-only";
import { requireMembership, type Actor } from "@/lib/access";
import { db, type SquareConnectionStatus } from "@/lib/db";

export type SquareStatus = {
  /** NOT_CONNECTED: never connected. */
  status: SquareConnectionStatus | "NOT_CONNECTED";
  reason: string | null;
  connectedAt: Date | null;
  squareMerchantId: string | null;
  /** Owners connect, reconnect and disconnect; staff only see. */
  canManage: boolean;
  locations: Array<{ id: string; name: string; address: string | null; timezone: string | null }>;
};

/** The Square card of the merchant page, for any member. */
export async function getSquareStatus(actor: Actor, merchantId: string): Promise<SquareStatus> {
  const { role } = await requireMembership(actor, merchantId, "merchant:view");
  const [grant, locations] = await Promise.all([
    db().squareConnection.findUnique({
      where: { merchantId },
      select: { status: true, statusReason: true, connectedAt: true, squareMerchantId: true },
    }),
    db().merchantLocation.findMany({
      where: { merchantId, active: true },
      select: { id: true, name: true, address: true, timezone: true },
      orderBy: { name: "asc" },
    }),
  ]);
  const connected = grant?.status === "CONNECTED" || grant?.status === "RECONNECT_REQUIRED";
  return {
    status: grant?.status ?? "NOT_CONNECTED",
    reason: grant?.statusReason ?? null,
    connectedAt: connected ? grant.connectedAt : null,
    squareMerchantId: connected ? grant.squareMerchantId : null,
    canManage: role === "OWNER",
    locations: grant?.status === "DISCONNECTED" ? [] : locations,
  };
}
