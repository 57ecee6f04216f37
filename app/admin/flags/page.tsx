import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { FlagIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Feature flags" };

export default function AdminFlagsPage() {
  return (
    <>
      <PageHeader title="Feature flags" description="Kill switches and gradual roll-outs for the program." />
      <EmptyState
        icon={<FlagIcon className="size-6" />}
        title="No flags to show yet"
        description={
          <>
            Feature flags such as <code className="rounded bg-slate-100 px-1 py-0.5 text-xs">NOVA_GRANTS_ENABLED</code> appear
            here.
          </>
        }
      />
    </>
  );
}
