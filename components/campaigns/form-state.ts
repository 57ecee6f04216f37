"use client";

import type { CampaignFormValues } from "@/lib/campaigns";

// What each section of the campaign form gets: the values, a setter, and the server's sentence per field.
export type SectionProps = {
  values: CampaignFormValues;
  set: (field: string, value: string) => void;
  err: (field: string) => string | undefined;
  trigger: string;
};

/** Triggers with a place (a charger or a shop). */
export const PLACED = new Set(["session_verified", "first_charge", "purchase_verified", "redemption_confirmed"]);
/** Triggers with energy and base Nova (minimum kWh, chargers and multipliers apply). */
export const CHARGING = new Set(["session_verified", "first_charge"]);

export const onValue =
  (set: SectionProps["set"], field: string) =>
  (e: { target: { value: string } }): void =>
    set(field, e.target.value);
