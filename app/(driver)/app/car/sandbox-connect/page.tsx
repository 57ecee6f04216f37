import { randomBytes } from "node:crypto";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth";
import { vehicleProviderKind } from "@/lib/vehicles";
import { param, type SearchParams } from "@/components/auth/search-params";
import { BackLink } from "@/components/ui/back-link";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SandboxConsent } from "@/components/vehicles/sandbox-consent";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sandbox car maker" };

/**
 * The simulated car maker's consent page (sandbox only): Allow returns to our callback with a
 * one-time code made here, Deny with `error=access_denied`, exactly as Smartcar's page would.
 */
export default async function SandboxConnectPage({ searchParams }: { searchParams: SearchParams }) {
  // only where the simulated car may run: never in production (it earns money)
  if (vehicleProviderKind() !== "SANDBOX") notFound();
  const state = param((await searchParams).state);
  await requirePagePermission(
    "driver:use",
    state ? `/app/car/sandbox-connect?${new URLSearchParams({ state })}` : "/app/car",
  );

  if (!state) {
    return (
      <>
        <BackLink href="/app/car">Your car</BackLink>
        <Card className="text-center">
          <h1 className="text-lg font-semibold text-slate-900">This connection link is incomplete</h1>
          <p className="mt-1 text-sm text-slate-600">Start again from the Car tab to connect your car.</p>
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- an API route that redirects (a full navigation); the rule takes app/api/[[...path]] for a page */}
          <a href="/api/smartcar/connect" className={buttonVariants({ className: "mt-5" })}>
            Connect your car
          </a>
        </Card>
      </>
    );
  }

  const allow = `/api/smartcar/callback?${new URLSearchParams({ code: `sandbox-${randomBytes(18).toString("base64url")}`, state })}`;
  const deny = `/api/smartcar/callback?${new URLSearchParams({ error: "access_denied", state })}`;
  return <SandboxConsent allowHref={allow} denyHref={deny} />;
}
