"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * Google sign-in through next-auth. It lands on /auth/continue, which sends the person on to
 * where they were going (or their home) once our session exists.
 */
export function GoogleSignInButton({ callbackUrl }: { callbackUrl?: string }) {
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);

  async function start() {
    setPending(true);
    setFailed(false);
    try {
      await signIn("google", { callbackUrl: `/auth/continue?to=${encodeURIComponent(callbackUrl ?? "")}` });
    } catch {
      setFailed(true);
      setPending(false);
    }
  }

  return (
    <div>
      <Button variant="secondary" size="lg" className="w-full" disabled={pending} onClick={start}>
        <GoogleMark />
        {pending ? "Opening Google…" : "Continue with Google"}
      </Button>
      {failed ? (
        <p role="alert" className="mt-2 text-sm text-rose-700">
          Google sign-in did not start. Check your connection and try again.
        </p>
      ) : null}
    </div>
  );
}

function GoogleMark() {
  return (
    <svg viewBox="0 0 24 24" className="size-5" aria-hidden="true" focusable="false">
      <path
        fill="#4285F4"
        d="M23.5 12.3c0-.8-.1-1.6-.2-2.3H12v4.4h6.5a5.6 5.6 0 0 1-2.4 3.6v3h3.9c2.2-2.1 3.5-5.1 3.5-8.7z"
      />
      <path
        fill="#34A853"
        d="M12 24c3.2 0 6-1.1 8-2.9l-3.9-3c-1.1.7-2.5 1.2-4.1 1.2-3.1 0-5.8-2.1-6.7-5H1.3v3.1A12 12 0 0 0 12 24z"
      />
      <path fill="#FBBC05" d="M5.3 14.3a7.2 7.2 0 0 1 0-4.6V6.6h-4a12 12 0 0 0 0 10.8l4-3.1z" />
      <path fill="#EA4335" d="M12 4.8c1.8 0 3.3.6 4.6 1.8l3.4-3.4A12 12 0 0 0 1.3 6.6l4 3.1c.9-2.9 3.6-4.9 6.7-4.9z" />
    </svg>
  );
}
