// Prints the first of the given base ports where the base and base+90…base+99 can all be bound on
// 127.0.0.1 (the e2e server and its stand-ins, tests/e2e/fakes-config.ts); exits 1 when none can.
import { createServer } from "node:net";

const canBind = (port) =>
  new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => server.close(() => resolve(true)));
  });

for (const base of process.argv.slice(2).map(Number)) {
  const ports = [base, ...Array.from({ length: 10 }, (_, i) => base + 90 + i)];
  const free = await Promise.all(ports.map(canBind));
  if (free.every(Boolean)) {
    console.log(base);
    process.exit(0);
  }
}
process.exit(1);
