import "server-only";
import type { Tx } from "@/lib/db";
import { InsufficientFunds } from "./errors";
import { postInTx, type PostInput, type Posted } from "./post";

/**
 * postInTx for a caller that waits rather than fails when a balance cannot fund it (a purchase
 * reward the merchant's prepaid cash cannot cover yet): null then, and nothing of the attempt
 * remains (its key is not claimed), so the same key can be posted once the money is there.
 */
export async function tryPostInTx(tx: Tx, input: PostInput): Promise<Posted | null> {
  await tx.$executeRawUnsafe("SAVEPOINT ledger_try_post");
  try {
    const posted = await postInTx(tx, input);
    await tx.$executeRawUnsafe("RELEASE SAVEPOINT ledger_try_post");
    return posted;
  } catch (err) {
    await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT ledger_try_post");
    if (err instanceof InsufficientFunds) return null;
    throw err;
  }
}
