#!/usr/bin/env bash
# Load test of the running service on the embedded store (see docs/performance.md). Not part of ./mvnw verify.
# Builds the jar, starts it with a 512 MiB heap on a fresh data directory, measures start to first 201 (with
# java -jar, then with engine-app/run.sh, which the load then runs on),
# drives load with LoadDriver, prints throughput, latency percentiles, the raw store insert rate and the
# service's resident memory, then stops the service. Traffic goes to 127.0.0.1 only.
#   engine-app/load/load-test.sh [requests=20000] [clients=4] [rate=300] [rateSeconds=20]
# KEEP_LOG=path copies the service's log there on exit (the data directory, log included, is deleted).
# JAVA_OPTS adds options to the service's JVM (e.g. a flight recording).
set -euo pipefail
cd "$(dirname "$0")/../.."
requests=${1:-20000}; clients=${2:-4}; rate=${3:-300}; rate_seconds=${4:-20}
http_port=18181; store_port=18182
data=$(mktemp -d); log="$data/service.log"

./mvnw -q -B -DskipTests install
./mvnw -q -B -pl engine-app dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$data/cp.txt"
cp="engine-app/target/test-classes:engine-app/target/classes:$(cat "$data/cp.txt")"

engine-app/run.sh --prepare
body=$(python3 -c "import json;print(json.dumps(json.load(open('fixtures/worked-cases/case-1-tao.json'))['request']))")
# The first start's intake key of a data directory ("" until the service has written it).
intake_key() { sed -n 's/.*"apiKey":"\([^"]*\)".*/\1/p' "$1/initial-credentials.json" 2>/dev/null || true; }
first_201() {
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
             -H "Authorization: Bearer $(intake_key "$2")" --data "$body" \
             http://127.0.0.1:$http_port/api/v1/decisions)" = "201" ]; do sleep 0.05; done
  echo "start to first 201, $1: $(( ($(date +%s%N) - started) / 1000000 )) ms"
}

# The plain jar first, for comparison; then the faster start (engine-app/run.sh), which the load runs on.
started=$(date +%s%N)
java -Xmx512m ${JAVA_OPTS:-} -jar engine-app/target/engine-app-1.0.0.jar --server.port=$http_port \
     --pln.storage.data-dir="$data/plain" --pln.storage.embedded-port=$store_port > "$data/plain.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; [ -n "${KEEP_LOG:-}" ] && cp "$log" "$KEEP_LOG"; rm -rf "$data"' EXIT
first_201 "java -jar" "$data/plain"
kill $pid; wait $pid 2>/dev/null || true

started=$(date +%s%N)
JAVA_OPTS="-Xmx512m ${JAVA_OPTS:-}" engine-app/run.sh --server.port=$http_port \
     --pln.storage.data-dir="$data" --pln.storage.embedded-port=$store_port > "$log" 2>&1 &
pid=$!
first_201 "engine-app/run.sh" "$data"
export PLN_API_KEY; PLN_API_KEY=$(intake_key "$data")

# The embedded store answers only with its per-start secret; the file holding it is readable by this user only.
# Its path, not its content, goes on the command line (which every local user can see in ps).
mongo="$data/embedded-store.uri"
echo "--- warm-up"
java -cp "$cp" dev.pln.service.load.LoadDriver "http://127.0.0.1:$http_port" "$mongo" 2000 "$clients" 0 | head -2
echo "--- throughput"
java -cp "$cp" dev.pln.service.load.LoadDriver "http://127.0.0.1:$http_port" "$mongo" "$requests" "$clients" 0
echo "--- fixed rate"
java -cp "$cp" dev.pln.service.load.LoadDriver "http://127.0.0.1:$http_port" "$mongo" $((rate * rate_seconds)) "$clients" "$rate"
echo "service resident memory: $(grep VmRSS /proc/$pid/status | awk '{print $2/1024 " MiB"}') (heap limit 512 MiB)"
