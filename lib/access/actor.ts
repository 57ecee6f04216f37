import type { Role } from "./permissions";

/**
 * Who is asking. Domain functions that read or write another party's data take the actor
 * and resolve the actor's right to it themselves (outsider: not found; wrong role: forbidden).
 */
export type Actor = { userId: string; role: Role };
