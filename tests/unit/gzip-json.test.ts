import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { acceptsGzip, gzippedJson } from "@/lib/http/gzip-json";

const big = { items: Array.from({ length: 200 }, (_, i) => ({ id: i, name: `Charger ${i}` })) };
const get = (acceptEncoding?: string) =>
  new Request("http://local/api", {
    headers: acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding },
  });

describe("acceptsGzip", () => {
  it("reads Accept-Encoding as browsers and clients send it", () => {
    expect(acceptsGzip("gzip, deflate, br, zstd")).toBe(true);
    expect(acceptsGzip("br;q=1.0, gzip;q=0.8")).toBe(true);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip("x-gzip")).toBe(true);
    expect(acceptsGzip(null)).toBe(false);
    expect(acceptsGzip("")).toBe(false);
    expect(acceptsGzip("identity")).toBe(false);
    expect(acceptsGzip("br, deflate")).toBe(false);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("*, gzip;q=0")).toBe(false);
    expect(acceptsGzip("*;q=0")).toBe(false);
  });
});

describe("gzippedJson", () => {
  it("gzips a large body for a client that accepts it, and the body is the JSON", async () => {
    const res = gzippedJson(get("gzip, deflate"), big, 200, { "Cache-Control": "private, max-age=30" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(res.headers.get("vary")).toBe("Accept-Encoding");
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.get("cache-control")).toBe("private, max-age=30");
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.length).toBeLessThan(JSON.stringify(big).length);
    expect(JSON.parse(gunzipSync(bytes).toString("utf8"))).toEqual(big);
  });

  it("answers plain JSON to a client that does not accept gzip, and for a small body", async () => {
    for (const [req, body] of [
      [get(), big],
      [get("br"), big],
      [get("gzip"), { ok: true }],
    ] as const) {
      const res = gzippedJson(req, body);
      expect(res.headers.get("content-encoding")).toBeNull();
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(await res.json()).toEqual(body);
    }
  });
});
