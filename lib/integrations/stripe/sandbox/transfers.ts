// Transfers (platform balance → connected account balance) and their reversals.
import { findAccount } from "./accounts";
import { CONNECTED_FUNDS_MESSAGE, moveMoney, PLATFORM_FUNDS_MESSAGE } from "./balances";
import { changedAttributes, emitEvent, type RequestInfo, type Sandbox } from "./context";
import { invalidRequest, resourceMissing } from "./errors";
import { newId } from "./ids";
import { listPage } from "./list";
import type { Transfer, TransferReversal } from "./objects";
import { amountParam, currencyParam, metadataParam, optionalString, requiredString, type Params } from "./params";

export function findTransfer(sandbox: Sandbox, id: string): Transfer {
  const transfer = sandbox.state.transfers[id];
  if (!transfer) throw resourceMissing("transfer", id);
  return transfer;
}

export function createTransfer(sandbox: Sandbox, params: Params, request: RequestInfo): Transfer {
  const amount = amountParam(params);
  const currency = currencyParam(params);
  const destination = findAccount(sandbox, requiredString(params, "destination"), "destination");
  if (destination.capabilities.transfers !== "active")
    throw invalidRequest(
      "Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments",
      { code: "capability_not_active", param: "destination" },
    );
  moveMoney(sandbox, "platform", destination.id, amount, PLATFORM_FUNDS_MESSAGE);
  const id = newId("tr");
  const transfer: Transfer = {
    id,
    object: "transfer",
    amount,
    amount_reversed: 0,
    currency,
    description: optionalString(params, "description") ?? null,
    destination: destination.id,
    transfer_group: optionalString(params, "transfer_group") ?? null,
    metadata: metadataParam(params),
    reversed: false,
    reversals: { object: "list", data: [], has_more: false, total_count: 0, url: `/v1/transfers/${id}/reversals` },
    created: sandbox.now(),
    livemode: false,
  };
  sandbox.state.transfers[id] = transfer;
  emitEvent(sandbox, "transfer.created", transfer, { request });
  return transfer;
}

export function listTransfers(sandbox: Sandbox, params: Params) {
  const group = optionalString(params, "transfer_group");
  const destination = optionalString(params, "destination");
  const matching = Object.values(sandbox.state.transfers).filter(
    (t) =>
      (group === undefined || t.transfer_group === group) &&
      (destination === undefined || t.destination === destination),
  );
  return listPage(matching, params, "/v1/transfers", "transfer");
}

/** Succeeds only when the destination's available balance covers it, as on Stripe. */
export function createReversal(sandbox: Sandbox, transferId: string, params: Params, request: RequestInfo) {
  const transfer = findTransfer(sandbox, transferId);
  const remaining = transfer.amount - transfer.amount_reversed;
  if (remaining === 0)
    throw invalidRequest(`Transfer ${transfer.id} has already been fully reversed.`, {
      code: "charge_already_refunded",
    });
  const amount = amountParam(params, remaining);
  if (amount > remaining)
    throw invalidRequest(`Amount (${amount}) is greater than the unreversed amount of the transfer (${remaining}).`, {
      code: "amount_too_large",
      param: "amount",
    });
  moveMoney(sandbox, transfer.destination, "platform", amount, CONNECTED_FUNDS_MESSAGE);
  const before = structuredClone(transfer);
  const reversal: TransferReversal = {
    id: newId("trr"),
    object: "transfer_reversal",
    amount,
    currency: transfer.currency,
    transfer: transfer.id,
    metadata: metadataParam(params),
    created: sandbox.now(),
  };
  sandbox.state.reversals[reversal.id] = reversal;
  transfer.amount_reversed += amount;
  transfer.reversed = transfer.amount_reversed === transfer.amount;
  transfer.reversals = {
    ...transfer.reversals,
    data: [reversal, ...transfer.reversals.data],
    total_count: transfer.reversals.total_count + 1,
  };
  emitEvent(sandbox, "transfer.reversed", transfer, { request, previous: changedAttributes(before, transfer) });
  return reversal;
}

export function listReversals(sandbox: Sandbox, transferId: string, params: Params) {
  const transfer = findTransfer(sandbox, transferId);
  const reversals = Object.values(sandbox.state.reversals).filter((r) => r.transfer === transfer.id);
  return listPage(reversals, params, transfer.reversals.url, "transfer_reversal");
}
