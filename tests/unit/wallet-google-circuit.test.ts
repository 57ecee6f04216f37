import { afterEach, describe, expect, it } from "vitest";
import { createGoogleCircuit, type GoogleCircuit } from "@/lib/wallet/google/circuit";
import { GoogleWalletError } from "@/lib/wallet/google/errors";

// The breaker in front of Google Wallet: Google's failures open it, our refusals do not.
const policy = { errorThresholdPercentage: 50, volumeThreshold: 4, rollingWindowMs: 10_000, resetTimeoutMs: 60_000 };
const fail = (err: Error) => () => Promise.reject(err);
const serverError = new GoogleWalletError("500", 500, true);
const refusal = new GoogleWalletError("400", 400, false);

let circuit: GoogleCircuit;
afterEach(() => circuit.shutdown());

describe("Google Wallet circuit", () => {
  it("opens after repeated 5xx and then fails fast without calling, as a non-retryable error", async () => {
    circuit = createGoogleCircuit("test", policy);
    for (let i = 0; i < 4; i++) await expect(circuit.run(fail(serverError))).rejects.toBe(serverError);
    expect(circuit.opened).toBe(true);
    let called = false;
    const refused = await circuit
      .run(async () => {
        called = true;
      })
      .catch((e: unknown) => e);
    expect(called).toBe(false);
    expect(refused).toBeInstanceOf(GoogleWalletError);
    expect(refused).toMatchObject({ retryable: false, message: expect.stringMatching(/circuit open/) });
  });

  it("stays closed on refusals (a bad request says nothing about Google's health)", async () => {
    circuit = createGoogleCircuit("test", policy);
    for (let i = 0; i < 8; i++) await expect(circuit.run(fail(refusal))).rejects.toBe(refusal);
    expect(circuit.opened).toBe(false);
    expect(await circuit.run(async () => "ok")).toBe("ok");
  });
});
