#!/usr/bin/env bash
# The built app (`npm run build` first) serving a bench:nearby database, for BENCH_URL: the
# standalone production server with throwaway secrets and no provider keys (cash-out, charging and
# text sign-in off, e-mail as the sandbox twin, Square keys placeholders: nothing here calls out),
# in-process rate limits, jobs off.
#   BENCH_DB=nerava_bench_… [PORT=3400] [BENCH_SERVER=postgresql://postgres@127.0.0.1:5432] scripts/bench-nearby-serve.sh
set -euo pipefail
: "${BENCH_DB:?BENCH_DB=nerava_bench_… (a database kept by npm run bench:nearby with BENCH_KEEP=1)}"
PORT=${PORT:-3400}
exec env NODE_ENV=production PORT="$PORT" HOSTNAME=127.0.0.1 \
  DATABASE_URL="${BENCH_SERVER:-postgresql://postgres@127.0.0.1:5432}/$BENCH_DB" REDIS_URL= JOBS_ENABLED=false \
  NEXTAUTH_URL="http://127.0.0.1:$PORT" NEXTAUTH_SECRET="bench-$(head -c 24 /dev/urandom | base64 | tr -d '/+=')" \
  TOKEN_ENCRYPTION_KEY="$(head -c 32 /dev/urandom | base64)" METRICS_TOKEN=bench \
  PAYOUTS_ENABLED=false CHARGING_ENABLED=false SMS_SIGNIN_ENABLED=false SANDBOX_PROVIDERS=email \
  SQUARE_APPLICATION_ID=bench SQUARE_APPLICATION_SECRET=bench SQUARE_WEBHOOK_SIGNATURE_KEY=bench \
  node .next/standalone/server.js
