# syntax=docker/dockerfile:1
# Nerava: the web app (target `runtime`, the default) and the one-shot migration runner (target
# `migrate`). Not built on the machine this repo is developed on (no Docker daemon there): see the
# README's "Operations / deployment" section. No secret is baked in: every one comes from the
# environment at run time.

# ---- deps: every dependency, exactly as the lockfile says (postinstall runs `prisma generate`) ----
FROM node:20-slim AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 NO_UPDATE_NOTIFIER=1
# prisma generate's schema (postinstall) must be present when `npm ci` runs
COPY package.json package-lock.json ./
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund

# ---- build: next build (output: "standalone") + serwist build (public/sw.js) + standalone copy ----
FROM deps AS build
ARG GIT_SHA=unknown
ENV GIT_SHA=${GIT_SHA}
COPY . .
# (npm run build ends with scripts/standalone.mjs: public/ and .next/static copied beside server.js)
RUN npm run build

# ---- migrate: `npm run db:migrate` (tsx + Prisma's wasm schema engine + prisma/migrations) ----
# The wasm engine and tsx are devDependencies, so this stage keeps the full node_modules.
FROM node:20-slim AS migrate
WORKDIR /app
ENV NODE_ENV=production NO_UPDATE_NOTIFIER=1
COPY --from=deps /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY prisma ./prisma
COPY scripts ./scripts
COPY lib ./lib
COPY --from=deps /app/lib/db/generated ./lib/db/generated
USER node
CMD ["npm", "run", "--silent", "db:migrate"]

# ---- runtime: only the standalone server, its traced node_modules, public/ and .next/static ----
FROM node:20-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
COPY --from=build --chown=node:node /app/.next/standalone ./
USER node
EXPOSE 3000
# liveness: the process answers (readiness, /api/ready, also needs the database and migrations)
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "server.js"]
