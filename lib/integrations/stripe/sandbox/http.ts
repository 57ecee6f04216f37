// Writing answers: Stripe's JSON (never cached), and the setup page's HTML under its policy.
import type { ServerResponse } from "node:http";
import { sendHtml as sendPage, sendJson as sendAny } from "@/lib/integrations/sandbox-kit";
import { PAGE_POLICY } from "./pages";

export { redirect } from "@/lib/integrations/sandbox-kit";

export const sendJson = (res: ServerResponse, status: number, body: string, headers: Record<string, string>) =>
  sendAny(res, status, body, { "cache-control": "no-cache, no-store", ...headers });

export const sendHtml = (res: ServerResponse, status: number, html: string) => sendPage(res, status, html, PAGE_POLICY);
