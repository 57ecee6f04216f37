import { DEMO_ACCOUNTS, DEMO_LAPSED_DRIVER, DEMO_PASSWORD } from "../lib/demo/accounts";

export function printDemoAccounts(): void {
  console.log("\nDemo accounts (password for all: %s)", DEMO_PASSWORD);
  for (const a of DEMO_ACCOUNTS) console.log("  %s  %s  → %s", a.role.padEnd(9), a.email.padEnd(22), a.surface);
  console.log(
    "  %s  %s  → %s",
    "driver".padEnd(9),
    DEMO_LAPSED_DRIVER.email.padEnd(22),
    "/app/wallet (Nova expiring soon)",
  );
  console.log("");
}
