// Sandbox sellers: each made with one location in Austin, with coordinates (the app's map pin).
import { isoAt, type Sandbox } from "./context";
import { notFound } from "./errors";
import { newId } from "./ids";
import type { Location, Merchant } from "./objects";

export const DEMO_BUSINESS_NAME = "Mueller Market Coffee";

export function createMerchant(sandbox: Sandbox, businessName = DEMO_BUSINESS_NAME): Merchant {
  const createdAt = isoAt(sandbox.now());
  const merchant: Merchant = {
    id: `ML${newId(12)}`,
    business_name: businessName,
    country: "US",
    language_code: "en-US",
    currency: "USD",
    status: "ACTIVE",
    main_location_id: `L${newId(12)}`,
    created_at: createdAt,
  };
  const location: Location = {
    id: merchant.main_location_id,
    merchant_id: merchant.id,
    name: businessName,
    business_name: businessName,
    address: {
      address_line_1: "1900 Aldrich St",
      locality: "Austin",
      administrative_district_level_1: "TX",
      postal_code: "78723",
      country: "US",
    },
    coordinates: { latitude: 30.2987, longitude: -97.7057 },
    timezone: "America/Chicago",
    status: "ACTIVE",
    type: "PHYSICAL",
    country: "US",
    currency: "USD",
    created_at: createdAt,
  };
  sandbox.state.merchants[merchant.id] = merchant;
  sandbox.state.locations[location.id] = location;
  return merchant;
}

export function findMerchant(sandbox: Sandbox, merchantId: string): Merchant {
  const merchant = sandbox.state.merchants[merchantId];
  if (!merchant) throw notFound("merchant", merchantId);
  return merchant;
}

export const locationsOf = (sandbox: Sandbox, merchantId: string): Location[] =>
  Object.values(sandbox.state.locations).filter((l) => l.merchant_id === merchantId);

/** A location of this merchant, or 404 as Square answers for another seller's location. */
export function ownLocation(sandbox: Sandbox, merchantId: string, locationId: string): Location {
  const location = sandbox.state.locations[locationId];
  if (!location || location.merchant_id !== merchantId) throw notFound("location", locationId);
  return location;
}
