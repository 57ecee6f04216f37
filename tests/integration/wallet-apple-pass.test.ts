import { createHash, createPrivateKey } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { GET as download } from "@/app/api/wallet/apple/download/route";
import { parseConfig } from "@/lib/config";
import { stopWorkers } from "@/lib/jobs";
import { redeemOffer } from "@/lib/merchants";
import { grantNova } from "@/lib/rewards";
import { applePassAvailability, downloadApplePass, passAuthToken } from "@/lib/wallet";
import { asAdmin, asDriver, createMerchant, createUser, fakeMeta, signedIn, testDb, uid } from "../support/factories";
import { call } from "../support/request";
import { stubAppleEnv } from "../support/wallet-env";
import { makeWalletCerts } from "../support/wallet-certs";
import { manifestMismatches, passJsonOf, signatureVerifies, unzipPass } from "../support/wallet-pass";

// The Apple Wallet pass, signed with a throwaway CA → WWDR → Pass Type ID chain made by openssl.
const certs = makeWalletCerts();
stubAppleEnv(certs);

afterAll(async () => {
  vi.unstubAllEnvs();
  await stopWorkers();
  await testDb.$disconnect();
});

const key = () => `k-${uid()}-${uid()}-${uid()}`;
const M_PER_DEG_LAT = 111_320;

/** A charger somewhere of its own (no other test's merchants nearby). */
async function charger(latitude = 35 + Math.random() * 5, longitude = -90 - Math.random() * 5) {
  return testDb.charger.create({
    data: { externalId: `c-${uid()}`, name: `Charger ${uid()}`, address: "1 Plug St", latitude, longitude },
  });
}

async function merchantAt(at: { latitude: number; longitude: number }, northMeters: number, status = "ACTIVE") {
  const m = await createMerchant();
  return testDb.merchant.update({
    where: { id: m.id },
    data: { latitude: at.latitude + northMeters / M_PER_DEG_LAT, longitude: at.longitude, status: status as "ACTIVE" },
  });
}

async function sessionsAt(driverId: string, chargerId: string, n: number) {
  for (let i = 0; i < n; i++)
    await testDb.chargingSession.create({
      data: {
        driverId,
        chargerId,
        status: "VERIFIED",
        startedAt: new Date(Date.now() - 3600_000),
        endedAt: new Date(),
      },
    });
}

