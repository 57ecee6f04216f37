import { expect, test } from "@playwright/test";
import { E2E_FAKES } from "./fakes-config";
import { blockOutsideRequests, deviceOf, snap } from "./helpers";
import { signUpNewDriver } from "./journeys";

// The driver's pass page offers the wallet their device uses (an Android phone: Google first, the
// other one folded away; a computer: both), shows the card, and each button works: a signed
// .pkpass for Apple, a save link to Google's page for Google (intercepted: no internet here).

test.beforeEach(async ({ page }) => {
  await blockOutsideRequests(page);
  await page.route("https://pay.google.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<h1>Google Wallet (stand-in)</h1>" }),
  );
});

test("the pass page offers the device's wallet, a downloadable .pkpass and a Google save link", async ({
  page,
}, testInfo) => {
  const onPhone = deviceOf(testInfo) === "phone";
  const name = await signUpNewDriver(page, testInfo, "Card");
  await page.goto("/app/pass");
  const section = page.getByRole("region", { name: "Your card in your phone’s wallet" });
  await expect(section.getByRole("figure", { name: "Preview of your Nerava card" })).toContainText(name);
  const google = section.getByRole("button", { name: "Add to Google Wallet" });
  const apple = section.getByRole("link", { name: "Add to Apple Wallet" });
  await expect(google).toBeVisible();
  if (onPhone) {
    await expect(apple).toBeHidden(); // an Android phone: Apple's button waits behind "Use the other wallet"
    await section.getByText("Use the other wallet").click();
  }
  await expect(apple).toBeVisible();
  await expect(section.getByText("Not added yet.")).toHaveCount(2);
  await snap(page, testInfo, "wallet-pass-01-page");

  // Apple: the button downloads a signed pass
  await expect(apple).toHaveAttribute("href", "/api/wallet/apple/download");
  const pkpass = await page.request.get((await apple.getAttribute("href"))!);
  expect(pkpass.status()).toBe(200);
  expect(pkpass.headers()["content-type"]).toBe("application/vnd.apple.pkpass");
  expect((await pkpass.body()).subarray(0, 2).toString()).toBe("PK"); // a zip

  // Google: the button goes to Google's save page with a signed link naming this driver's object
  await google.click();
  await page.waitForURL(/^https:\/\/pay\.google\.com\/gp\/v\/save\/[\w-]+\.[\w-]+\.[\w-]+$/);
  const jwt = page.url().split("/").pop()!;
  const claims = JSON.parse(Buffer.from(jwt.split(".")[1], "base64url").toString()) as {
    aud: string;
    typ: string;
    payload: { loyaltyObjects: { id: string }[] };
  };
  expect(claims).toMatchObject({ aud: "google", typ: "savetowallet" });
  expect(claims.payload.loyaltyObjects[0].id).toMatch(new RegExp(`^${E2E_FAKES.googleWalletIssuerId}\\.`));

  // back in the app, Google Wallet shows as added
  await page.goto("/app/pass");
  if (onPhone) await expect(section.getByText("Use the other wallet")).toBeVisible();
  await expect(section.getByText("Your card is in Google Wallet; its balance follows yours.")).toBeVisible();
  await snap(page, testInfo, "wallet-pass-02-google-added");
});
