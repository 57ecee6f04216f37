import "server-only";
import { z } from "zod";
import { actorOf, authorize, getCurrentSession, requestMeta, type CurrentSession, type RequestMeta } from "@/lib/auth";
import type { Actor, Permission } from "@/lib/access";
import { AppError, GENERIC_MESSAGE } from "@/lib/errors";
import { recordError, requestLogger } from "@/lib/observability";
import { parseForPerson, refuseControlCharsInForm } from "@/lib/validation";

export type ActionError = { code: string; message: string; fields?: Record<string, string> };
export type ActionResult<T = undefined> = { ok: true; data: T } | { ok: false; error: ActionError };
export type ActionState<T = undefined> = ActionResult<T> | null;

type Context<P> = {
  meta: RequestMeta;
  session: P extends "public" ? CurrentSession | null : CurrentSession;
  /** Who is asking, for the domain call (which resolves the actor's right to the data itself). */
  actor: P extends "public" ? Actor | null : Actor;
};

/**
 * The one way to write a server action: parse the form's listed fields with zod →
 * load the session → check the permission → run one domain call → typed result.
 * Known errors keep their message; anything else is logged and shown generically.
 */
export function action<S extends z.ZodObject, T, P extends Permission | "public">(spec: {
  permission: P;
  input: S;
  run: (input: z.infer<S>, ctx: Context<P>) => Promise<T>;
}) {
  const fields = Object.keys(spec.input.shape);
  return async (_prev: unknown, formData: FormData): Promise<ActionResult<T>> => {
    // only a hand-made envelope arrives without a form (proxy.ts refuses most): bad input, not a bug to log
    if (typeof (formData as Partial<FormData> | null)?.get !== "function") return { ok: false, error: MALFORMED };
    const meta = await requestMeta();
    try {
      const raw = Object.fromEntries(fields.map((f) => [f, formData.get(f) ?? undefined]));
      const refused = refuseControlCharsInForm(raw);
      if (refused) return { ok: false, error: refused };
      const parsed = parseForPerson(spec.input, raw);
      if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
      const current = await getCurrentSession();
      const session = spec.permission === "public" ? current : authorize(current, spec.permission as Permission);
      const actor = session ? actorOf(session) : null;
      const data = await spec.run(parsed.data, { meta, session, actor } as Context<P>);
      return { ok: true, data };
    } catch (err) {
      if (isNextControlFlow(err)) throw err;
      if (err instanceof AppError) return { ok: false, error: { code: err.code, message: err.message } };
      recordError(err, meta.requestId);
      requestLogger(meta.requestId).error({ err }, "action failed");
      return {
        ok: false,
        error: { code: "internal", message: `${GENERIC_MESSAGE} (ref ${meta.requestId.slice(0, 8)})` },
      };
    }
  };
}

const MALFORMED: ActionError = { code: "malformed_request", message: "This is not a request our pages send." };

function validationError(error: z.ZodError): ActionError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[String(issue.path[0] ?? "form")] ??= issue.message;
  return { code: "invalid_input", message: "Please correct the highlighted fields.", fields };
}

// redirect() and notFound() work by throwing; they must pass through.
function isNextControlFlow(err: unknown): boolean {
  const digest = (err as { digest?: unknown } | null)?.digest;
  return (
    typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"))
  );
}
