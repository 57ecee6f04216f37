// Shared steps for the Square sandbox tests: a seller connected through the real SDK, failures caught.
import { SquareError, type SquareClient } from "square";
import type { FakeSquare } from "../fakes/square";

export const caught = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a rejection");
    },
    (err: unknown) => {
      if (!(err instanceof SquareError)) throw err;
      return err;
    },
  );

/** A seller that clicked Allow, its code exchanged as the app does: the tokens and an SDK client for them. */
export async function connectSeller(fake: FakeSquare, merchantId?: string) {
  const { code } = fake.control.authorize(merchantId);
  const tokens = await fake.client().oAuth.obtainToken({
    clientId: fake.applicationId,
    clientSecret: fake.applicationSecret,
    code,
    grantType: "authorization_code",
  });
  const seller: SquareClient = fake.client(tokens.accessToken);
  return {
    tokens,
    seller,
    merchantId: tokens.merchantId!,
    locationId: fake.control.locations(tokens.merchantId!)[0].id,
  };
}
