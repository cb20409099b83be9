#!/usr/bin/env bash
# Runs the built service with a faster start than `java -jar` (see docs/performance.md, "Start"): the jar is
# unpacked into engine-app/target/run and started with an application class-data-sharing archive of the classes
# that a start and a first decision load. The archive is made once per build and Java, by a training run of
# about 15 seconds on a scratch data directory (free ports, security off, nothing of yours touched). If making it
# fails, the service starts all the same, only slower. Arguments and JAVA_OPTS go to the service, as with
# `java -jar`; `--prepare` only makes the archive.
#   ./mvnw -B -DskipTests package && engine-app/run.sh [--server.port=8080 ...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jar="$root/engine-app/target/engine-app-1.0.0.jar"
run="$root/engine-app/target/run"
app="$run/engine-app-1.0.0.jar"
archive="$run/pln.jsa"
stamp="$run/made-from"

if [ ! -f "$jar" ]; then
  echo "No $jar yet: build it first with ./mvnw -B -DskipTests package" >&2
  exit 1
fi

# Decides one worked case on a scratch instance that writes the archive when it stops.
train() {
  local scratch log port body pid status
  scratch=$(mktemp -d)
  log="$scratch/training.log"
  env -u SPRING_MONGODB_URI -u PLN_SECURITY_ENABLED java -XX:ArchiveClassesAtExit="$archive" -jar "$app" \
      --server.port=0 --pln.storage.data-dir="$scratch/data" --pln.security.enabled=false > "$log" 2>&1 &
  pid=$!
  port=""
  for _ in $(seq 1 600); do
    port=$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$log" | head -1)
    [ -n "$port" ] || ! kill -0 "$pid" 2>/dev/null && break
    sleep 0.1
  done
  if [ -n "$port" ]; then
    body=$(python3 -c "import json,sys;print(json.dumps(json.load(open(sys.argv[1]))['request']))" \
           "$root/fixtures/worked-cases/case-1-tao.json" 2>/dev/null || echo '{}')
    for _ in $(seq 1 600); do
      status=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
               --data "$body" "http://127.0.0.1:$port/api/v1/decisions" || true)
      [ "$status" = "201" ] || [ "$body" = "{}" ] && break
      sleep 0.1
    done
    curl -s -o /dev/null "http://127.0.0.1:$port/api/v1/decisions?size=5" || true
    curl -s -o /dev/null "http://127.0.0.1:$port/review/decisions" || true
  fi
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$scratch"
  [ -n "$port" ] && [ -s "$archive" ]
}

made_from="$(sha256sum "$jar" | cut -c1-16) $(java -version 2>&1 | head -1)"
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$made_from" ]; then
  echo "Preparing a faster start (once per build): unpacking the jar and a training run of about 15 s ..." >&2
  rm -rf "$run"
  java -Djarmode=tools -jar "$jar" extract --destination "$run" > /dev/null
  if ! train; then
    rm -f "$archive"
    echo "The class-data-sharing archive could not be made; this build starts without it." >&2
  fi
  echo "$made_from" > "$stamp"
fi
if [ "${1:-}" = "--prepare" ]; then
  exit 0
fi

cds=()
if [ -s "$archive" ]; then
  cds=(-XX:SharedArchiveFile="$archive")
fi
# shellcheck disable=SC2086 # JAVA_OPTS holds several options on purpose
exec java ${JAVA_OPTS:-} "${cds[@]}" -jar "$app" "$@"
