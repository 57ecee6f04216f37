import "server-only";
import { assertCan, type Actor } from "@/lib/access";
import { db } from "@/lib/db";
import { getApplePassStatus, type ApplePassStatus } from "./apple";
import { getGooglePassStatus, type GooglePassStatus } from "./google";
import { cardCash, unsafeGetCardFacts } from "./card";
import { getOrCreatePass } from "./pass";

export type WalletPassesView = {
  card: { holderName: string; novaAvailable: number; novaHeld: number; cash: string; qrValue: string };
  apple: ApplePassStatus;
  google: GooglePassStatus;
  /** A balance change the wallets have not been told about yet (the outbox still holds it). */
  updating: boolean;
};

/** Everything the pass page shows about the actor's own wallet card (made on first visit). */
export async function getWalletPassesView(actor: Actor): Promise<WalletPassesView> {
  assertCan(actor, "driver:use");
  const { qrValue } = await getOrCreatePass(actor);
  const [facts, apple, google, pending] = await Promise.all([
    unsafeGetCardFacts(actor.userId), // the actor's own card
    getApplePassStatus(actor),
    getGooglePassStatus(actor),
    db().driverBalanceChange.findUnique({ where: { driverId: actor.userId }, select: { driverId: true } }),
  ]);
  if (!facts) throw new Error("wallet: the pass made above is missing");
  return {
    card: {
      holderName: facts.holderName,
      novaAvailable: facts.novaAvailable,
      novaHeld: facts.novaHeld,
      cash: cardCash(facts.cashCents),
      qrValue,
    },
    apple,
    google,
    updating: pending !== null,
  };
}
