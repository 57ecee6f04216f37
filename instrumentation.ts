// Runs once when a server instance starts.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { refuseUnsafeConfig } = await import("./lib/config/startup-check");
    refuseUnsafeConfig();
    const { config } = await import("./lib/config");
    const { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_SERVICE_NAME: serviceName, GIT_SHA } = config();
    // tracing before the rest, so the modules loaded after it (provider SDKs, Prisma) are instrumented
    if (endpoint) {
      const { startTracing } = await import("./lib/observability/otel");
      const tracing = startTracing({ endpoint, serviceName, version: GIT_SHA ?? process.env.NEXT_PUBLIC_GIT_SHA });
      process.once("SIGTERM", () => void tracing.shutdown());
    }
    const { installPeerAddressStamp } = await import("./lib/auth/peer-address");
    installPeerAddressStamp();
    // the pass certificate's expiry is warned about at each start too, not only by the daily job
    const { logWalletCertificateStatus } = await import("./lib/wallet/certificate");
    logWalletCertificateStatus();
    if (config().JOBS_ENABLED) {
      const { startWorkers } = await import("./lib/jobs");
      // a queue outage must not keep the app from serving; the error is logged
      startWorkers().catch((err) => console.error("job workers failed to start", err));
    }
  }
}
