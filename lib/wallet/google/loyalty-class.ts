import "server-only";
import { config } from "@/lib/config";
import { googleRequest } from "./rest";
import type { GoogleWalletSetup } from "./service-account";

/** The app's brand colour (the manifest's theme colour). */
export const BRAND_COLOR = "#059669";

const ensured = new Map<string, Promise<void>>();

/** The loyalty class every driver's object belongs to, as Google should hold it. */
export function loyaltyClassBody(setup: GoogleWalletSetup) {
  return {
    id: setup.classId,
    issuerName: "Nerava",
    programName: "Nerava",
    reviewStatus: "UNDER_REVIEW",
    hexBackgroundColor: BRAND_COLOR,
    programLogo: {
      sourceUri: { uri: new URL("/icon-512.png", config().NEXTAUTH_URL).toString() },
      contentDescription: { defaultValue: { language: "en-US", value: "Nerava" } },
    },
  };
}

/**
 * Makes sure the loyalty class exists: looked up once per process (404 → inserted; a 409 means
 * another instance inserted it first). A failure is forgotten so the next call tries again.
 */
export function ensureLoyaltyClass(setup: GoogleWalletSetup): Promise<void> {
  let once = ensured.get(setup.classId);
  if (!once) {
    once = insertClassIfMissing(setup).catch((err: unknown) => {
      ensured.delete(setup.classId);
      throw err;
    });
    ensured.set(setup.classId, once);
  }
  return once;
}

async function insertClassIfMissing(setup: GoogleWalletSetup): Promise<void> {
  const path = `/loyaltyClass/${encodeURIComponent(setup.classId)}`;
  const found = await googleRequest(setup, { method: "GET", path, expect: [404] });
  if (found.status !== 404) return;
  await googleRequest(setup, { method: "POST", path: "/loyaltyClass", body: loyaltyClassBody(setup), expect: [409] });
}
