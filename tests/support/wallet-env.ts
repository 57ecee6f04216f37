import { vi } from "vitest";
import type { WalletCerts } from "./wallet-certs";

/** Configures this test file's server to sign passes with the test chain (the key given with "\n" escapes). */
export function stubAppleEnv(certs: WalletCerts, webServiceUrl = "https://wallet.nerava.test/api/wallet/apple") {
  vi.stubEnv("APPLE_PASS_TYPE_ID", certs.passTypeIdentifier);
  vi.stubEnv("APPLE_TEAM_ID", certs.teamIdentifier);
  vi.stubEnv("APPLE_WWDR_CERT", certs.wwdrCert);
  vi.stubEnv("APPLE_PASS_CERT", certs.signerCert);
  vi.stubEnv("APPLE_PASS_KEY", certs.signerKey.replace(/\n/g, "\\n"));
  vi.stubEnv("WALLET_WEB_SERVICE_URL", webServiceUrl);
}
