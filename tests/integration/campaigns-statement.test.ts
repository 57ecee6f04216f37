import { describe, expect, it } from "vitest";
import { GET as walletStatement } from "@/app/api/wallet/statement/route";
import { listStatement } from "@/lib/ledger";
import { walletActivity } from "@/components/driver/wallet-activity";
import { asDriver, signedIn } from "../support/factories";
import { keepLedgerSound } from "../support/purchases";
import { call } from "../support/request";
import { charger, drivers, liveCampaign, payVerified, verifiedSession } from "../support/campaigns";

// "Every bonus is explained in the statement": the campaign's name and what it gave, on the
// wallet's line and in the CSV download, for each currency it paid.
keepLedgerSound();

describe("a campaign bonus in the driver's statement", () => {
  it("names the campaign and its effects in the wallet and in the CSV, once per currency", async () => {
    const c = await charger();
    await liveCampaign(c.id, {
      name: "Night owl bonus",
      effects: [
        { kind: "multiplier", factor: 2 },
        { kind: "cash_bonus", cents: 50 },
      ],
      conditions: { hours: { start: "01:00", end: "05:00" }, timeZone: "America/Chicago" },
    });
    const [driver] = await drivers(1);
    await payVerified(await verifiedSession(driver, c.id, new Date("2026-11-28T08:30:00Z"))); // 02:30 in Chicago
    const label = "Night owl bonus, 2× Nova + $0.50 cash";

    const wallet = walletActivity(await listStatement(asDriver(driver), { ownerType: "DRIVER", ownerId: driver }));
    expect(
      wallet.filter((a) => a.type === "CAMPAIGN_REWARD").map((a) => [a.reason, a.currency, a.net, a.state]),
    ).toEqual(
      expect.arrayContaining([
        [label, "NOVA", 200, "available"],
        [label, "USD", 50, "available"],
      ]),
    );
    expect(wallet.filter((a) => a.type === "CAMPAIGN_REWARD")).toHaveLength(2);

    const res = await call(walletStatement, { headers: { cookie: (await signedIn(driver)).cookie } });
    expect(res.status).toBe(200);
    const rows = (await res.text()).split("\n").filter((r) => r.includes(",CAMPAIGN_REWARD,"));
    // the chain columns (entry, account_id, seq, prev_hash, hash) follow the reason, then amount_minor;
    // amount is in the currency's unit ($0.50), amount_minor in what the ledger stores (50 cents)
    const fields = (r: string) => r.split(",CAMPAIGN_REWARD,")[1].split(",");
    const upToReason = (r: string) => fields(r).slice(0, -6).join(",");
    expect(rows.map(upToReason).sort()).toEqual([
      `NOVA,AVAILABLE,200,available,"${label}"`,
      `USD,AVAILABLE,0.50,available,"${label}"`,
    ]);
    expect(rows.map((r) => fields(r).at(-1)).sort()).toEqual(["200", "50"]);
  });
});
