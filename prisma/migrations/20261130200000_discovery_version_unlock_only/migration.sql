-- A campaign-only offer is never on the map (perk-sql.ts), so turning "unlockOnly" on or off
-- changes what the map shows: it moves the discovery version too, like the other columns the
-- map reads, and the nearby perk cache drops the entry at once instead of after its time bound.
DROP TRIGGER "offer_moves_discovery" ON "Offer";
CREATE TRIGGER "offer_moves_discovery" AFTER INSERT OR DELETE OR TRUNCATE
  OR UPDATE OF "merchantId", "title", "novaPrice", "active", "unlockOnly", "startsAt", "endsAt" ON "Offer"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_discovery_version"();
