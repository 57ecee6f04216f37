import "server-only";
import type Stripe from "stripe";
import { recordAudit } from "@/lib/audit";
import { type RequestMeta } from "@/lib/auth";
import { assertCan, type Actor } from "@/lib/access";
import { config } from "@/lib/config";
import { db, type Db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { stripeClient, timedCall as rawTimedCall } from "@/lib/integrations/stripe";
import { logger } from "@/lib/observability";
import { describeSetup, setupRefusal, type CashOutSetup } from "./setup-view";

/** A Stripe call the driver waits on: any failure reads as a sentence, and is logged with its cause. */
async function timedCall<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await rawTimedCall(operation, call);
  } catch (err) {
    logger.error({ err, operation }, "Stripe call for cash-out setup failed");
    throw new AppError(
      "provider_unavailable",
      "We could not reach Stripe, our payments partner, just now. Please try again in a minute.",
    );
  }
}

const appUrl = (path: string) => `${config().NEXTAUTH_URL.replace(/\/+$/, "")}${path}`;
export const SETUP_REFRESH_PATH = "/app/cash-out/refresh";
export const SETUP_RETURN_PATH = "/app/cash-out/return";

/** The driver's cash-out setup as we last heard it from Stripe. */
export async function getCashOutSetup(actor: Actor): Promise<CashOutSetup> {
  assertCan(actor, "driver:use");
  const row = await db().stripeAccount.findUnique({ where: { userId: actor.userId } });
  return describeSetup(row);
}

/**
 * Makes the driver's connected account once (the row first; its id is the Idempotency-Key, so a
 * retry or a double tap returns the same account) and a fresh hosted onboarding link. Links are
 * single use and expire in minutes, so one is made for every visit and never stored.
 */
export async function startCashOutSetup(actor: Actor, meta: RequestMeta): Promise<{ url: string }> {
  assertCan(actor, "driver:use");
  const stripe = stripeClient();
  // an upsert races itself (two taps: both miss, both insert, one P2002); insert-or-skip, then read
  await db().stripeAccount.createMany({ data: [{ userId: actor.userId }], skipDuplicates: true });
  const row = await db().stripeAccount.findUniqueOrThrow({ where: { userId: actor.userId } });
  let accountId = row.stripeAccountId;
  if (!accountId) {
    const user = await db().user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true } });
    const account = await timedCall("accounts.create", () =>
      stripe.accounts.create(
        {
          country: "US",
          business_type: "individual",
          ...(user.email && { email: user.email }),
          controller: {
            fees: { payer: "application" },
            losses: { payments: "application" },
            stripe_dashboard: { type: "express" },
            requirement_collection: "stripe",
          },
          capabilities: { transfers: { requested: true } },
          metadata: { user_id: actor.userId, row_id: row.id },
        },
        { idempotencyKey: `account/${row.id}` },
      ),
    );
    accountId = account.id;
    await db().stripeAccount.updateMany({
      where: { id: row.id, stripeAccountId: null },
      data: { stripeAccountId: account.id },
    });
    await syncConnectedAccount(account);
    await recordAudit({
      action: "payout.account_created",
      actorId: actor.userId,
      targetType: "stripe_account",
      targetId: account.id,
      ...meta,
    });
  }
  return { url: await onboardingLink(accountId) };
}

async function onboardingLink(accountId: string): Promise<string> {
  const link = await timedCall("accountLinks.create", () =>
    stripeClient().accountLinks.create({
      account: accountId,
      type: "account_onboarding",
      refresh_url: appUrl(SETUP_REFRESH_PATH),
      return_url: appUrl(SETUP_RETURN_PATH),
      collection_options: { fields: "eventually_due" },
    }),
  );
  return link.url;
}

/** The driver's account as Stripe has it now (the return page and the remediation link read it). */
export async function refreshCashOutSetup(actor: Actor): Promise<CashOutSetup> {
  assertCan(actor, "driver:use");
  const row = await db().stripeAccount.findUnique({ where: { userId: actor.userId } });
  if (!row?.stripeAccountId) return describeSetup(row);
  const accountId = row.stripeAccountId;
  const account = await timedCall("accounts.retrieve", () => stripeClient().accounts.retrieve(accountId));
  return describeSetup(await syncConnectedAccount(account));
}

/** Stripe's expired-or-used link came back: a new one for the signed-in driver, or setup from the start. */
/**
 * Stripe's refresh_url (a plain GET): a new link for an account the driver already started, or
 * null — an account is only ever made by the setup button (a POST), never by following a link.
 */
export async function renewSetupLink(actor: Actor): Promise<{ url: string } | null> {
  assertCan(actor, "driver:use");
  const row = await db().stripeAccount.findUnique({ where: { userId: actor.userId } });
  return row?.stripeAccountId ? { url: await onboardingLink(row.stripeAccountId) } : null;
}

const bankOf = (account: Stripe.Account) => {
  const data = account.external_accounts?.data ?? [];
  return data.find((a) => "default_for_currency" in a && a.default_for_currency) ?? data[0];
};

/** Our copy of what Stripe says about an account (webhooks, the return page and setup call it). */
export async function syncConnectedAccount(account: Stripe.Account, client: Db | Tx = db()) {
  const bank = bankOf(account);
  const requirements = account.requirements;
  const data = {
    detailsSubmitted: account.details_submitted ?? false,
    payoutsEnabled: account.payouts_enabled ?? false,
    transfersStatus: account.capabilities?.transfers ?? "inactive",
    disabledReason: requirements?.disabled_reason ?? null,
    currentlyDue: requirements?.currently_due ?? [],
    pastDue: requirements?.past_due ?? [],
    currentDeadline: requirements?.current_deadline ? new Date(requirements.current_deadline * 1000) : null,
    bankName: bank && "bank_name" in bank ? (bank.bank_name ?? null) : (bank?.brand ?? null),
    bankLast4: bank?.last4 ?? null,
    bankStatus: bank?.status ?? null,
    instantAvailable: (bank?.available_payout_methods ?? []).includes("instant"),
    syncedAt: new Date(),
  };
  const exists = await client.stripeAccount.findUnique({
    where: { stripeAccountId: account.id },
    select: { id: true },
  });
  return exists ? client.stripeAccount.update({ where: { id: exists.id }, data }) : null;
}

/** The account a cash-out pays into, or the reason it cannot (in words), checked before any money moves. */
export async function readyAccountFor(userId: string): Promise<{ stripeAccountId: string; instant: boolean }> {
  const row = await db().stripeAccount.findUnique({ where: { userId } });
  const setup = describeSetup(row);
  if (setup.state !== "ready" || !row?.stripeAccountId) throw new AppError("cash_out_not_ready", setupRefusal(setup));
  return { stripeAccountId: row.stripeAccountId, instant: row.instantAvailable };
}
