-- The statement triggers (…_discovery_version) move the version when an edit is made, before it
-- commits. A nearby query that reads the version in between, and then the perks (which cannot see
-- the uncommitted edit), would keep the old perks under the new version, and every later query
-- reads that same version: the stale entry would live until the perk cache's time bound. These
-- triggers move it again as the edit commits (deferred to the end of its transaction), so such an
-- entry is keyed by a version no later query asks for. What remains is the moment between this
-- bump and the commit becoming visible (its WAL flush): see lib/discovery/nearby/perk-cache.ts.
-- Constraint triggers are per row; nextval() takes no lock, so writers still never queue on it.
CREATE CONSTRAINT TRIGGER "offer_moves_discovery_at_commit" AFTER INSERT OR DELETE
  OR UPDATE OF "merchantId", "title", "novaPrice", "active", "unlockOnly", "startsAt", "endsAt" ON "Offer"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_discovery_version"();
CREATE CONSTRAINT TRIGGER "merchant_moves_discovery_at_commit" AFTER INSERT OR DELETE
  OR UPDATE OF "name", "category", "status", "latitude", "longitude", "chargerId" ON "Merchant"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_discovery_version"();
CREATE CONSTRAINT TRIGGER "location_moves_discovery_at_commit" AFTER INSERT OR DELETE
  OR UPDATE OF "merchantId", "active", "latitude", "longitude" ON "MerchantLocation"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_discovery_version"();
