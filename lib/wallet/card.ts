import "server-only";
import { db } from "@/lib/db/client";
import { unsafeGetBalances } from "@/lib/ledger";

/** What a wallet card shows: the same facts for the Apple pass and the Google object. */
export type CardFacts = {
  userId: string;
  serialNumber: string;
  holderName: string;
  novaAvailable: number;
  novaHeld: number;
  /** Cash available in cents; negative when a refunded purchase left a debt. */
  cashCents: number;
  /** When the pass content last changed (PassKit `lastUpdated`, HTTP Last-Modified). */
  updatedAt: Date;
};

/** Unscoped (web service, jobs): the card facts for a driver's pass, or null if they have none. */
export async function unsafeGetCardFacts(userId: string): Promise<CardFacts | null> {
  const pass = await db().walletPass.findUnique({
    where: { userId },
    select: { serialNumber: true, updatedAt: true, user: { select: { name: true, email: true } } },
  });
  if (!pass) return null;
  const b = await unsafeGetBalances("DRIVER", userId);
  return {
    userId,
    serialNumber: pass.serialNumber,
    holderName: pass.user.name?.trim() || pass.user.email?.split("@")[0] || "Nerava driver",
    novaAvailable: Number(b.nova.available),
    novaHeld: Number(b.nova.held),
    cashCents: Number(b.usd.available),
    updatedAt: pass.updatedAt,
  };
}

/** "$4.50" / "−$1.50" for a card field. */
export const cardCash = (cents: number) => `${cents < 0 ? "−" : ""}$${(Math.abs(cents) / 100).toFixed(2)}`;
