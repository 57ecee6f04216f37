// Writing answers: Square's JSON, and the consent page's HTML under its policy.
import type { ServerResponse } from "node:http";
import { sendHtml as sendPage } from "@/lib/integrations/sandbox-kit";
import { PAGE_POLICY } from "./pages";

export { redirect, sendJson } from "@/lib/integrations/sandbox-kit";

export const sendHtml = (res: ServerResponse, status: number, html: string) => sendPage(res, status, html, PAGE_POLICY);
