import { PageSkeleton } from "@/components/ui/skeleton";

export default function AdminLoading() {
  return <PageSkeleton stats={6} rows={3} />;
}
