import { ListIcon } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { listOutbox } from "@/lib/email";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { Logo } from "@/components/ui/logo";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sandbox outbox", robots: { index: false } };

/** Development only: the email and texts the sandbox "sent" instead of delivering them. */
export default async function SandboxOutboxPage() {
  if (process.env.NODE_ENV === "production") notFound();
  const messages = await listOutbox();

  return (
    <div className="min-h-dvh">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-14 max-w-3xl items-center gap-3 px-4 sm:px-6">
          <Logo href="/" label="Development" />
        </div>
      </header>
      <main id="main" className="mx-auto max-w-3xl px-4 py-6 sm:px-6 md:py-10">
        <PageHeader
          title="Sandbox outbox"
          description="Email and text messages the sandbox kept instead of sending, newest first. Reload to see new messages."
          actions={
            // A plain link: a full reload, so the list is read again.
            <a href="/dev/outbox" className={buttonVariants({ variant: "secondary", size: "sm" })}>
              Reload
            </a>
          }
        />
        {messages.length === 0 ? (
          <EmptyState
            icon={<ListIcon className="size-6" />}
            title="No messages yet"
            description="Ask for a sign-in link, a password reset or a text-message code, then reload this page."
          />
        ) : (
          <ol aria-label="Messages, newest first" className="space-y-3">
            {messages.map((m) => (
              <Card as="li" key={m.id}>
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <Badge tone={m.channel === "SMS" ? "info" : "brand"}>{m.channel === "SMS" ? "SMS" : "Email"}</Badge>
                  <span className="min-w-0 text-sm font-medium break-all text-slate-900">{m.to}</span>
                  <time dateTime={m.createdAt.toISOString()} className="ml-auto text-xs text-slate-500 tabular-nums">
                    {formatDateTime(m.createdAt)}
                  </time>
                </div>
                {m.subject ? <h2 className="mt-2 font-semibold text-slate-900">{m.subject}</h2> : null}
                <pre className="mt-2 overflow-x-auto rounded-lg bg-slate-50 p-3 font-sans text-sm break-words whitespace-pre-wrap text-slate-700">
                  {m.body}
                </pre>
                {m.link ? (
                  <p className="mt-2 text-sm">
                    <a
                      href={m.link}
                      className="font-medium break-all text-brand-700 underline-offset-4 hover:underline"
                    >
                      {m.link}
                    </a>
                  </p>
                ) : null}
              </Card>
            ))}
          </ol>
        )}
      </main>
    </div>
  );
}
