import {
  BanknoteIcon,
  ChartColumnIcon,
  CircleCheckIcon,
  LayoutGridIcon,
  MegaphoneIcon,
  StoreIcon,
  TagIcon,
  UsersIcon,
} from "lucide-react";
import type { ReactNode } from "react";
import { requirePagePermission } from "@/lib/auth";
import { AccountMenu, displayName } from "@/components/auth/account-menu";
import { loadCurrentMerchant } from "@/components/merchant/current-dashboard";
import { MerchantSwitcher } from "@/components/merchant/merchant-switcher";
import { ConsoleShell, type ConsoleNavItem } from "@/components/ui/console-shell";

export const dynamic = "force-dynamic";

const nav: ConsoleNavItem[] = [
  { href: "/merchant", label: "Overview", icon: <LayoutGridIcon className="size-5" />, exact: true },
  { href: "/merchant/offers", label: "Offers", icon: <TagIcon className="size-5" /> },
  { href: "/merchant/redeem", label: "Redeem", icon: <CircleCheckIcon className="size-5" /> },
  { href: "/merchant/campaigns", label: "Campaigns", icon: <MegaphoneIcon className="size-5" /> },
  { href: "/merchant/reports", label: "Reports", icon: <ChartColumnIcon className="size-5" /> },
  { href: "/merchant/funding", label: "Funding", icon: <BanknoteIcon className="size-5" /> },
  { href: "/merchant/square", label: "Square", icon: <StoreIcon className="size-5" /> },
  { href: "/merchant/team", label: "Team", icon: <UsersIcon className="size-5" /> },
];

export default async function MerchantLayout({ children }: { children: ReactNode }) {
  const session = await requirePagePermission("merchant:view", "/merchant");
  const { working } = await loadCurrentMerchant();
  return (
    <ConsoleShell
      surface="Merchant"
      homeHref="/merchant"
      nav={nav}
      context={
        working.kind === "one" && working.merchants.length > 1 ? (
          <MerchantSwitcher merchants={working.merchants} current={working.merchant.id} />
        ) : (
          <span className="truncate text-sm font-medium text-slate-700">
            {working.kind === "one" ? working.merchant.name : "No merchant yet"}
          </span>
        )
      }
      account={<AccountMenu who={displayName(session.user)} />}
    >
      {children}
    </ConsoleShell>
  );
}
