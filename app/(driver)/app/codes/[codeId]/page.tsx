import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { actorOf, requirePagePermission } from "@/lib/auth";
import { codeStatusView, findDriverCode, formatCode, releaseExpiredHolds } from "@/lib/merchants";
import { CodeScreen } from "@/components/driver/code-screen";
import { driverQueryKeys } from "@/components/driver/queries/keys";
import { HydrateQueries } from "@/components/driver/queries/hydrate-queries";
import { BackLink } from "@/components/ui/back-link";
import { QrCode } from "@/components/ui/qr-code";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your code" };

export default async function DriverCodePage({ params }: { params: Promise<{ codeId: string }> }) {
  const { codeId } = await params;
  const session = await requirePagePermission("driver:use", `/app/codes/${codeId}`);
  // a hold past its time goes back to the driver before anything is shown
  await releaseExpiredHolds({ actor: actorOf(session) });
  const code = await findDriverCode(actorOf(session), codeId);
  if (!code) notFound();
  const formatted = formatCode(code.code);

  return (
    <>
      <BackLink href="/app/codes">My codes</BackLink>
      <div className="mb-5">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{code.offer.title}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {code.offer.merchant.name} · {code.offer.merchant.address}
        </p>
      </div>
      {/* the status part is the code's query, polled while the code can still be used */}
      <HydrateQueries entries={[[driverQueryKeys.code(code.id), codeStatusView(code)]]}>
        <CodeScreen
          codeId={code.id}
          formatted={formatted}
          merchantName={code.offer.merchant.name}
          qr={
            // only a held code can be shown, and a code never goes back to held
            code.status === "HELD" ? (
              <QrCode
                value={code.code}
                label={`QR code for ${formatted}`}
                className="mx-auto mt-4 w-56 border border-slate-200 sm:w-64"
              />
            ) : null
          }
        />
      </HydrateQueries>
    </>
  );
}
