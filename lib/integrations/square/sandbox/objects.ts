// Square's objects as they travel on the wire (snake_case JSON, money in cents as numbers). The
// sandbox stores them in this shape, so an answer is a copy of what it holds.

export type Money = { amount: number; currency: "USD" };

export type Merchant = {
  id: string;
  business_name: string;
  country: "US";
  language_code: "en-US";
  currency: "USD";
  status: "ACTIVE";
  main_location_id: string;
  created_at: string;
};

export type Location = {
  id: string;
  merchant_id: string;
  name: string;
  business_name: string;
  address: {
    address_line_1: string;
    locality: string;
    administrative_district_level_1: string;
    postal_code: string;
    country: "US";
  };
  coordinates: { latitude: number; longitude: number };
  timezone: string;
  status: "ACTIVE";
  type: "PHYSICAL";
  country: "US";
  currency: "USD";
  created_at: string;
};

export type Customer = { id: string; phone_number: string; created_at: string; updated_at: string };

export type Card = { card_brand: "VISA"; last_4: string; fingerprint: string };

export type Tender = {
  id: string;
  location_id: string;
  transaction_id: string;
  created_at: string;
  amount_money: Money;
  type: "CARD";
  payment_id: string;
  customer_id?: string;
  card_details: { status: "CAPTURED"; entry_method: "CONTACTLESS"; card: Card };
};

export type OrderState = "OPEN" | "COMPLETED" | "CANCELED";

export type Order = {
  id: string;
  location_id: string;
  state: OrderState;
  version: number;
  created_at: string;
  updated_at: string;
  closed_at?: string;
  total_money: Money;
  net_amount_due_money: Money;
  customer_id?: string;
  tenders?: Tender[];
  /** On a return order: the sale it gives money back for. */
  returns?: Array<{ uid: string; source_order_id: string }>;
  return_amounts?: { total_money: Money };
  /** On a sale: refunds made against its tenders. */
  refunds?: Array<{
    id: string;
    location_id: string;
    tender_id: string;
    amount_money: Money;
    status: string;
    reason: string;
  }>;
  source: { name: string };
};

export type Payment = {
  id: string;
  status: "COMPLETED";
  source_type: "CARD";
  order_id: string;
  location_id: string;
  customer_id?: string;
  amount_money: Money;
  total_money: Money;
  refunded_money?: Money;
  card_details: { status: "CAPTURED"; card: Card };
  created_at: string;
  updated_at: string;
};

export type Refund = {
  id: string;
  status: "PENDING" | "COMPLETED";
  location_id: string;
  payment_id: string;
  order_id: string;
  amount_money: Money;
  reason: string;
  created_at: string;
  updated_at: string;
};

export type SquareEvent = {
  merchant_id: string;
  type: string;
  event_id: string;
  created_at: string;
  data: { type: string; id: string; object: Record<string, unknown> };
};
