import type { ReactNode } from "react";
import { AuthFrame } from "@/components/auth/auth-frame";

// Public merchant pages (sign-up, invitations): outside the merchant console, which needs a member.
export default function BusinessLayout({ children }: { children: ReactNode }) {
  return <AuthFrame>{children}</AuthFrame>;
}
