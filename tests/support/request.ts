import { NextRequest } from "next/server";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Handler = (req: NextRequest, ctx: { params: Promise<any> }) => Promise<Response>;

/** Calls a route handler the way Next does, with optional headers and params. */
export async function call(
  handler: Handler,
  {
    method = "GET",
    path = "/",
    headers = {},
    body,
    params = {},
  }: {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: unknown;
    params?: Record<string, string>;
  } = {},
): Promise<Response> {
  const init: RequestInit = { method, headers };
  if (body !== undefined) init.body = typeof body === "string" ? body : JSON.stringify(body);
  const req = new NextRequest(
    new URL(path, "http://localhost:3000"),
    init as ConstructorParameters<typeof NextRequest>[1],
  );
  return handler(req, { params: Promise.resolve(params) });
}
