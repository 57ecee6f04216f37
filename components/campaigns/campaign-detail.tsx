import { formatCount, formatNova, formatUsd } from "@/components/ui/format";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { SectionHeader } from "@/components/ui/page-header";
import { StatCard, StatGrid } from "@/components/ui/stat-card";
import { AwardsTable } from "./awards-table";
import { CampaignForm } from "./campaign-form";
import { CampaignWordsList } from "./campaign-words";
import type { CampaignPage } from "./load-campaign-page";
import { SimulatorPanel } from "./simulator-panel";
import { StatusControls } from "./status-controls";
import { VersionsList } from "./versions-list";

const ofBudget = (budget: string | null) => (budget ? `of a ${budget} budget` : "No budget");

/** A campaign's page below its header: figures, controls, rules, simulator, awards, versions, revision. */
export function CampaignDetail({
  page,
  surface,
  triggers,
}: {
  page: CampaignPage;
  surface: "admin" | "merchant";
  triggers: { value: string; label: string }[];
}) {
  const { campaign, current, words } = page;
  const limits = current.definition.limits;
  const budgeted = limits.budgetNova !== undefined || limits.budgetCents !== undefined;
  const section = "mt-8 min-w-0";
  return (
    <>
      {campaign.enabled ? null : (
        <Notice tone="warning" className="mb-4">
          The kill switch is off: this campaign pays nothing, whatever its status, until it is switched back on.
        </Notice>
      )}
      <StatGrid label="What the campaign paid" className="lg:grid-cols-4">
        <StatCard label="Awards" value={formatCount(campaign.totals.awards)} />
        <StatCard label="Drivers" value={formatCount(campaign.totals.drivers)} />
        <StatCard
          label="Nova spent"
          value={formatNova(campaign.spentNova)}
          hint={ofBudget(limits.budgetNova === undefined ? null : formatNova(limits.budgetNova))}
        />
        <StatCard
          label="Cash spent"
          value={formatUsd(campaign.spentCents)}
          hint={ofBudget(limits.budgetCents === undefined ? null : formatUsd(limits.budgetCents))}
        />
      </StatGrid>
      <section aria-labelledby="status-heading" className={section}>
        <SectionHeader id="status-heading" title="Status" />
        <StatusControls
          surface={surface}
          campaignId={campaign.id}
          name={campaign.name}
          status={campaign.status}
          enabled={campaign.enabled}
        />
      </section>
      <section aria-labelledby="rules-heading" className={section}>
        <SectionHeader id="rules-heading" title={`Rules (version ${current.version})`} />
        <Card>
          <CampaignWordsList words={words} />
        </Card>
      </section>
      <section aria-labelledby="simulator-heading" className={section}>
        <SectionHeader
          id="simulator-heading"
          title="Simulator"
          description="What these rules would have paid over the last days of real triggers, by the code that pays."
        />
        <Card>
          <SimulatorPanel surface={surface} campaignId={campaign.id} version={current.version} budgeted={budgeted} />
        </Card>
      </section>
      <section aria-labelledby="awards-heading" className={section}>
        <SectionHeader id="awards-heading" title="Awards" description="The latest 50, newest first. Times in UTC." />
        <AwardsTable awards={page.awards} showDrivers={surface === "admin"} />
      </section>
      <section aria-labelledby="versions-heading" className={section}>
        <SectionHeader id="versions-heading" title="Version history" />
        <VersionsList versions={page.versions} current={campaign.currentVersion} />
      </section>
      {campaign.status === "ENDED" ? null : (
        <section aria-labelledby="revise-heading" className={section}>
          <SectionHeader
            id="revise-heading"
            title="Revise"
            description="Saving makes a new version; awards already paid keep the version that paid them."
          />
          <details className="rounded-2xl border border-slate-200 bg-white p-4 sm:p-5">
            <summary className="cursor-pointer text-sm font-medium text-brand-800">Edit the rules</summary>
            <div className="mt-5">
              <CampaignForm
                target={{ kind: "revise", surface, campaignId: campaign.id }}
                values={page.formValues}
                requestKey={page.requestKey}
                triggers={triggers}
                offers={page.offers}
                businessZone={page.zone}
              />
            </div>
          </details>
        </section>
      )}
    </>
  );
}
