import Link from "next/link";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { Logo } from "@/components/ui/logo";

/** The centered card every sign-in page sits in: logo above, a way home below. */
export function AuthFrame({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="flex min-h-dvh flex-col items-center px-4 py-10 sm:justify-center sm:py-16">
      <Logo href="/" />
      <Card className="mt-6 w-full max-w-md sm:p-8">{children}</Card>
      <p className="mt-6 text-sm text-slate-500">
        <Link href="/" className="font-medium underline-offset-4 hover:text-slate-800 hover:underline">
          Nerava home
        </Link>
        <span aria-hidden="true"> · </span>
        <a
          href="mailto:support@nerava.app"
          className="font-medium underline-offset-4 hover:text-slate-800 hover:underline"
        >
          Help
        </a>
      </p>
    </main>
  );
}

/** The page's h1 and a line under it, sized for the card. */
export function AuthHeading({ title, description }: { title: string; description?: ReactNode }) {
  return (
    <div className="mb-6">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
      {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
    </div>
  );
}
