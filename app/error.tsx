"use client";

import { useEffect, useRef } from "react";
import { isChunkFailure, isNetworkFailure, useOnline } from "@/components/pwa/network-failure";
import { Button, ButtonLink } from "@/components/ui/button";

// a code chunk that failed stays failed for a retry in place: load the page afresh
const tryAgain = (error: unknown, retry: () => void) => (isChunkFailure(error) ? window.location.reload() : retry());

// Never shows the error's message: in production it is generic anyway, and in development it
// may carry SQL or provider details. The digest matches the server log line.
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest =
    error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : undefined;
  const online = useOnline();
  // offline or a request that never arrived is the connection's doing, not ours: say so
  const offline = !online || (!digest && isNetworkFailure(error));
  const again = () => tryAgain(error, retry);

  useEffect(() => {
    console.error(error);
  }, [error]);

  // back online: try again by itself. Watched through `online` rather than an "online" listener of
  // its own: the re-render that event causes removes such a listener before the browser calls it.
  const wasOffline = useRef(false);
  useEffect(() => {
    if (!online) wasOffline.current = true;
    else if (wasOffline.current) {
      wasOffline.current = false;
      tryAgain(error, retry);
    }
  }, [online, error, retry]);

  // the connection's doing (offline, or a request that never arrived) or ours: one layout, two texts
  const [kicker, title, body] = !offline
    ? ["Something went wrong", "This page didn’t load", "It’s on our side, not yours. Trying again usually helps."]
    : online
      ? ["No connection", "The connection dropped", "This didn’t reach Nerava. Check your signal, then try again."]
      : [
          "No connection",
          "You are offline",
          "This needs a connection. It loads again by itself once you are back online.",
        ];
  return (
    <main id="main" className="grid min-h-dvh place-items-center px-4 py-16">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-brand-700">{kicker}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        <p className="mt-2 text-slate-600">{body}</p>
        {digest && !offline ? (
          <p className="mt-4 text-sm text-slate-500">
            Reference:{" "}
            <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">{digest}</code>
          </p>
        ) : null}
        <div className="mt-6 flex flex-wrap justify-center gap-3">
          <Button onClick={again}>Try again</Button>
          {offline ? null : (
            <ButtonLink href="/" variant="secondary">
              Nerava home
            </ButtonLink>
          )}
        </div>
      </div>
    </main>
  );
}
