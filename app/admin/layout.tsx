import type { ReactNode } from "react";
import { requirePagePermission } from "@/lib/auth";
import { AccountMenu, displayName } from "@/components/auth/account-menu";
import { ConsoleShell, type ConsoleNavItem } from "@/components/ui/console-shell";
import {
  BookIcon,
  CheckCircleIcon,
  FlagIcon,
  GiftIcon,
  GridIcon,
  ListIcon,
  StoreIcon,
  UsersIcon,
} from "@/components/ui/icons";

const nav: ConsoleNavItem[] = [
  { href: "/admin", label: "Overview", icon: <GridIcon />, exact: true },
  { href: "/admin/merchants", label: "Merchants", icon: <StoreIcon /> },
  { href: "/admin/users", label: "Users", icon: <UsersIcon /> },
  { href: "/admin/grants", label: "Grants", icon: <GiftIcon /> },
  { href: "/admin/ledger", label: "Ledger", icon: <BookIcon /> },
  { href: "/admin/claims", label: "Claims", icon: <CheckCircleIcon /> },
  { href: "/admin/audit", label: "Audit log", icon: <ListIcon /> },
  { href: "/admin/flags", label: "Feature flags", icon: <FlagIcon /> },
];

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const session = await requirePagePermission("admin:view", "/admin");
  return (
    <ConsoleShell surface="Admin" homeHref="/admin" nav={nav} account={<AccountMenu who={displayName(session.user)} />}>
      {children}
    </ConsoleShell>
  );
}
