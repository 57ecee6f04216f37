import { notFound } from "@/lib/errors";
import { route } from "@/lib/http";
import { readDriverCodeStatus } from "@/lib/merchants";

export const dynamic = "force-dynamic";

/** One of the signed-in driver's codes: its status and countdown (the code page polls it). */
export const GET = route({ name: "/api/me/codes/[codeId]", permission: "driver:use" }, async ({ actor, params }) => {
  // another driver's code id is indistinguishable from a missing one
  const code = await readDriverCodeStatus(actor, params.codeId);
  if (!code) throw notFound("That code");
  return code;
});
