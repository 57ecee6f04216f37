import Link from "next/link";

export type SignInMethod = "password" | "email" | "sms";

const METHODS: { id: SignInMethod; label: string }[] = [
  { id: "password", label: "Password" },
  { id: "email", label: "Email link" },
  { id: "sms", label: "Text message" },
];

export function parseMethod(value: string | undefined): SignInMethod {
  return value === "email" || value === "sms" ? value : "password";
}

/** /signin for a method, keeping where the person was going. */
export function signInHref(method: SignInMethod, callbackUrl?: string): string {
  const params = new URLSearchParams();
  if (method !== "password") params.set("method", method);
  if (callbackUrl) params.set("callbackUrl", callbackUrl);
  const query = params.toString();
  return query ? `/signin?${query}` : "/signin";
}

/** The method switcher: links (each method has its own URL), styled as a segmented control. */
export function SignInMethods({
  active,
  callbackUrl,
  sms = true,
}: {
  active: SignInMethod;
  callbackUrl?: string;
  /** Text-message sign-in is available here. */
  sms?: boolean;
}) {
  return (
    <nav aria-label="Sign-in method" className="mb-5">
      <ul className="grid auto-cols-fr grid-flow-col gap-1 rounded-xl bg-slate-100 p-1">
        {METHODS.filter((m) => sms || m.id !== "sms").map((m) => (
          <li key={m.id} className="flex">
            <Link
              href={signInHref(m.id, callbackUrl)}
              replace
              scroll={false}
              aria-current={m.id === active ? "page" : undefined}
              className="flex min-h-10 flex-1 items-center justify-center rounded-lg px-2 py-1.5 text-center text-sm leading-tight font-medium text-slate-600 hover:text-slate-900 aria-[current=page]:bg-white aria-[current=page]:text-slate-900 aria-[current=page]:shadow-sm"
            >
              {m.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
