import { afterAll, describe, expect, it } from "vitest";
import { GET as adminStatement } from "@/app/api/admin/accounts/[ownerType]/[ownerId]/statement/route";
import { GET as merchantStatement } from "@/app/api/merchants/[merchantId]/statement/route";
import { GET as walletStatement } from "@/app/api/wallet/statement/route";
import { grantNova } from "@/lib/rewards";
import { call } from "../support/request";
import { asAdmin, createMerchant, createUser, fakeMeta, signedIn, testDb, uid } from "../support/factories";

afterAll(() => testDb.$disconnect());

const HEADER =
  "date,transaction,type,currency,account,amount,state,reason,entry,account_id,seq,prev_hash,hash,amount_minor";
const CHAIN = ",\\d+,\\w+,\\d+,[0-9a-f]{64},[0-9a-f]{64}"; // entry, account_id, seq, prev_hash, hash
const today = new Date().toISOString().slice(0, 10);

async function world() {
  const admin = await createUser({ role: "ADMIN" });
  const driver = await createUser();
  const owner = await createUser({ role: "MERCHANT" });
  const merchant = await createMerchant(owner.id);
  const reason = `csv test ${uid()}`;
  await grantNova(
    asAdmin(admin.id),
    { driverId: driver.id, amount: 250, reason, idempotencyKey: `k-${uid()}-${uid()}-${uid()}` },
    fakeMeta(),
  );
  return { admin, driver, owner, merchant, reason };
}

function filename(res: Response): string | undefined {
  return res.headers.get("content-disposition")?.match(/filename="([^"]+)"/)?.[1];
}

describe("the three statement downloads share one implementation", () => {
  it("the driver's own and the admin's view of that driver give the same rows, each under its own name", async () => {
    const { admin, driver, reason } = await world();
    const mine = await call(walletStatement, { headers: { cookie: (await signedIn(driver.id)).cookie } });
    const viewed = await call(adminStatement, {
      params: { ownerType: "DRIVER", ownerId: driver.id },
      headers: { cookie: (await signedIn(admin.id)).cookie },
    });
    for (const res of [mine, viewed]) {
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(res.headers.get("cache-control")).toBe("no-store");
    }
    expect(filename(mine)).toBe(`nerava-wallet-${today}.csv`);
    expect(filename(viewed)).toBe(`nerava-driver-statement-${today}.csv`);
    const csv = await mine.text();
    expect(csv.split("\n")[0]).toBe(HEADER);
    expect(csv).toMatch(new RegExp(`,GRANT,NOVA,AVAILABLE,250,available,Granted by admin: ${reason}${CHAIN},250\\n`));
    expect(await viewed.text()).toBe(csv);
  });

  it("a merchant member downloads their merchant's statement; another merchant's id is a 404", async () => {
    const { owner, merchant } = await world();
    const other = await createMerchant((await createUser({ role: "MERCHANT" })).id);
    const cookie = (await signedIn(owner.id)).cookie;
    const res = await call(merchantStatement, { params: { merchantId: merchant.id }, headers: { cookie } });
    expect(res.status).toBe(200);
    expect(filename(res)).toBe(`nerava-merchant-statement-${today}.csv`);
    expect((await res.text()).split("\n")[0]).toBe(HEADER);
    const theirs = await call(merchantStatement, { params: { merchantId: other.id }, headers: { cookie } });
    expect(theirs.status).toBe(404);
    expect(await theirs.text()).not.toContain(HEADER);
  });

  it("the admin download refuses an unknown owner type (422) and a missing owner (404)", async () => {
    const cookie = (await signedIn((await createUser({ role: "ADMIN" })).id)).cookie;
    const platform = await call(adminStatement, {
      params: { ownerType: "PLATFORM", ownerId: "platform" },
      headers: { cookie },
    });
    expect(platform.status).toBe(422);
    const missing = await call(adminStatement, {
      params: { ownerType: "DRIVER", ownerId: "nobody" },
      headers: { cookie },
    });
    expect(missing.status).toBe(404);
  });
});
