-- A version that moves whenever what the map shows about merchants changes (Offer, Merchant,
-- MerchantLocation), read by the nearby query: its pin cache is keyed by it, so a cached pin
-- does not outlive an edit on any instance. A sequence rather than a row: nextval() takes no
-- lock, so concurrent writers never queue (or deadlock) on it. Statement-level triggers, and
-- UPDATE OF only the columns the map reads, so unrelated edits leave the cache alone.
CREATE SEQUENCE "discovery_version";

CREATE FUNCTION "bump_discovery_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('"discovery_version"');
  RETURN NULL;
END $$;

CREATE TRIGGER "offer_moves_discovery" AFTER INSERT OR DELETE OR TRUNCATE
  OR UPDATE OF "merchantId", "title", "novaPrice", "active", "startsAt", "endsAt" ON "Offer"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_discovery_version"();
CREATE TRIGGER "merchant_moves_discovery" AFTER INSERT OR DELETE OR TRUNCATE
  OR UPDATE OF "name", "category", "status", "latitude", "longitude", "chargerId" ON "Merchant"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_discovery_version"();
CREATE TRIGGER "location_moves_discovery" AFTER INSERT OR DELETE OR TRUNCATE
  OR UPDATE OF "merchantId", "active", "latitude", "longitude" ON "MerchantLocation"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_discovery_version"();