describe("the pass file", () => {
  it("is signed by the configured chain, lists every file in its manifest and shows the driver's balances", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const driver = await createUser();
    const offer = await testDb.offer.findFirstOrThrow({ where: { merchantId: (await createMerchant()).id } });
    await grantNova(
      asAdmin(admin.id),
      { driverId: driver.id, amount: 1500, reason: "test", idempotencyKey: key() },
      fakeMeta(),
    );
    await redeemOffer(asDriver(driver.id), { offerId: offer.id, idempotencyKey: key() }, fakeMeta());

    const { buffer, lastModified } = await downloadApplePass(asDriver(driver.id));
    const files = unzipPass(buffer);
    expect(Object.keys(files).sort()).toEqual(
      expect.arrayContaining([
        "icon.png",
        "icon@2x.png",
        "logo.png",
        "logo@2x.png",
        "manifest.json",
        "pass.json",
        "signature",
      ]),
    );
    expect(manifestMismatches(files)).toEqual([]);
    expect(signatureVerifies(files, certs.caCert)).toBe(true);
    // a manifest changed after signing does not verify
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(files["manifest.json"]).toString()), x: "1" }),
    );
    expect(signatureVerifies(files, certs.caCert, forged)).toBe(false);
    // and another chain's root does not vouch for it
    expect(signatureVerifies(files, makeWalletCerts().caCert)).toBe(false);

    const pass = passJsonOf(files);
    const row = await testDb.walletPass.findUniqueOrThrow({
      where: { userId: driver.id },
      select: { serialNumber: true, authTokenHash: true, appleIssuedAt: true, updatedAt: true },
    });
    expect(pass).toMatchObject({
      formatVersion: 1,
      passTypeIdentifier: certs.passTypeIdentifier,
      teamIdentifier: certs.teamIdentifier,
      serialNumber: row.serialNumber,
      authenticationToken: passAuthToken(row.serialNumber),
      webServiceURL: "https://wallet.nerava.test/api/wallet/apple",
      organizationName: "Nerava",
      barcodes: [{ message: `NERAVA-PASS:${row.serialNumber}`, format: "PKBarcodeFormatQR" }],
    });
    expect(pass.authenticationToken.length).toBeGreaterThanOrEqual(16);
    const fields = [
      ...pass.storeCard.primaryFields,
      ...pass.storeCard.secondaryFields,
      ...pass.storeCard.auxiliaryFields,
    ];
    const value = (k: string) => fields.find((f: { key: string }) => f.key === k);
    expect(value("nova")).toMatchObject({ value: "1,400", changeMessage: "Balance now %@" });
    expect(value("held")).toMatchObject({ value: "100" });
    expect(value("cash")).toMatchObject({ value: "$0.00", changeMessage: expect.stringContaining("%@") });
    expect(value("holder")).toMatchObject({ value: driver.name });
    // no sessions, no lock-screen locations
    expect(pass.locations).toBeUndefined();

    // only the token's hash is stored, and the first issue is recorded
    expect(row.authTokenHash).toBe(createHash("sha256").update(pass.authenticationToken).digest("hex"));
    expect(row.appleIssuedAt).not.toBeNull();
    expect(lastModified.getTime()).toBe(row.updatedAt.getTime());

    // a second download hands out the same token and keeps the first issue time
    const again = passJsonOf(unzipPass((await downloadApplePass(asDriver(driver.id))).buffer));
    expect(again.authenticationToken).toBe(pass.authenticationToken);
    const after = await testDb.walletPass.findUniqueOrThrow({
      where: { userId: driver.id },
      select: { appleIssuedAt: true },
    });
    expect(after.appleIssuedAt).toEqual(row.appleIssuedAt);
  });

  it("gives each driver a token of their own serial", async () => {
    const [a, b] = [await createUser(), await createUser()];
    const pa = passJsonOf(unzipPass((await downloadApplePass(asDriver(a.id))).buffer));
    const pb = passJsonOf(unzipPass((await downloadApplePass(asDriver(b.id))).buffer));
    expect(pa.serialNumber).not.toBe(pb.serialNumber);
    expect(pa.authenticationToken).not.toBe(pb.authenticationToken);
  });
});

describe("lock-screen locations", () => {
  it("lists at most 10 active partners within walking distance of the charger the driver used most, nearest first", async () => {
    const driver = await createUser();
    const usual = await charger();
    const once = await charger();
    await sessionsAt(driver.id, usual.id, 3);
    await sessionsAt(driver.id, once.id, 1);
    const near = [];
    for (let i = 1; i <= 12; i++) near.push(await merchantAt(usual, i * 30));
    const pending = await merchantAt(usual, 5, "PENDING");
    const far = await merchantAt(usual, 900);
    const byTheOther = await merchantAt(once, 10);
    // a partner whose own address is far but whose Square location stands by the charger
    const squareOnly = await merchantAt(usual, 5000);
    await testDb.merchantLocation.create({
      data: {
        merchantId: squareOnly.id,
        squareLocationId: `sq-${uid()}`,
        name: "Kiosk",
        latitude: usual.latitude + 1 / M_PER_DEG_LAT,
        longitude: usual.longitude,
      },
    });

    const pass = passJsonOf(unzipPass((await downloadApplePass(asDriver(driver.id))).buffer));
    expect(pass.locations).toHaveLength(10);
    const texts: string[] = pass.locations.map((l: { relevantText: string }) => l.relevantText);
    expect(texts[0]).toBe(`${squareOnly.name} is near your charger`);
    expect(texts.slice(1)).toEqual(near.slice(0, 9).map((m) => `${m.name} is near your charger`));
    for (const excluded of [pending, far, byTheOther]) expect(texts.join()).not.toContain(excluded.name);
    expect(pass.locations[1]).toMatchObject({ latitude: near[0].latitude, longitude: near[0].longitude });
  });
});

