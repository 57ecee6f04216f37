import { describe, expect, it } from "vitest";
import { assertLocalDatabase } from "../support/test-database";

describe("test database guard", () => {
  it("allows local servers", () => {
    for (const url of [
      "postgresql://postgres@127.0.0.1:5432/x",
      "postgres://u@localhost/x",
      "postgres://u@[::1]:5432/x",
    ]) {
      expect(() => assertLocalDatabase(url)).not.toThrow();
    }
  });

  it("refuses any other host", () => {
    expect(() => assertLocalDatabase("postgresql://admin@prod-db.nerava.internal:5432/nerava")).toThrow(/non-local/);
    expect(() => assertLocalDatabase("postgresql://admin@10.0.0.5:5432/nerava")).toThrow(/non-local/);
  });
});
