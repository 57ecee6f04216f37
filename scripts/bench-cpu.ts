// Where a bench phase's machine time went, for a bench run on the app's own machine (Linux): the
// app's CPU (BENCH_APP_PID), PostgreSQL's (every process named `postgres`: the backends, the WAL
// writer, the checkpointer) and the load generator's own, each per request, beside the machine
// time a request had (cores × wall time ÷ requests). The rest of the machine time is idle or
// someone else's.
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";

export type CpuSnapshot = { app: number; postgres: Map<string, number>; bench: number; at: number };
export type CpuPerRequest = { app: number; postgres: number; bench: number; machine: number };

/** Command name and CPU milliseconds (utime + stime; USER_HZ is 100 on Linux) of one process, or null once it is gone. */
function processStat(pid: string): { comm: string; cpuMs: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    // the fields after the command name, which may hold spaces: utime and stime are the 12th and 13th
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { comm, cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / 100 };
  } catch {
    return null;
  }
}

/** Each PostgreSQL process's CPU so far, by process id. */
function postgresCpuMs(): Map<string, number> {
  const byPid = new Map<string, number>();
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    const s = processStat(pid);
    if (s?.comm === "postgres") byPid.set(pid, s.cpuMs);
  }
  return byPid;
}

/**
 * PostgreSQL's CPU between two snapshots: a process there at both counts its difference, one
 * started between them all its time; one that exited in between took its time with it (the
 * figure is then a little low, never negative).
 */
function postgresDelta(before: Map<string, number>, after: Map<string, number>): number {
  let total = 0;
  for (const [pid, ms] of after) {
    const was = before.get(pid) ?? 0;
    total += ms >= was ? ms - was : ms; // less than before: the id was reused by a new process
  }
  return total;
}

export function cpuSnapshot(appPid: string): CpuSnapshot {
  const own = process.cpuUsage();
  return {
    app: processStat(appPid)?.cpuMs ?? NaN,
    postgres: postgresCpuMs(),
    bench: (own.user + own.system) / 1000,
    at: performance.now(),
  };
}

export function cpuPerRequest(before: CpuSnapshot, after: CpuSnapshot, requests: number): CpuPerRequest {
  const per = (ms: number) => ms / requests;
  return {
    app: per(after.app - before.app),
    postgres: per(postgresDelta(before.postgres, after.postgres)),
    bench: per(after.bench - before.bench),
    machine: per((after.at - before.at) * os.availableParallelism()),
  };
}
