// Runs once when a server instance starts.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { refuseUnsafeConfig } = await import("./lib/config/startup-check");
    refuseUnsafeConfig();
  }
}
