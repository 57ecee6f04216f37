import { config } from "@/lib/config";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** httpOnly, SameSite=Lax; `__Host-` prefixed and Secure whenever the app is served over https. */
export function sessionCookie() {
  const secure = config().NEXTAUTH_URL.startsWith("https://");
  return {
    name: secure ? "__Host-nerava.session" : "nerava.session",
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  };
}
