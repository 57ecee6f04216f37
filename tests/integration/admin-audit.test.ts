import { afterAll, describe, expect, it } from "vitest";
import { GET as exportCsv } from "@/app/api/admin/audit/export/route";
import { auditFilterInput, recordAudit, searchAudit } from "@/lib/audit";
import { asAdmin, asDriver, createUser, signedIn, testDb, uid } from "../support/factories";
import { call } from "../support/request";

// The audit log's search (actor by email or id, target, action, dates) and its CSV export:
// admins only, the same filters, every cell escaped and guarded against spreadsheet formulas.

afterAll(() => testDb.$disconnect());

async function world() {
  const tag = uid();
  const admin = await createUser({ role: "ADMIN" });
  const other = await createUser({ role: "ADMIN" });
  const target = `m-${tag}`;
  await testDb.auditLog.createMany({
    data: [
      {
        action: `test.${tag}.approve`,
        actorId: admin.id,
        targetType: "merchant",
        targetId: target,
        createdAt: new Date("2026-03-01T10:00:00Z"),
        metadata: { reason: '=HYPERLINK("http://evil","x")' },
      },
      {
        action: `test.${tag}.suspend`,
        actorId: admin.id,
        targetType: "merchant",
        targetId: target,
        createdAt: new Date("2026-03-05T23:59:59Z"),
        metadata: { reason: 'late, "quoted"' },
      },
      {
        action: `test.${tag}.suspend`,
        actorId: other.id,
        targetType: "user",
        targetId: `u-${tag}`,
        createdAt: new Date("2026-03-06T00:00:00Z"),
      },
    ],
  });
  await recordAudit({ action: `test.${tag}.note`, actorId: admin.id, targetType: "flag", targetId: "@SUM(A1)" });
  return { tag, admin, other, target };
}

const filter = (raw: Record<string, string>) => auditFilterInput.parse(raw);

describe("searchAudit", () => {
  it("filters by actor email or id, target, action prefix and whole UTC days", async () => {
    const w = await world();
    const search = async (raw: Record<string, string>) =>
      (await searchAudit(asAdmin(w.admin.id), filter({ action: `test.${w.tag}`, ...raw }))).rows.map((r) => r.action);
    expect(await search({})).toHaveLength(4);
    expect(await search({ actor: w.admin.email!.toUpperCase() })).toHaveLength(3);
    expect(await search({ actor: w.other.id })).toEqual([`test.${w.tag}.suspend`]);
    expect(await search({ targetType: "merchant", targetId: w.target })).toEqual([
      `test.${w.tag}.suspend`,
      `test.${w.tag}.approve`,
    ]);
    expect(await search({ action: `test.${w.tag}.suspend` })).toHaveLength(2);
    expect(await search({ from: "2026-03-01", to: "2026-03-05" })).toEqual([
      `test.${w.tag}.suspend`,
      `test.${w.tag}.approve`,
    ]);
    expect(await search({ from: "2026-03-06", to: "2026-03-06" })).toEqual([`test.${w.tag}.suspend`]);
    await expect(searchAudit(asDriver((await createUser()).id), filter({}))).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("refuses a malformed or reversed date range with a sentence", () => {
    expect(auditFilterInput.safeParse({ from: "2026-13-45" }).error?.issues[0].message).toMatch(/real date|like/);
    expect(auditFilterInput.safeParse({ from: "2026-03-05", to: "2026-03-01" }).error?.issues[0].message).toBe(
      "The start date is after the end date.",
    );
  });
});

describe("GET /api/admin/audit/export", () => {
  it("signed out 401, a driver 403, an admin gets the filtered CSV with formulas neutralised", async () => {
    const w = await world();
    const path = `/api/admin/audit/export?action=test.${w.tag}&from=2026-03-01&to=2026-12-31`;
    expect((await call(exportCsv, { path })).status).toBe(401);
    const driver = await signedIn((await createUser()).id);
    expect((await call(exportCsv, { path, headers: { cookie: driver.cookie } })).status).toBe(403);
    const admin = await signedIn(w.admin.id);
    const res = await call(exportCsv, { path, headers: { cookie: admin.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = (await res.text()).trimEnd().split("\n");
    expect(lines[0]).toBe("id,time_utc,action,actor_id,actor_email,target_type,target_id,metadata,ip,request_id");
    expect(lines).toHaveLength(5);
    const csv = lines.join("\n");
    expect(csv).toContain(`"'@SUM(A1)"`);
    expect(csv).toContain(`"{""reason"":""=HYPERLINK(\\""http://evil\\"",\\""x\\"")""}"`);
    expect(csv).toContain(`"{""reason"":""late, \\""quoted\\""""}"`);
    expect(
      (await call(exportCsv, { path: "/api/admin/audit/export?from=yesterday", headers: { cookie: admin.cookie } }))
        .status,
    ).toBeGreaterThanOrEqual(400);
  });
});