describe("the download route", () => {
  it("answers the signed-in driver with the pkpass, and refuses the signed-out", async () => {
    const driver = await createUser();
    const res = await call(download, { headers: { cookie: (await signedIn(driver.id)).cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.apple.pkpass");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="nerava.pkpass"');
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(passJsonOf(unzipPass(await res.arrayBuffer())).passTypeIdentifier).toBe(certs.passTypeIdentifier);

    expect((await call(download)).status).toBe(401);
  });
});

describe("availability", () => {
  const base = {
    NODE_ENV: "test",
    APPLE_PASS_TYPE_ID: certs.passTypeIdentifier,
    APPLE_TEAM_ID: certs.teamIdentifier,
    APPLE_WWDR_CERT: certs.wwdrCert,
    APPLE_PASS_CERT: certs.signerCert,
    APPLE_PASS_KEY: certs.signerKey,
  };
  const reasonFor = (env: Record<string, string | undefined>, now?: Date) => {
    const result = applePassAvailability(parseConfig(env), now);
    return result.available ? "available" : result.reason;
  };

  it("is available with the whole chain, PEM given with \\n escapes or an encrypted key and its passphrase", () => {
    expect(reasonFor(base)).toBe("available");
    expect(reasonFor({ ...base, APPLE_PASS_CERT: certs.signerCert.replace(/\n/g, "\\n") })).toBe("available");
    const encrypted = createPrivateKey(certs.signerKey)
      .export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: "open sesame" })
      .toString();
    expect(reasonFor({ ...base, APPLE_PASS_KEY: encrypted, APPLE_PASS_KEY_PASSPHRASE: "open sesame" })).toBe(
      "available",
    );
    expect(reasonFor({ ...base, APPLE_PASS_KEY: encrypted, APPLE_PASS_KEY_PASSPHRASE: "wrong" })).toMatch(
      /APPLE_PASS_KEY cannot be read.*APPLE_PASS_KEY_PASSPHRASE/,
    );
  });

  it("names every missing setting", () => {
    expect(reasonFor({ NODE_ENV: "test" })).toBe(
      "Apple Wallet passes are not set up on this server: APPLE_PASS_TYPE_ID (the Pass Type ID), APPLE_TEAM_ID (the team id), " +
        "APPLE_WWDR_CERT (Apple's WWDR certificate), APPLE_PASS_CERT (the Pass Type ID certificate), APPLE_PASS_KEY (its private key) are not set.",
    );
    expect(reasonFor({ ...base, APPLE_PASS_KEY: undefined })).toBe(
      "Apple Wallet passes are not set up on this server: APPLE_PASS_KEY (its private key) is not set.",
    );
  });

  it("says which certificate or key is unreadable or does not fit", () => {
    const other = makeWalletCerts({ passTypeIdentifier: "pass.test.other.card", teamIdentifier: "OTHERTEAM1" });
    expect(reasonFor({ ...base, APPLE_WWDR_CERT: "not a certificate" })).toBe(
      "APPLE_WWDR_CERT is not a readable PEM certificate.",
    );
    expect(reasonFor({ ...base, APPLE_PASS_CERT: certs.signerCert.slice(0, 200) })).toBe(
      "APPLE_PASS_CERT is not a readable PEM certificate.",
    );
    expect(
      reasonFor({ ...base, APPLE_PASS_KEY: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----" }),
    ).toMatch(/^APPLE_PASS_KEY cannot be read/);
    expect(reasonFor({ ...base, APPLE_PASS_KEY: other.signerKey })).toBe(
      "APPLE_PASS_KEY does not belong to APPLE_PASS_CERT.",
    );
    expect(reasonFor({ ...base, APPLE_WWDR_CERT: other.wwdrCert })).toMatch(
      /^APPLE_PASS_CERT was not issued by APPLE_WWDR_CERT/,
    );
    expect(reasonFor({ ...base, APPLE_PASS_TYPE_ID: "pass.test.someone.else" })).toBe(
      "APPLE_PASS_CERT is not the certificate of pass.test.someone.else (APPLE_PASS_TYPE_ID).",
    );
    expect(reasonFor({ ...base, APPLE_TEAM_ID: "ABCDE12345" })).toBe(
      "APPLE_PASS_CERT does not belong to team ABCDE12345 (APPLE_TEAM_ID).",
    );
  });

  it("refuses a certificate past its last day (the test chain lasts 30 days)", () => {
    const in31Days = new Date(Date.now() + 31 * 86_400_000);
    const lastDay = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    expect(reasonFor(base, in31Days)).toBe(`APPLE_PASS_CERT expired on ${lastDay}.`);
  });
});
