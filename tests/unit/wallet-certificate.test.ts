import { Registry } from "prom-client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseConfig } from "@/lib/config";
import { logger } from "@/lib/observability";
import { apnsSettings } from "@/lib/wallet/apns/settings";
import { logWalletCertificateStatus, walletCertificateStatus } from "@/lib/wallet/certificate";
import { registerWalletCertificateMetrics } from "@/lib/wallet/certificate-metrics";
import { pemFromEnv } from "@/lib/wallet/pem";
import { makeWalletCerts } from "../support/wallet-certs";

// The pass certificate signs passes and authenticates pushes: its expiry is a metric, a warning
// from 30 days ahead and an error once it has passed.

const DAY = 86_400_000;
const soon = makeWalletCerts({ days: 10 });
const later = makeWalletCerts({ days: 90 });
const at = (days: number) => new Date(Date.now() + days * DAY);

afterEach(() => vi.restoreAllMocks());

describe("walletCertificateStatus", () => {
  it("is unconfigured without APPLE_PASS_CERT", () => {
    expect(walletCertificateStatus({ APPLE_PASS_CERT: undefined })).toEqual({ configured: false });
  });

  it("90 days ahead: the date and the days left, no warning", () => {
    const status = walletCertificateStatus({ APPLE_PASS_CERT: later.signerCert });
    expect(status.configured).toBe(true);
    expect(status.warning).toBeUndefined();
    expect([89, 90]).toContain(status.daysLeft);
    expect(Math.abs(status.notAfter!.getTime() - at(90).getTime())).toBeLessThan(120_000);
  });

  it("10 days ahead: a warning naming the day; read from a one-line env value too", () => {
    const oneLine = soon.signerCert.replace(/\n/g, "\\n");
    const status = walletCertificateStatus({ APPLE_PASS_CERT: oneLine });
    expect([9, 10]).toContain(status.daysLeft);
    expect(status.warning).toContain(status.notAfter!.toISOString().slice(0, 10));
    expect(status.warning).toMatch(/expires on .*\(\d+ days left\)/);
  });

  it("past notAfter: expired, with negative days left", () => {
    const status = walletCertificateStatus({ APPLE_PASS_CERT: soon.signerCert }, at(12));
    expect(status.daysLeft).toBeLessThan(0);
    expect(status.warning).toMatch(/expired on/);
  });

  it("an unreadable certificate is configured but warned about", () => {
    expect(walletCertificateStatus({ APPLE_PASS_CERT: "not a certificate" })).toEqual({
      configured: true,
      warning: expect.stringMatching(/cannot be read/),
    });
  });
});

describe("logWalletCertificateStatus", () => {
  it("warns within 30 days, errors once expired, stays quiet otherwise", () => {
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => undefined);
    const error = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    logWalletCertificateStatus(walletCertificateStatus({ APPLE_PASS_CERT: later.signerCert }));
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();

    logWalletCertificateStatus(walletCertificateStatus({ APPLE_PASS_CERT: soon.signerCert }));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(error).not.toHaveBeenCalled();

    const expired = walletCertificateStatus({ APPLE_PASS_CERT: soon.signerCert }, at(12));
    logWalletCertificateStatus(expired, at(12));
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0][1]).toMatch(/expired/);
  });
});

describe("certificate expiry metrics", () => {
  const sample = (text: string, name: string) =>
    text.split("\n").find((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `));

  it("exports the expiry timestamp and the days left, labelled with the pass type", async () => {
    const registry = new Registry();
    const status = walletCertificateStatus({ APPLE_PASS_CERT: soon.signerCert });
    const source = { status: () => status, passTypeId: () => soon.passTypeIdentifier };
    registerWalletCertificateMetrics(registry, source);
    registerWalletCertificateMetrics(registry, source); // idempotent
    const text = await registry.metrics();
    const label = `{pass_type_id="${soon.passTypeIdentifier}"}`;
    expect(sample(text, "nerava_wallet_certificate_expiry_timestamp_seconds")).toBe(
      `nerava_wallet_certificate_expiry_timestamp_seconds${label} ${Math.floor(status.notAfter!.getTime() / 1000)}`,
    );
    expect(sample(text, "nerava_wallet_certificate_days_left")).toBe(
      `nerava_wallet_certificate_days_left${label} ${status.daysLeft}`,
    );
  });

  it("has no samples without a certificate (no false alarm at 0 days)", async () => {
    const registry = new Registry();
    registerWalletCertificateMetrics(registry, { status: () => ({ configured: false }), passTypeId: () => "" });
    const text = await registry.metrics();
    expect(sample(text, "nerava_wallet_certificate_days_left")).toBeUndefined();
    expect(sample(text, "nerava_wallet_certificate_expiry_timestamp_seconds")).toBeUndefined();
  });
});

describe("APNs settings", () => {
  const base = { NODE_ENV: "test", NEXTAUTH_URL: "http://localhost:3000" };

  it("need the pass type id, certificate and key; PEM escapes become line breaks", () => {
    expect(apnsSettings(parseConfig({ ...base, APPLE_PASS_TYPE_ID: soon.passTypeIdentifier }))).toBeNull();
    const settings = apnsSettings(
      parseConfig({
        ...base,
        APPLE_PASS_TYPE_ID: soon.passTypeIdentifier,
        APPLE_PASS_CERT: soon.signerCert.replace(/\n/g, "\\n"),
        APPLE_PASS_KEY: soon.signerKey,
      }),
    );
    expect(settings).toMatchObject({
      url: "https://api.push.apple.com",
      topic: soon.passTypeIdentifier,
      cert: soon.signerCert,
      key: soon.signerKey,
    });
    expect(settings?.ca).toBeUndefined();
  });

  it("pemFromEnv leaves real line breaks alone and treats blank as unset", () => {
    expect(pemFromEnv(soon.caCert)).toBe(soon.caCert);
    expect(pemFromEnv("a\\r\\nb\\nc")).toBe("a\nb\nc\n");
    expect(pemFromEnv("  ")).toBeUndefined();
    expect(pemFromEnv(undefined)).toBeUndefined();
  });
});
