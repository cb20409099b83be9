#!/usr/bin/env bash
# Checks the faster start on the built jar: engine-app/run.sh makes its class-data-sharing archive, starts the
# service on a scratch data directory with -Xshare:on (the JVM refuses to start if the archive cannot be used),
# and the first decision must be answered 201 within 90 s. Prints the time to it, then stops the service.
# Run by .ci/run after ./mvnw verify; needs curl and python3.
#   engine-app/load/start-check.sh [port=18190]
set -euo pipefail
cd "$(dirname "$0")/../.."
port=${1:-18190}
if ! java -Xshare:on -version > /dev/null 2>&1; then
  echo "start check skipped: this Java has no class-data-sharing base archive (run.sh starts without one)"
  exit 0
fi
data=$(mktemp -d)
pid=""
trap '[ -z "$pid" ] || { kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; }; rm -rf "$data"' EXIT
if ! engine-app/run.sh --prepare; then
  echo "start check: no class-data-sharing archive was made" >&2
  exit 1
fi
body=$(python3 -c "import json;print(json.dumps(json.load(open('fixtures/worked-cases/case-1-tao.json'))['request']))")
started=$(date +%s%N)
JAVA_OPTS="-Xshare:on" engine-app/run.sh --server.port="$port" --pln.storage.data-dir="$data" > "$data/log" 2>&1 &
pid=$!
status=""
for _ in $(seq 1 1800); do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "start check: the service stopped before answering:" >&2
    tail -20 "$data/log" >&2
    exit 1
  fi
  # Secure by default: the first start's intake key, as soon as the service has written it.
  key=$(sed -n 's/.*"apiKey":"\([^"]*\)".*/\1/p' "$data/initial-credentials.json" 2>/dev/null || true)
  status=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' --data "$body" \
           -H "Authorization: Bearer $key" "http://127.0.0.1:$port/api/v1/decisions" || true)
  [ "$status" = "201" ] && break
  sleep 0.05
done
if [ "$status" != "201" ]; then
  echo "start check: no 201 within 90 s (last status $status)" >&2
  exit 1
fi
elapsed=$(( ($(date +%s%N) - started) / 1000000 ))
echo "start check: first decision answered 201 ${elapsed} ms after start (engine-app/run.sh)"
