import Link from "next/link";
import { AudienceSection } from "@/components/landing/audience-section";
import { DemoAccountsCard } from "@/components/landing/demo-accounts-card";
import { Hero } from "@/components/landing/hero";
import { HowItWorks } from "@/components/landing/how-it-works";
import { SiteFooter } from "@/components/landing/site-footer";
import { SiteHeader } from "@/components/landing/site-header";

export default function LandingPage() {
  const showDemoAccounts = process.env.NODE_ENV !== "production";
  return (
    <>
      <SiteHeader />
      <main id="main">
        <Hero />
        <HowItWorks />
        <div className="mx-auto grid max-w-6xl gap-6 px-4 pb-16 sm:px-6 lg:grid-cols-2">
          <AudienceSection
            id="drivers"
            eyebrow="For drivers"
            title="Your charging stop, now with perks"
            points={[
              "Find chargers with partner cafés, shops and restaurants beside them.",
              "Earn Nova and cash rewards for every verified charge.",
              "Redeem offers with a code at the counter, or cash out to your bank.",
            ]}
            cta={{ href: "/app", label: "Open the driver app" }}
          />
          <AudienceSection
            id="merchants"
            eyebrow="For merchants"
            title="Meet drivers while they wait"
            points={[
              "Connect Square and publish offers drivers see while they charge.",
              "Confirm redemptions at the counter by code or QR.",
              "See the visits and sales the program brings you, with CSV export.",
            ]}
            cta={{ href: "/merchant", label: "Open the merchant dashboard" }}
            aside={
              <Link
                href="/admin"
                className="text-sm font-medium text-slate-600 underline-offset-4 hover:text-slate-900 hover:underline"
              >
                Program team? Admin console
              </Link>
            }
          />
        </div>
        {showDemoAccounts ? (
          <div className="mx-auto max-w-6xl px-4 pb-16 sm:px-6">
            <DemoAccountsCard />
          </div>
        ) : null}
      </main>
      <SiteFooter />
    </>
  );
}
