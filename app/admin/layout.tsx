import {
  BanknoteIcon,
  BookTextIcon,
  CarIcon,
  ChartColumnIcon,
  CircleCheckIcon,
  FlagIcon,
  GiftIcon,
  LayoutGridIcon,
  ListIcon,
  MegaphoneIcon,
  ShieldAlertIcon,
  StoreIcon,
  UsersIcon,
  ZapIcon,
} from "lucide-react";
import type { ReactNode } from "react";
import { requirePagePermission } from "@/lib/auth";
import { AccountMenu, displayName } from "@/components/auth/account-menu";
import { ConsoleShell, type ConsoleNavItem } from "@/components/ui/console-shell";

const nav: ConsoleNavItem[] = [
  { href: "/admin", label: "Overview", icon: <LayoutGridIcon className="size-5" />, exact: true },
  { href: "/admin/dashboard", label: "Dashboard", icon: <ChartColumnIcon className="size-5" /> },
  { href: "/admin/merchants", label: "Merchants", icon: <StoreIcon className="size-5" /> },
  { href: "/admin/users", label: "Users", icon: <UsersIcon className="size-5" /> },
  { href: "/admin/drivers", label: "Drivers", icon: <CarIcon className="size-5" /> },
  { href: "/admin/risk", label: "Review queue", icon: <ShieldAlertIcon className="size-5" /> },
  { href: "/admin/grants", label: "Grants", icon: <GiftIcon className="size-5" /> },
  { href: "/admin/campaigns", label: "Campaigns", icon: <MegaphoneIcon className="size-5" /> },
  { href: "/admin/events", label: "Energy events", icon: <ZapIcon className="size-5" /> },
  { href: "/admin/ledger", label: "Ledger", icon: <BookTextIcon className="size-5" /> },
  { href: "/admin/claims", label: "Claims", icon: <CircleCheckIcon className="size-5" /> },
  { href: "/admin/payouts", label: "Payouts", icon: <BanknoteIcon className="size-5" /> },
  { href: "/admin/audit", label: "Audit log", icon: <ListIcon className="size-5" /> },
  { href: "/admin/flags", label: "Feature flags", icon: <FlagIcon className="size-5" /> },
];

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const session = await requirePagePermission("admin:view", "/admin");
  return (
    <ConsoleShell surface="Admin" homeHref="/admin" nav={nav} account={<AccountMenu who={displayName(session.user)} />}>
      {children}
    </ConsoleShell>
  );
}
