// Runs once when a server instance starts.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installPeerAddressStamp } = await import("./lib/auth/peer-address");
    installPeerAddressStamp();
    const { refuseUnsafeConfig } = await import("./lib/config/startup-check");
    refuseUnsafeConfig();
    // the pass certificate's expiry is warned about at each start too, not only by the daily job
    const { logWalletCertificateStatus } = await import("./lib/wallet/certificate");
    logWalletCertificateStatus();
    const { config } = await import("./lib/config");
    if (config().JOBS_ENABLED) {
      const { startWorkers } = await import("./lib/jobs");
      // a queue outage must not keep the app from serving; the error is logged
      startWorkers().catch((err) => console.error("job workers failed to start", err));
    }
  }
}
