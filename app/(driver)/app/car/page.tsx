import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { CarIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Car" };

export default async function CarPage() {
  await requirePagePermission("driver:use", "/app/car");
  return (
    <>
      <PageHeader title="Your car" description="Nerava reads charging sessions from your car, with your permission." />
      <EmptyState
        icon={<CarIcon className="size-6" />}
        title="Connect your car"
        description="Connect your car to verify charging automatically: no receipts to upload, no check-ins."
        action={
          <div className="flex flex-col items-center gap-2">
            <Button disabled aria-describedby="connect-car-soon">
              Connect car
            </Button>
            <p id="connect-car-soon" className="text-xs font-medium text-slate-500">
              Coming soon
            </p>
          </div>
        }
      />
    </>
  );
}
