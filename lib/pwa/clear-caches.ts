import { RUNTIME_CACHES } from "./cache-rules";

/**
 * Browser-side: deletes the runtime caches on sign-out. They hold only public static files (the
 * worker never stores a page, RSC payload or API answer), so this is the second lock: whatever a
 * future rule might add, nothing cached survives the person who was signed in. Best effort: a
 * browser without Cache Storage or a private window has nothing to clear.
 */
export async function clearRuntimeCaches(): Promise<void> {
  if (typeof caches === "undefined") return;
  try {
    const names = await caches.keys();
    const ours = new Set<string>(Object.values(RUNTIME_CACHES));
    // the precache (serwist-precache-*) holds the offline page and public build files only
    await Promise.all(names.filter((n) => ours.has(n) || !n.includes("precache")).map((n) => caches.delete(n)));
  } catch {
    // nothing to clear, or storage is blocked
  }
}
