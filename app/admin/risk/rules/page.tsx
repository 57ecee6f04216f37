import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth";
import { RULES, loadRuleSettings } from "@/lib/risk";
import { RiskRuleForm } from "@/components/admin/risk-rule-form";
import { BackLink } from "@/components/ui/back-link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Abuse rules" };

export default async function RiskRulesPage() {
  await requirePagePermission("admin:risk", "/admin/risk/rules");
  const settings = await loadRuleSettings();
  return (
    <>
      <BackLink href="/admin/risk">Review queue</BackLink>
      <PageHeader
        title="Abuse rules"
        description="Each rule runs when a driver asks to cash out and every five minutes over active drivers. Changes are audited."
      />
      <div className="space-y-4">
        {settings.map((s) => (
          <Card key={s.key}>
            <h2 className="font-semibold text-slate-900">{RULES[s.key].label}</h2>
            <p className="mb-3 text-sm text-slate-600">{RULES[s.key].description}</p>
            <RiskRuleForm ruleKey={s.key} label={RULES[s.key].label} enabled={s.enabled} thresholds={s.thresholds} />
          </Card>
        ))}
      </div>
    </>
  );
}
