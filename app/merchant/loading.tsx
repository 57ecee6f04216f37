import { PageSkeleton } from "@/components/ui/skeleton";

export default function MerchantLoading() {
  return <PageSkeleton stats={3} rows={4} />;
}
