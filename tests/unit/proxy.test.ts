import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

const get = (path: string, headers: Record<string, string> = {}) =>
  proxy(new NextRequest(new URL(path, "http://localhost:3000"), { headers }));

describe("proxy: control characters in the URL", () => {
  it("a path segment with one names nothing (404), on pages and API routes alike", async () => {
    for (const path of ["/app/codes/%00", "/admin/claims/a%0Db", "/api/me/sessions/%00", "/admin/ledger/%7F"]) {
      const res = await get(path, { cookie: "nerava.session=x" });
      expect(res.status, path).toBe(404);
      expect((await res.json()).error.code).toBe("not_found");
    }
  });

  it("a query value with NUL is a 400; tab, CR and LF are left to the page's own checks", async () => {
    expect((await get("/admin/users?q=%00", { cookie: "nerava.session=x" })).status).toBe(400);
    expect((await get("/signin?callbackUrl=%01")).status).toBe(400);
    for (const path of ["/auth/continue?to=/%0d%0a/x", "/signin?callbackUrl=/%09/evil.example", "/admin/users?q=a%20b"])
      expect((await get(path, { cookie: "nerava.session=x" })).status, path).toBe(200);
  });
});
