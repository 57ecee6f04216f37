import type { ReactNode } from "react";
import { ConsoleShell, type ConsoleNavItem } from "@/components/ui/console-shell";
import { FlagIcon, GridIcon, ListIcon, StoreIcon, UsersIcon } from "@/components/ui/icons";

const nav: ConsoleNavItem[] = [
  { href: "/admin", label: "Overview", icon: <GridIcon />, exact: true },
  { href: "/admin/merchants", label: "Merchants", icon: <StoreIcon /> },
  { href: "/admin/drivers", label: "Drivers", icon: <UsersIcon /> },
  { href: "/admin/audit", label: "Audit log", icon: <ListIcon /> },
  { href: "/admin/flags", label: "Feature flags", icon: <FlagIcon /> },
];

export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <ConsoleShell surface="Admin" homeHref="/admin" nav={nav}>
      {children}
    </ConsoleShell>
  );
}
