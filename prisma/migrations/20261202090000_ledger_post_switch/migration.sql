-- ledger_post also checks, before anything else, a kill switch (a FeatureFlag key and its default)
-- and a guard (a condition the caller's statement computes as an argument, e.g. "the offer still
-- has the price these lines were made from"), so a grant is two round trips (session, posting)
-- instead of three (session, the switch and the driver's existence, posting; the driver's
-- existence was already LD004), and so is a redemption whose offer the app already knows.
-- Refusals added:
--   LD005 the switch the caller named is off (DETAIL: its key)
--   LD006 the caller's guard is false (the caller reads afresh and decides)
-- Otherwise the function is unchanged (migration 20261201120000_ledger_post_function).

DROP FUNCTION "ledger_post"(text, text, text, text, text, text, text, jsonb, text[], text[], text[], text[],
  integer[], boolean[], bigint[], boolean[], text[], text[], text[], text[], bigint[], bigint[], jsonb);

CREATE FUNCTION "ledger_post"(
  p_id text, p_key text, p_request_hash text, p_type text, p_reason text, p_reverses_id text,
  p_actor_id text, p_metadata jsonb,
  p_owner_types text[], p_owner_ids text[], p_kinds text[], p_currencies text[], p_shards integer[],
  p_allow_negative boolean[], p_amounts bigint[], p_overdraw boolean[], p_new_ids text[],
  p_drivers text[], p_recipients text[],
  p_usage_keys text[], p_usage_amounts bigint[], p_usage_caps bigint[],
  p_audit jsonb,
  p_switch_key text, p_switch_default boolean, p_guard boolean
) RETURNS TABLE ("outcome" text, "transactionId" text, "walletWake" boolean)
LANGUAGE plpgsql AS $$
DECLARE
  existing_id text;
  existing_hash text;
  line_accounts text[];
  r record;
  i integer;
  person text;
  person_status text;
  wake boolean := false;
BEGIN
  -- a kill switch the posting needs on, read in this statement: turned off, it refuses the very
  -- next posting (a replay too, as the gate it replaces did); the default while no admin set it
  IF p_switch_key IS NOT NULL
     AND NOT coalesce((SELECT f."enabled" FROM "FeatureFlag" f WHERE f."key" = p_switch_key), p_switch_default) THEN
    RAISE EXCEPTION 'switched off' USING ERRCODE = 'LD005', DETAIL = p_switch_key;
  END IF;
  IF p_guard IS NOT NULL AND NOT p_guard THEN
    RAISE EXCEPTION 'guard' USING ERRCODE = 'LD006';
  END IF;

  INSERT INTO "LedgerTransaction" ("id", "idempotencyKey", "requestHash", "type", "reason", "reversesId", "actorId", "metadata")
  VALUES (p_id, p_key, p_request_hash, p_type, p_reason, p_reverses_id, p_actor_id, p_metadata)
  ON CONFLICT ("idempotencyKey") DO NOTHING;
  IF NOT FOUND THEN
    SELECT t."id", t."requestHash" INTO existing_id, existing_hash FROM "LedgerTransaction" t WHERE t."idempotencyKey" = p_key;
    RETURN QUERY SELECT (CASE WHEN existing_hash = p_request_hash THEN 'replayed' ELSE 'conflict' END), existing_id, false;
    RETURN;
  END IF;

  -- accounts opened in one fixed order, so two postings opening the same two never wait in a cycle
  INSERT INTO "LedgerAccount" ("id", "ownerType", "ownerId", "kind", "currency", "shard", "allowNegative")
  SELECT DISTINCT ON (u.ot, u.oi, u.k, u.c, u.s) u.nid, u.ot::"OwnerType", u.oi, u.k::"AccountKind", u.c::"Currency", u.s, u.neg
  FROM unnest(p_owner_types, p_owner_ids, p_kinds, p_currencies, p_shards, p_allow_negative, p_new_ids) AS u(ot, oi, k, c, s, neg, nid)
  ORDER BY u.ot, u.oi, u.k, u.c, u.s
  ON CONFLICT ("ownerType", "ownerId", "kind", "currency", "shard") DO NOTHING;

  SELECT array_agg(a."id" ORDER BY u.n) INTO line_accounts
  FROM unnest(p_owner_types, p_owner_ids, p_kinds, p_currencies, p_shards) WITH ORDINALITY AS u(ot, oi, k, c, s, n)
  JOIN "LedgerAccount" a ON a."ownerType" = u.ot::"OwnerType" AND a."ownerId" = u.oi AND a."kind" = u.k::"AccountKind"
    AND a."currency" = u.c::"Currency" AND a."shard" = u.s;
  IF cardinality(line_accounts) IS DISTINCT FROM cardinality(p_amounts) THEN
    RAISE EXCEPTION 'ledger_post: % lines but % accounts', cardinality(p_amounts), cardinality(line_accounts);
  END IF;

  -- balances move in account-id order (no lock cycles between postings); a balance that must stay
  -- at or above zero is decided by the update's own condition
  FOR r IN
    SELECT u.acc, sum(u.amt)::bigint AS amt, bool_or(u.od) AS od
    FROM unnest(line_accounts, p_amounts, p_overdraw) AS u(acc, amt, od) GROUP BY u.acc ORDER BY u.acc
  LOOP
    UPDATE "LedgerAccount" SET "balance" = "balance" + r.amt
    WHERE "id" = r.acc AND ("allowNegative" OR r.od OR "balance" + r.amt >= 0);
    IF NOT FOUND THEN
      RAISE EXCEPTION 'insufficient funds' USING ERRCODE = 'LD001';
    END IF;
  END LOOP;

  INSERT INTO "LedgerEntry" ("transactionId", "accountId", "amount")
  SELECT p_id, u.acc, u.amt FROM unnest(line_accounts, p_amounts) WITH ORDINALITY AS u(acc, amt, n) ORDER BY u.acc, u.n;

  IF cardinality(p_drivers) > 0 THEN
    WITH noted AS (
      INSERT INTO "DriverBalanceChange" ("driverId", "changedAt")
      SELECT d, clock_timestamp() FROM unnest(p_drivers) AS d ORDER BY d
      ON CONFLICT ("driverId") DO UPDATE SET "changedAt" = clock_timestamp()
      RETURNING (xmax = 0) AS inserted
    ) SELECT coalesce(bool_or(inserted), false) INTO wake FROM noted;
  END IF;

  -- a suspension racing the credit either waits for it or is seen by it (share lock)
  FOREACH person IN ARRAY coalesce((SELECT array_agg(DISTINCT x ORDER BY x) FROM unnest(p_recipients) AS x), '{}') LOOP
    SELECT u."status"::text INTO person_status FROM "User" u WHERE u."id" = person FOR SHARE;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'no such person' USING ERRCODE = 'LD004', DETAIL = person;
    ELSIF person_status <> 'ACTIVE' THEN
      RAISE EXCEPTION 'person not active' USING ERRCODE = 'LD003', DETAIL = person;
    END IF;
  END LOOP;

  FOR i IN 1 .. coalesce(cardinality(p_usage_keys), 0) LOOP
    IF p_usage_amounts[i] > p_usage_caps[i] THEN
      RAISE EXCEPTION 'usage cap' USING ERRCODE = 'LD002', DETAIL = p_usage_keys[i];
    END IF;
    INSERT INTO "UsageCounter" ("key", "used", "updatedAt") VALUES (p_usage_keys[i], p_usage_amounts[i], now())
    ON CONFLICT ("key") DO UPDATE SET "used" = "UsageCounter"."used" + EXCLUDED."used", "updatedAt" = now()
      WHERE "UsageCounter"."used" + EXCLUDED."used" <= p_usage_caps[i];
    IF NOT FOUND THEN
      RAISE EXCEPTION 'usage cap' USING ERRCODE = 'LD002', DETAIL = p_usage_keys[i];
    END IF;
  END LOOP;

  IF p_audit IS NOT NULL THEN
    INSERT INTO "AuditLog" ("actorId", "action", "targetType", "targetId", "metadata", "ip", "requestId")
    SELECT a."actorId", a."action", a."targetType", a."targetId", a."metadata", a."ip", a."requestId"
    FROM jsonb_to_recordset(p_audit) AS a("actorId" text, "action" text, "targetType" text, "targetId" text,
      "metadata" jsonb, "ip" text, "requestId" text);
  END IF;

  RETURN QUERY SELECT 'posted'::text, p_id, wake;
END;
$$;
