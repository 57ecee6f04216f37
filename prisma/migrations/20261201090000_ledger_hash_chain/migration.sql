-- Tamper-evident ledger (README "Tamper-evident statements"): each account's entries form a hash
-- chain. Entry n of an account stores seq = n, prevHash = entry n-1's hash (the genesis value,
-- 64 zeros, for n = 1) and hash = ledger_entry_hash(...) over prevHash and its own fields; the
-- account row keeps the head (headSeq, headHash), so deleting the newest entry shows too.

-- AlterTable
ALTER TABLE "LedgerAccount" ADD COLUMN     "headHash" TEXT NOT NULL DEFAULT '0000000000000000000000000000000000000000000000000000000000000000',
ADD COLUMN     "headSeq" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "LedgerEntry" ADD COLUMN     "hash" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "prevHash" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "seq" INTEGER NOT NULL DEFAULT 0;

-- The canonical encoding, exactly (lib/ledger/chain.ts computes the same in JS, a statement's
-- reader with any SHA-256 tool): lowercase hex SHA-256 of the UTF-8 text
--   v1|<seq>|<prevHash>|<entry id>|<account id>|<transaction id>|<amount>|<currency>|<type>|<createdAt>
-- amount in minor units with a leading '-' when negative, currency NOVA or USD, type the
-- transaction's type, createdAt as stored (UTC, milliseconds) written 2026-05-01T09:30:00.000Z.
CREATE OR REPLACE FUNCTION "ledger_entry_hash"(
  seq integer, prev_hash text, entry_id bigint, account_id text, transaction_id text,
  amount bigint, currency text, tx_type text, created_at timestamp
) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT encode(sha256(convert_to(
    'v1|' || seq || '|' || prev_hash || '|' || entry_id || '|' || account_id || '|' || transaction_id || '|'
      || amount || '|' || currency || '|' || tx_type || '|' || to_char(created_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'UTF8')), 'hex')
$$;

-- Backfill, in the order the chain uses (per account, by entry id: ids are handed out while the
-- account row is locked, so they grow with the chain). The append-only trigger is off for this
-- transaction only.
BEGIN;

ALTER TABLE "LedgerEntry" DISABLE TRIGGER "ledger_entry_append_only";

UPDATE "LedgerEntry" e SET "seq" = n."seq"
FROM (SELECT "id", row_number() OVER (PARTITION BY "accountId" ORDER BY "id")::integer AS "seq" FROM "LedgerEntry") n
WHERE e."id" = n."id";

-- CreateIndex
CREATE UNIQUE INDEX "LedgerEntry_accountId_seq_key" ON "LedgerEntry"("accountId", "seq");

WITH RECURSIVE chain AS (
  SELECT e."id", e."accountId", e."seq",
         '0000000000000000000000000000000000000000000000000000000000000000'::text AS prev,
         "ledger_entry_hash"(e."seq", '0000000000000000000000000000000000000000000000000000000000000000',
           e."id", e."accountId", e."transactionId", e."amount", a."currency"::text, t."type", e."createdAt") AS hash
  FROM "LedgerEntry" e
  JOIN "LedgerAccount" a ON a."id" = e."accountId"
  JOIN "LedgerTransaction" t ON t."id" = e."transactionId"
  WHERE e."seq" = 1
  UNION ALL
  SELECT e."id", e."accountId", e."seq", c.hash,
         "ledger_entry_hash"(e."seq", c.hash, e."id", e."accountId", e."transactionId", e."amount",
           a."currency"::text, t."type", e."createdAt")
  FROM chain c
  JOIN "LedgerEntry" e ON e."accountId" = c."accountId" AND e."seq" = c."seq" + 1
  JOIN "LedgerAccount" a ON a."id" = e."accountId"
  JOIN "LedgerTransaction" t ON t."id" = e."transactionId"
)
UPDATE "LedgerEntry" e SET "prevHash" = chain.prev, "hash" = chain.hash FROM chain WHERE e."id" = chain."id";

UPDATE "LedgerAccount" a SET "headSeq" = h."seq", "headHash" = h."hash"
FROM (SELECT DISTINCT ON ("accountId") "accountId", "seq", "hash" FROM "LedgerEntry" ORDER BY "accountId", "seq" DESC) h
WHERE a."id" = h."accountId";

ALTER TABLE "LedgerEntry" ENABLE TRIGGER "ledger_entry_append_only";

COMMIT;

-- Every insert, whatever its path, extends its account's chain: the account row is locked (the
-- posting's balance update already holds it, so this waits for nothing new), the entry takes
-- head + 1 and the head moves to it. Values a caller passes for seq, prevHash and hash are replaced.
CREATE OR REPLACE FUNCTION "ledger_entry_chain"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tx_type text;
  account_currency text;
BEGIN
  SELECT t."type" INTO tx_type FROM "LedgerTransaction" t WHERE t."id" = NEW."transactionId";
  SELECT a."headSeq" + 1, a."headHash", a."currency"::text INTO NEW."seq", NEW."prevHash", account_currency
    FROM "LedgerAccount" a WHERE a."id" = NEW."accountId" FOR UPDATE;
  IF tx_type IS NULL OR account_currency IS NULL THEN
    RAISE EXCEPTION 'ledger entry for an unknown transaction % or account %', NEW."transactionId", NEW."accountId"
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  NEW."hash" := "ledger_entry_hash"(NEW."seq", NEW."prevHash", NEW."id", NEW."accountId", NEW."transactionId",
    NEW."amount", account_currency, tx_type, NEW."createdAt");
  UPDATE "LedgerAccount" SET "headSeq" = NEW."seq", "headHash" = NEW."hash" WHERE "id" = NEW."accountId";
  RETURN NEW;
END;
$$;

CREATE TRIGGER "ledger_entry_chain" BEFORE INSERT ON "LedgerEntry"
  FOR EACH ROW EXECUTE FUNCTION "ledger_entry_chain"();
