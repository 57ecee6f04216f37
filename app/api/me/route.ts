import { route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const GET = route({ name: "/api/me", permission: "account:manage" }, async ({ session }) => ({
  user: session.user,
}));
