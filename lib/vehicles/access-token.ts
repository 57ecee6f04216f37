import "server-only";
import { decryptToken, encryptToken } from "@/lib/crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { AuthRevoked, vehicleProvider } from "@/lib/integrations/smartcar";

const REFRESH_AHEAD_MS = 5 * 60 * 1000;

export const reconnectNeeded = () =>
  new AppError("reconnect_needed", "Your car's connection has expired. Connect it again from the Car tab.");

const readConnection = (client: Pick<ReturnType<typeof db>, "vehicleConnection">, id: string) =>
  client.vehicleConnection.findUnique({ where: { id }, omit: { accessTokenEnc: false, refreshTokenEnc: false } });

const fresh = (expiresAt: Date) => expiresAt.getTime() - Date.now() > REFRESH_AHEAD_MS;

/**
 * Unscoped (the caller has found the connection through its owner): a usable access token for a connection, refreshed shortly before it expires. Refresh tokens
 * rotate (single use), so refreshes of one connection are serialised by a transaction-scoped
 * advisory lock: whoever waits finds the winner's fresh token instead of refreshing again.
 */
export async function unsafeAccessTokenFor(connectionId: string): Promise<string> {
  const conn = await readConnection(db(), connectionId);
  if (!conn) throw reconnectNeeded();
  if (fresh(conn.expiresAt)) return decryptToken(conn.accessTokenEnc);
  return db().$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`vehicle-refresh:${connectionId}`}))`;
      const current = await readConnection(tx, connectionId);
      if (!current) throw reconnectNeeded();
      if (fresh(current.expiresAt)) return decryptToken(current.accessTokenEnc);
      const tokens = await vehicleProvider()
        .refresh(decryptToken(current.refreshTokenEnc))
        .catch((err) => {
          if (err instanceof AuthRevoked) throw reconnectNeeded();
          throw err;
        });
      await tx.vehicleConnection.update({
        where: { id: connectionId },
        data: {
          accessTokenEnc: encryptToken(tokens.accessToken),
          refreshTokenEnc: encryptToken(tokens.refreshToken),
          expiresAt: tokens.expiresAt,
          refreshExpiresAt: tokens.refreshExpiresAt,
        },
      });
      return tokens.accessToken;
    },
    { timeout: 20_000, maxWait: 10_000 },
  );
}
