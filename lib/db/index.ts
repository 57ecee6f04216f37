import "server-only";

export { db, createDb, databaseUrl, type Db, type Tx } from "./client";
export { queryRows } from "./raw";
export { Prisma } from "./generated/client";
export * from "./generated/enums";
