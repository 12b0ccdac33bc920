#!/usr/bin/env bash
# Page benchmark (issue 7): starts the server on a fresh data directory and a free port, with a local chain when
# Node is there (as ./dcop serve), then loads its public pages over loopback with PageLoadMain and stops it.
# Usage: bench/pages.sh [--clients=8] [--seconds=10] [--warmup=3]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests package -pl app,bench -am
DATA=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
PASSWORD="bench $(date +%s) passphrase"
DCOP_DATA_DIR="$DATA" DCOP_PORT="$PORT" DCOP_PUBLIC_URL="http://localhost:$PORT" DCOP_ADMIN_EMAIL=bench@localhost \
  DCOP_ADMIN_PASSWORD="$PASSWORD" java -jar app/target/dcop.jar serve >"$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://localhost:$PORT/health" >/dev/null && break
  sleep 0.5
done
uptime
java -cp bench/target/benchmarks.jar org.saypro.dcop.bench.PageLoadMain --base="http://localhost:$PORT" \
  --email=bench@localhost --password="$PASSWORD" "$@"
uptime
