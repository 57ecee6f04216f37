import "server-only";

export { db, createDb, databaseUrl, type Db } from "./client";
export { Prisma } from "./generated/client";
export * from "./generated/enums";
