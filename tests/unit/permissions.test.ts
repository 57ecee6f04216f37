import { describe, expect, it } from "vitest";
import { can, homeFor } from "@/lib/access/permissions";

describe("permission map", () => {
  it("gives each role its own surface only", () => {
    expect(can("ADMIN", "admin:manage-users")).toBe(true);
    expect(can("MERCHANT", "admin:view")).toBe(false);
    expect(can("DRIVER", "merchant:view")).toBe(false);
    expect(can("ADMIN", "merchant:operate")).toBe(false);
    expect(can("MERCHANT", "merchant:operate")).toBe(true);
    for (const role of ["DRIVER", "MERCHANT", "ADMIN"] as const) expect(can(role, "account:manage")).toBe(true);
  });

  it("fails closed for unknown permissions, prototype keys and missing roles", () => {
    expect(can("ADMIN", "admin:everything")).toBe(false);
    expect(can("ADMIN", "toString")).toBe(false);
    expect(can("ADMIN", "__proto__")).toBe(false);
    expect(can(null, "account:manage")).toBe(false);
    expect(can("ROOT" as never, "admin:view")).toBe(false);
  });

  it("sends each role to its home after sign-in", () => {
    expect([homeFor("DRIVER"), homeFor("MERCHANT"), homeFor("ADMIN")]).toEqual(["/app", "/merchant", "/admin"]);
  });
});
