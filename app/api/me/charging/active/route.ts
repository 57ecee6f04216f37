import { readDriverCharging } from "@/lib/charging";
import { route } from "@/lib/http";

export const dynamic = "force-dynamic";

/** The signed-in driver's charging now (the live charge screen polls it). */
export const GET = route({ name: "/api/me/charging/active", permission: "driver:use" }, async ({ actor }) =>
  readDriverCharging(actor),
);
