// Where the embedded development database listens (see ./embedded.ts).
export const EMBEDDED_PORT = Number(process.env.EMBEDDED_DB_PORT ?? 54329);
export const EMBEDDED_URL = `postgresql://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/postgres`;
