import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { malformedActionEnvelope } from "@/lib/http/action-envelope";

const ID = "7f" + "ab".repeat(20);

function post(body: BodyInit | null, headers: Record<string, string> = { "next-action": ID }) {
  return new Request("http://localhost:3000/signin", { method: "POST", headers, body });
}
function form(fields: Record<string, string | Blob>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}
const text = { "next-action": ID, "content-type": "text/plain;charset=UTF-8" };
/** What the server renders into a useActionState form for a browser without JavaScript. */
const noJs = (meta: string, bound: string, extra: Record<string, string> = {}) =>
  post(
    form({ $ACTION_REF_1: "", "$ACTION_1:0": meta, "$ACTION_1:1": bound, $ACTION_KEY: "k1", email: "a@b", ...extra }),
    {},
  );

describe("the proxy's server-action envelope check", () => {
  it("lets through what useActionState sends, with the body still readable after", async () => {
    const req = post(form({ "0": '[null,"$K1"]', "1_email": "a@b.example" }));
    expect(await malformedActionEnvelope(req)).toBeNull();
    expect((await req.formData()).get("1_email")).toBe("a@b.example");
    // a previous state: plain JSON with React's inline dates, bigints, undefined and escaped "$"
    const state = {
      ok: false,
      error: { code: "x", message: "$$5 off" },
      at: "$D2026-01-01",
      n: "$n42",
      u: "$undefined",
    };
    expect(await malformedActionEnvelope(post(form({ "0": JSON.stringify([state, "$K1f"]) })))).toBeNull();
  });

  it("lets through the form a browser without JavaScript posts", async () => {
    expect(await malformedActionEnvelope(noJs(`{"id":"${ID}","bound":"$@1"}`, "[null]"))).toBeNull();
  });

  it("ignores requests that are not action calls", async () => {
    expect(await malformedActionEnvelope(new Request("http://l/signin", { method: "POST", body: "x" }))).toBeNull();
    expect(await malformedActionEnvelope(post(form({ email: "a@b" }), {}))).toBeNull();
    expect(
      await malformedActionEnvelope(new Request("http://l/signin", { headers: { "next-action": "bogus" } })),
    ).toBeNull();
  });

  it("refuses every malformed shape", async () => {
    const cases: [string, Request][] = [
      ["bogus id", post("[]", { "next-action": "bogus" })],
      ["empty id", post("[]", { "next-action": "" })],
      ["text 0={", post("0={", text)],
      ["text []", post("[]", text)],
      ["text [null,str]", post('[null,"str"]', text)],
      ["form-encoded", post("0={", { "next-action": ID, "content-type": "application/x-www-form-urlencoded" })],
      ["multipart 0={", post(form({ "0": "{" }))],
      ["multipart []", post(form({ "0": "[]" }))],
      ["multipart [null,str]", post(form({ "0": '[null,"str"]' }))],
      ["multipart 3 args", post(form({ "0": '[null,"$K1","$K2"]' }))],
      ["multipart no 0", post(form({ x: "1" }))],
      ["multipart 0 is a file", post(form({ "0": new Blob(["[]"]) }))],
      ["state refers to a missing part", post(form({ "0": '["$Q5","$K1"]' }))],
      ["state refers to a blob", post(form({ "0": '[{"a":["$B1"]},"$K1"]' }))],
      ["state holds a bad bigint", post(form({ "0": '["$nabc","$K1"]' }))],
      ["state nested too deep", post(form({ "0": `[${"[".repeat(50)}${"]".repeat(50)},"$K1"]` }))],
      [
        "broken multipart",
        post("--x\r\nnope", { "next-action": ID, "content-type": "multipart/form-data; boundary=zz" }),
      ],
      ["no-JS form: bad bound JSON", noJs(`{"id":"${ID}","bound":"$@1"}`, "{")],
      ["no-JS form: bound refers elsewhere", noJs(`{"id":"${ID}","bound":"$@1"}`, '["$Q2"]')],
      ["no-JS form: two bound args", noJs(`{"id":"${ID}","bound":"$@1"}`, '[null,"x"]')],
      ["no-JS form: bad id", noJs('{"id":"bogus","bound":"$@1"}', "[null]")],
      ["no-JS form: missing part", noJs(`{"id":"${ID}","bound":"$@7"}`, "[null]")],
      ["no-JS form: plain action id", post(form({ [`$ACTION_ID_${ID}`]: "", email: "a@b" }), {})],
      ["broken multipart, no header", post("--x\r\nnope", { "content-type": "multipart/form-data; boundary=zz" })],
    ];
    for (const [name, req] of cases) expect(await malformedActionEnvelope(req), name).not.toBeNull();
  });
});

describe("action() given something other than a form", () => {
  it("answers malformed_request without running the action", async () => {
    vi.doMock("next/headers", () => ({
      headers: async () => new Headers(),
      cookies: async () => ({ get: () => undefined }),
    }));
    const { action } = await import("@/lib/actions/action");
    const run = vi.fn(async () => "ran");
    const act = action({ permission: "public", input: z.object({ email: z.string() }), run });
    for (const arg of [undefined, null, "str", 5, {}]) {
      expect(await act(null, arg as unknown as FormData)).toEqual({
        ok: false,
        error: { code: "malformed_request", message: "This is not a request our pages send." },
      });
    }
    expect(run).not.toHaveBeenCalled();
    // importing the whole action chain takes ~3 s alone and over 5 s beside a build on a busy 2-core box
  }, 20_000);
});
