import os from "node:os";
import { describe, expect, it } from "vitest";
import { cpuPerRequest, type CpuSnapshot } from "../../scripts/bench-cpu";

const snap = (postgres: [string, number][], at: number, app = 0, bench = 0): CpuSnapshot => ({
  app,
  bench,
  at,
  postgres: new Map(postgres),
});

describe("bench:ledger's CPU per request", () => {
  it("divides each process's CPU and the machine time by the requests", () => {
    const per = cpuPerRequest(snap([["10", 100]], 0, 1_000, 50), snap([["10", 300]], 1_000, 1_400, 90), 100);
    expect(per).toEqual({ app: 4, postgres: 2, bench: 0.4, machine: (1_000 * os.availableParallelism()) / 100 });
  });

  it("never counts less than nothing when a backend exits mid-phase, and counts a new one whole", () => {
    // 10 ran 50 ms more; 11 exited (its time is gone with it); 12 started and used 30 ms
    const before = snap(
      [
        ["10", 100],
        ["11", 5_000],
      ],
      0,
    );
    const after = snap(
      [
        ["10", 150],
        ["12", 30],
      ],
      1_000,
    );
    expect(cpuPerRequest(before, after, 10).postgres).toBe(8);
  });

  it("takes a process id reused by a new backend as that new backend's time", () => {
    expect(cpuPerRequest(snap([["10", 900]], 0), snap([["10", 40]], 1_000), 1).postgres).toBe(40);
  });
});
