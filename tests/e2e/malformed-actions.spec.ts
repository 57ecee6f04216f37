import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";

// Issue 9.12: hand-made server-action envelopes gave 500 (Next's decoder threw) or the generic
// error (the action got something other than a form). Each is a 400 now (proxy.ts), and a
// well-formed one still reaches the action.
const manifest = JSON.parse(readFileSync(path.resolve(".next/server/server-reference-manifest.json"), "utf8")) as {
  node: Record<string, { exportedName?: string }>;
};
const SIGN_IN = Object.entries(manifest.node).find(([, a]) => a.exportedName === "signInAction")?.[0] ?? "";

type Envelope = { data?: string; multipart?: Record<string, string>; headers?: Record<string, string> };

function send(request: APIRequestContext, baseURL: string, actionId: string, { headers, ...body }: Envelope) {
  return request.post("/signin", {
    headers: { "next-action": actionId, origin: baseURL, accept: "text/x-component", ...headers },
    ...body,
  });
}

const MALFORMED: [string, Envelope][] = [
  ["text 0={", { data: "0={", headers: { "content-type": "text/plain;charset=UTF-8" } }],
  ["text []", { data: "[]", headers: { "content-type": "text/plain;charset=UTF-8" } }],
  ['text [null,"str"]', { data: '[null,"str"]', headers: { "content-type": "text/plain;charset=UTF-8" } }],
  ["text null", { data: "null", headers: { "content-type": "text/plain;charset=UTF-8" } }],
  ["form-encoded 0={", { data: "0={", headers: { "content-type": "application/x-www-form-urlencoded" } }],
  ["form-encoded []", { data: "[]", headers: { "content-type": "application/x-www-form-urlencoded" } }],
  ["multipart 0={", { multipart: { "0": "{" } }],
  ["multipart 0=[]", { multipart: { "0": "[]" } }],
  ['multipart 0=[null,"str"]', { multipart: { "0": '[null,"str"]' } }],
  ["multipart without 0", { multipart: { x: "1" } }],
  ["multipart state referring to a missing part", { multipart: { "0": '["$Q5","$K1"]' } }],
];

/** The form a browser without JavaScript posts (no Next-Action header), with its bound state. */
const noJs = (bound: string) => ({
  $ACTION_REF_1: "",
  "$ACTION_1:0": JSON.stringify({ id: SIGN_IN, bound: "$@1" }),
  "$ACTION_1:1": bound,
  $ACTION_KEY: "k1",
  email: "",
  password: "",
});

test.describe("malformed server-action envelopes", () => {
  test("the action id is the real sign-in action", () => expect(SIGN_IN).toMatch(/^[0-9a-f]{42}$/));

  for (const [name, body] of MALFORMED) {
    test(`${name} → 400`, async ({ request, baseURL }) => {
      const res = await send(request, baseURL!, SIGN_IN, body);
      expect(res.status()).toBe(400);
      expect((await res.json()).error.code).toBe("malformed_request");
    });
  }

  test("a bogus action id → 400", async ({ request, baseURL }) => {
    for (const id of ["bogus", "", `${SIGN_IN}00`]) {
      const res = await send(request, baseURL!, id, { multipart: { "0": '[null,"$K1"]' } });
      expect(res.status(), id).toBe(400);
    }
  });

  test("a well-formed envelope still reaches the action (and its own validation)", async ({ request, baseURL }) => {
    const res = await send(request, baseURL!, SIGN_IN, {
      multipart: { "0": '[null,"$K1"]', "1_email": "", "1_password": "" },
    });
    expect(res.status()).toBe(200);
    const flight = await res.text();
    expect(flight).toContain('"code":"invalid_input"');
    expect(flight).not.toContain('"code":"internal"');
  });

  test("a form posted without JavaScript: malformed → 400, well-formed → the page with the action's answer", async ({
    request,
    baseURL,
  }) => {
    for (const bound of ["{", '["$Q2"]', '[null,"str"]']) {
      const res = await request.post("/signin", { headers: { origin: baseURL! }, multipart: noJs(bound) });
      expect(res.status(), bound).toBe(400);
    }
    const ok = await request.post("/signin", { headers: { origin: baseURL! }, multipart: noJs("[null]") });
    expect(ok.status()).toBe(200);
    expect(await ok.text()).toContain("Please correct the highlighted fields.");
  });

  test("a well-formed id that this build does not know keeps Next's 409 (a page from another deployment)", async ({
    request,
    baseURL,
  }) => {
    const res = await send(request, baseURL!, `7f${"0".repeat(40)}`, { multipart: { "0": '[null,"$K1"]' } });
    expect(res.status()).toBe(409);
  });
});
