/**
 * Query keys for the driver's live data: the server pages hydrate them with what they read,
 * the hooks poll them, and the actions that change them invalidate them.
 */
export const driverQueryKeys = {
  charging: ["driver", "charging"] as const,
  code: (codeId: string) => ["driver", "code", codeId] as const,
  balances: ["driver", "balances"] as const,
};
