import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as grantHandler } from "@/app/api/admin/grants/route";
import { unsafeGetBalances } from "@/lib/ledger";
import { call } from "../support/request";
import { createUser, signedIn, testDb, uid } from "../support/factories";

// Amounts are a JSON integer or a string of decimal digits, nothing else: the JSON grant handler
// answers 422 and the admin form shows the amount's field error, and no Nova moves.

const request = { cookie: "", headers: new Headers() };
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({
    get: (name: string) => (request.cookie && name === "nerava.session" ? { name, value: request.cookie } : undefined),
    set: () => undefined,
  }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { grantNovaAction } = await import("@/lib/actions/admin/grant-nova");

afterAll(() => testDb.$disconnect());
beforeEach(() => {
  request.headers = new Headers({ "x-forwarded-for": "192.0.2.10", "user-agent": "vitest" });
});

const ORIGIN = "http://localhost:3000";
const key = () => `k-${uid()}-${uid()}-${uid()}`;
const LOOSE_JSON: unknown[] = [[5], true, "0x10", "1e3", "5.0", 5.5, " 5", "", -1, "+5", null];
// what a form can carry: strings only
const LOOSE_FORM = ["0x10", "1e3", "5.0", "5.5", " 5", "", "-1", "+5", "true", "[5]"];

async function adminAndDriver() {
  const admin = await createUser({ role: "ADMIN" });
  const driver = await createUser();
  return { admin: await signedIn(admin.id), driver };
}

const grantsTo = (driverId: string) =>
  testDb.ledgerTransaction.count({ where: { type: "GRANT", entries: { some: { account: { ownerId: driverId } } } } });

describe("grant amounts", () => {
  it("the JSON handler refuses anything but an integer or decimal digits with 422, and moves nothing", async () => {
    const { admin, driver } = await adminAndDriver();
    const post = (amount: unknown) =>
      call(grantHandler, {
        method: "POST",
        path: "/api/admin/grants",
        headers: { cookie: admin.cookie, origin: ORIGIN, "content-type": "application/json" },
        body: { driverId: driver.id, amount, reason: "welcome bonus", idempotencyKey: key() },
      });
    for (const amount of LOOSE_JSON) {
      const res = await post(amount);
      expect({ amount, status: res.status }).toEqual({ amount, status: 422 });
      expect((await res.json()).error.code).toBe("invalid_input");
    }
    expect(await grantsTo(driver.id)).toBe(0);

    expect((await post(5)).status).toBe(201);
    expect((await post("5")).status).toBe(201);
    expect((await unsafeGetBalances("DRIVER", driver.id)).nova.available).toBe(10n);
  });

  it('the admin form shows the amount\'s field error, and grants "5"', async () => {
    const { admin, driver } = await adminAndDriver();
    request.cookie = admin.sessionToken;
    const submit = (amount: string) => {
      const fd = new FormData();
      for (const [k, v] of Object.entries({
        driverId: driver.id,
        amount,
        reason: "welcome bonus",
        idempotencyKey: key(),
      }))
        fd.set(k, v);
      return grantNovaAction(null, fd);
    };
    for (const amount of LOOSE_FORM) {
      expect({ amount, result: await submit(amount) }).toEqual({
        amount,
        result: {
          ok: false,
          error: { code: "invalid_input", message: expect.any(String), fields: { amount: "Whole Nova only." } },
        },
      });
    }
    expect(await grantsTo(driver.id)).toBe(0);

    expect(await submit("5")).toMatchObject({ ok: true, data: { amount: 5, driverId: driver.id } });
    expect((await unsafeGetBalances("DRIVER", driver.id)).nova.available).toBe(5n);
  });
});
