import { describe, expect, it } from "vitest";
import { sandboxVehicle, setSandboxCharging, vehicleProvider } from "@/lib/integrations/smartcar";

// Only the keyless branch can be checked here: config() parses the environment once per file.
describe.skipIf(Boolean(process.env.SMARTCAR_CLIENT_ID && process.env.SMARTCAR_CLIENT_SECRET))(
  "vehicleProvider() without Smartcar keys",
  () => {
    it("is the sandbox car, connecting through the in-app page", () => {
      const provider = vehicleProvider();
      expect(provider.kind).toBe("SANDBOX");
      expect(provider).toBe(sandboxVehicle());
      expect(provider.authorizeUrl("s1")).toMatch(/^https?:\/\/[^/]+\/app\/car\/sandbox-connect\?state=s1$/);
    });

    it("lets setSandboxCharging drive the car the provider reads", async () => {
      const provider = vehicleProvider();
      const { accessToken } = await provider.exchangeCode("sandbox-provider-test");
      const [car] = await provider.listVehicles(accessToken);
      await setSandboxCharging(car.id, { charging: true, latitude: 30.4, longitude: -97.7 });
      expect(await provider.readTelemetry(accessToken, car.id)).toMatchObject({
        chargeState: "CHARGING",
        latitude: 30.4,
        longitude: -97.7,
      });
    });
  },
);
