import type { Actor } from "@/lib/access";
import type { CurrentSession } from "./sessions";

/** The actor a signed-in session speaks for. */
export function actorOf(session: CurrentSession): Actor {
  return { userId: session.user.id, role: session.user.role };
}
