import { describe, expect, it } from "vitest";
import { ensureRequestId } from "@/lib/observability/request-id";

describe("ensureRequestId", () => {
  it("keeps a well-formed caller id so logs join up", () => {
    expect(ensureRequestId("req-1234abcd")).toBe("req-1234abcd");
  });

  it("replaces missing, short or unsafe ids", () => {
    for (const bad of [
      null,
      undefined,
      "",
      "abc",
      "x".repeat(80),
      "evil\nheader-injection",
      "<script>alert(1)</script>",
    ]) {
      const id = ensureRequestId(bad);
      expect(id).not.toBe(bad);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
