"use client";

import { useEffect } from "react";
import { Button, ButtonLink } from "@/components/ui/button";

// Never shows the error's message: in production it is generic anyway, and in development it
// may carry SQL or provider details. The digest matches the server log line.
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest =
    error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : undefined;

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <main id="main" className="grid min-h-dvh place-items-center px-4 py-16">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-brand-700">Something went wrong</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">This page didn’t load</h1>
        <p className="mt-2 text-slate-600">It’s on our side, not yours. Trying again usually helps.</p>
        {digest ? (
          <p className="mt-4 text-sm text-slate-500">
            Reference:{" "}
            <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">{digest}</code>
          </p>
        ) : null}
        <div className="mt-6 flex flex-wrap justify-center gap-3">
          <Button onClick={() => retry()}>Try again</Button>
          <ButtonLink href="/" variant="secondary">
            Nerava home
          </ButtonLink>
        </div>
      </div>
    </main>
  );
}
