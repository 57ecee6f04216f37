-- A purchase refunded after its reward became available takes the reward back from the driver's
-- available cash even when it was spent: the debt stays on that one account (driver, AVAILABLE,
-- USD) and the wallet shows it. lib/ledger only lets a reversal that names the account overdraw it,
-- and checkLedger flags any debt deeper than those reversals took. Every other account keeps the rule.
ALTER TABLE "LedgerAccount" DROP CONSTRAINT "ledger_account_balance_non_negative";
ALTER TABLE "LedgerAccount" ADD CONSTRAINT "ledger_account_balance_non_negative" CHECK (
  "allowNegative" OR "balance" >= 0
  OR ("ownerType" = 'DRIVER' AND "kind" = 'AVAILABLE' AND "currency" = 'USD')
);
