import "server-only";
import { decryptToken } from "@/lib/crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** The merchant's stored Square access token, decrypted: for calls the SDK cannot make (the twin's own door). */
export async function unsafeSellerToken(merchantId: string): Promise<string> {
  const row = await db().squareConnection.findUnique({
    where: { merchantId },
    select: { status: true, accessTokenEnc: true },
  });
  if (!row || row.status !== "CONNECTED" || !row.accessTokenEnc)
    throw new AppError("square_not_connected", "This business is not connected to Square.");
  return decryptToken(row.accessTokenEnc);
}
