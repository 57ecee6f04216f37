import "server-only";
import { db } from "@/lib/db";
import { unsafeGetCardFacts } from "../card";
import { balanceNotice, balanceText, parseBalanceText } from "./balance-notice";
import { GoogleWalletError } from "./errors";
import { balanceFields, insertLoyaltyObject, loyaltyObjectId, objectPath, sentBalances } from "./loyalty-object";
import { returnNoticeSlot, takeNoticeSlot } from "./notice-quota";
import { googleRequest } from "./rest";
import { googleWalletSetup, type GoogleWalletSetup } from "./service-account";

export type GoogleSyncOutcome = "unavailable" | "not_added" | "unchanged" | "patched" | "patched_with_notice";

/**
 * Brings the driver's Google object up to date with their balances: one PATCH when the balances
 * differ from the ones last sent, with a notice when Nova or cash came in and a notice slot is
 * free (3 a rolling day). A 404 means the object is gone from Google: inserted again, then
 * patched. Errors are thrown, so the balance-change outbox row stays for the next sweep.
 */
export async function unsafeSyncGooglePass(userId: string): Promise<GoogleSyncOutcome> {
  const configured = await googleWalletSetup();
  if (!configured.ok) return "unavailable"; // not a failure: the outbox row may go
  const setup = configured.setup;
  const pass = await db().walletPass.findUnique({
    where: { userId },
    select: { googleInsertedAt: true, googleBalanceSent: true },
  });
  if (!pass?.googleInsertedAt) return "not_added"; // the save link inserts it with the balances of then
  const facts = await unsafeGetCardFacts(userId);
  if (!facts) return "not_added";
  const next = sentBalances(facts);
  const text = balanceText(next);
  if (text === pass.googleBalanceSent) return "unchanged";

  const notice = balanceNotice(parseBalanceText(pass.googleBalanceSent), next);
  const slot = notice ? await takeNoticeSlot(facts.serialNumber) : null;
  const objectId = loyaltyObjectId(setup.issuerId, facts.serialNumber);
  const patch = {
    ...balanceFields(facts),
    ...(notice && slot
      ? { messages: [{ id: `balance-${Date.now()}`, ...notice, messageType: "TEXT_AND_NOTIFY" }] }
      : {}),
  };
  try {
    await patchObject(setup, objectId, patch, () => insertLoyaltyObject(setup, facts));
  } catch (err) {
    if (slot) await returnNoticeSlot(slot);
    throw err;
  }
  await db().walletPass.update({
    where: { userId },
    data: { googleObjectId: objectId, googleBalanceSent: text, googleSyncedAt: new Date() },
  });
  return slot ? "patched_with_notice" : "patched";
}

async function patchObject(
  setup: GoogleWalletSetup,
  objectId: string,
  patch: object,
  insert: () => Promise<unknown>,
): Promise<void> {
  const path = objectPath(objectId);
  const first = await googleRequest(setup, { method: "PATCH", path, body: patch, expect: [404] });
  if (first.status !== 404) return;
  await insert();
  const again = await googleRequest(setup, { method: "PATCH", path, body: patch, expect: [404] });
  if (again.status === 404) throw new GoogleWalletError(`Google Wallet lost ${objectId} again after inserting it`, 404);
}
