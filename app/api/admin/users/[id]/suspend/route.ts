import { z } from "zod";
import { suspendUser } from "@/lib/auth";
import { route } from "@/lib/http";

export const dynamic = "force-dynamic";

const body = z.object({ reason: z.string().trim().min(1, "Give a reason.").max(300) });

export const POST = route(
  { name: "/api/admin/users/[id]/suspend", permission: "admin:manage-users", body },
  ({ actor, params, body, meta }) => suspendUser(actor, { userId: params.id, reason: body.reason }, meta),
);
