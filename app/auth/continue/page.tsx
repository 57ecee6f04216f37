import { redirect } from "next/navigation";
import { getCurrentSession } from "@/lib/auth";
import { homeFor } from "@/lib/access";
import { safeRedirectPath } from "@/lib/validation";
import { param, type SearchParams } from "@/components/auth/search-params";

// Where Google sign-in lands once next-auth has written our session: on to the page the
// person asked for (same-origin paths only), else their role's home.
export default async function ContinueAfterSignInPage({ searchParams }: { searchParams: SearchParams }) {
  const session = await getCurrentSession();
  if (!session) redirect("/signin");
  const to = safeRedirectPath(param((await searchParams).to));
  redirect(to ?? homeFor(session.user.role));
}
