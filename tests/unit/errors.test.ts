import { describe, expect, it } from "vitest";
import { AppError, ERROR_STATUS, tagClass } from "@/lib/errors";
import { InsufficientFunds } from "@/lib/ledger/errors";

describe("error vocabulary", () => {
  it("takes each status from the one table", () => {
    for (const code of Object.keys(ERROR_STATUS) as (keyof typeof ERROR_STATUS)[]) {
      expect(new AppError(code, "x").status).toBe(ERROR_STATUS[code]);
    }
  });

  it("answers caps and limits with one status", () => {
    expect(ERROR_STATUS.over_grant_max).toBe(ERROR_STATUS.daily_cap);
    expect(ERROR_STATUS.offer_limit).toBe(ERROR_STATUS.daily_cap);
  });

  it("recognises an error made by another copy of the class (a second bundle)", () => {
    // what a second bundle's copy of the module would define
    class CopyOfAppError extends Error {}
    tagClass(CopyOfAppError, "AppError");
    expect(new CopyOfAppError("from the other bundle")).toBeInstanceOf(AppError);
    expect(new Error("plain")).not.toBeInstanceOf(AppError);
  });

  it("keeps subclasses distinct", () => {
    expect(new InsufficientFunds()).toBeInstanceOf(AppError);
    expect(new InsufficientFunds()).toBeInstanceOf(InsufficientFunds);
    expect(new AppError("not_found", "x")).not.toBeInstanceOf(InsufficientFunds);
  });
});
