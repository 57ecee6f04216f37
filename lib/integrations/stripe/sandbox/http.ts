// Writing answers: Stripe's JSON with its headers, and the setup page's HTML and redirects.
import type { ServerResponse } from "node:http";
import { PAGE_POLICY } from "./pages";

export function sendJson(res: ServerResponse, status: number, body: string, headers: Record<string, string>) {
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-cache, no-store",
    ...headers,
  });
  res.end(body);
}

export function sendHtml(res: ServerResponse, status: number, html: string) {
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "content-security-policy": PAGE_POLICY,
    "referrer-policy": "no-referrer",
    "cache-control": "no-store",
  });
  res.end(html);
}

export function redirect(res: ServerResponse, status: 302 | 303, location: string) {
  res.writeHead(status, { location, "cache-control": "no-store" });
  res.end();
}
