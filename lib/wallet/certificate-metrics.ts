import "server-only";
import { Gauge, type Registry } from "prom-client";
import { config } from "@/lib/config";
import { metrics } from "@/lib/observability";
import { walletCertificateStatus, type WalletCertificateStatus } from "./certificate";

type Source = { status: () => WalletCertificateStatus; passTypeId: () => string };

const globalForWallet = globalThis as unknown as { nervaWalletCertificateRegistries?: WeakSet<Registry> };

/**
 * The pass certificate's expiry as gauges, read at each scrape. No series while no certificate is
 * configured, so an alert on days_left never fires on an instance without Apple Wallet.
 * Idempotent per registry: call it before the registry is read.
 */
export function registerWalletCertificateMetrics(
  registry: Registry = metrics().registry,
  source: Source = {
    status: () => walletCertificateStatus(),
    passTypeId: () => config().APPLE_PASS_TYPE_ID ?? "",
  },
): void {
  const done = (globalForWallet.nervaWalletCertificateRegistries ??= new WeakSet());
  if (done.has(registry)) return;
  done.add(registry);
  const gauge = (name: string, help: string, value: (notAfter: Date, daysLeft: number) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ["pass_type_id"],
      registers: [registry],
      collect() {
        this.reset();
        const { notAfter, daysLeft } = source.status();
        if (notAfter && daysLeft !== undefined)
          this.set({ pass_type_id: source.passTypeId() }, value(notAfter, daysLeft));
      },
    });
  gauge(
    "nerava_wallet_certificate_expiry_timestamp_seconds",
    "When the Apple pass certificate (it signs passes and authenticates pushes) expires, in Unix seconds",
    (notAfter) => Math.floor(notAfter.getTime() / 1000),
  );
  gauge(
    "nerava_wallet_certificate_days_left",
    "Whole days until the Apple pass certificate expires (negative once expired)",
    (_, daysLeft) => daysLeft,
  );
}
