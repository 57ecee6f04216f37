import { PlugIcon, TagIcon } from "lucide-react";
import type { Metadata } from "next";
import { actorOf, getCurrentSession } from "@/lib/auth";
import { can } from "@/lib/access";
import { listChargers, listLiveOffers } from "@/lib/discovery";
import { driverEventCards } from "@/lib/energy-events";
import { HOLD_MINUTES } from "@/lib/merchants";
import { listPurchaseQuestions } from "@/lib/purchases";
import { ChargerCard } from "@/components/driver/charger-card";
import { EventList } from "@/components/energy-events/event-list";
import { OfferCard } from "@/components/driver/offer-card";
import { PurchaseQuestionCard } from "@/components/driver/purchase-question-card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader, SectionHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Home" };

export default async function DriverHomePage() {
  const session = await getCurrentSession();
  const driver = session && can(session.user.role, "driver:use") ? actorOf(session) : null;
  const [chargers, offers, questions, events] = await Promise.all([
    listChargers(),
    listLiveOffers(50, driver?.userId ?? null),
    driver ? listPurchaseQuestions(driver) : [],
    driverEventCards(driver),
  ]);
  return (
    <>
      <PageHeader title="Charge & earn" description="Charge beside a partner, earn Nova, spend it next door." />

      {questions.length > 0 ? (
        <section aria-labelledby="purchases-heading" className="mb-10">
          <SectionHeader
            id="purchases-heading"
            title="Was this you?"
            description="Someone bought this while you were charging nearby. Say if it was you to earn the purchase reward."
          />
          <ul className="space-y-3">
            {questions.map((q) => (
              <PurchaseQuestionCard
                key={q.rewardId}
                rewardId={q.rewardId}
                question={q.question}
                orderedAt={q.orderedAt}
              />
            ))}
          </ul>
        </section>
      ) : null}

      <EventList events={events} signedIn={driver !== null} />

      <section aria-labelledby="chargers-heading">
        <SectionHeader id="chargers-heading" title="Charge near partners" />
        {chargers.length > 0 ? (
          <ul className="space-y-3">
            {chargers.map((charger) => (
              <ChargerCard key={charger.id} charger={charger} />
            ))}
          </ul>
        ) : (
          <EmptyState
            level={3}
            icon={<PlugIcon className="size-6" />}
            title="No chargers yet"
            description="Chargers with partner merchants beside them appear here, partners first."
          />
        )}
      </section>

      <section aria-labelledby="offers-heading" className="mt-10">
        <SectionHeader
          id="offers-heading"
          title="Offers near you"
          description="Spend Nova at the shops beside the charger."
        />
        {offers.length > 0 ? (
          <ul className="grid gap-3 sm:grid-cols-2">
            {offers.map((offer) => (
              <OfferCard
                key={offer.id}
                offer={offer}
                // a key per offer per render: a repeated submit of this form redeems once
                redeem={session ? { idempotencyKey: crypto.randomUUID(), holdMinutes: HOLD_MINUTES } : null}
              />
            ))}
          </ul>
        ) : (
          <EmptyState
            level={3}
            icon={<TagIcon className="size-6" />}
            title="No offers yet"
            description="Offers from partner merchants appear here as soon as they go live."
          />
        )}
      </section>
    </>
  );
}
