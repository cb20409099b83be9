#!/usr/bin/env bash
# Runs the built service with a faster start than `java -jar` (see docs/performance.md, "Start"): the jar is
# unpacked into engine-app/target/run-<build> and started with an application class-data-sharing archive of the
# classes that a start and a first decision load. The archive is made once per build and Java, by a training run
# of about 15 seconds: a scratch instance in a scratch directory, with an empty environment (no settings, no
# MongoDB URI) and its own embedded store on free ports, decides one worked case and stops —
# nothing of yours is read or touched. If that fails, the service starts all the same, only slower, and
# `--prepare` tries again. Arguments and JAVA_OPTS go to the service, as with `java -jar`; `--prepare` only makes
# the archive.
#   ./mvnw -B -DskipTests package && engine-app/run.sh [--server.port=8080 ...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
target="$root/engine-app/target"
jar="$target/engine-app-1.0.0.jar"

if [ ! -f "$jar" ]; then
  echo "No $jar yet: build it first with ./mvnw -B -DskipTests package" >&2
  exit 1
fi
java=$(command -v java) || { echo "No java on the PATH: install a JDK 17 or newer" >&2; exit 1; }
build=$(sha256sum "$jar" 2> /dev/null || shasum -a 256 "$jar" 2> /dev/null || true)
build=${build:0:16}
runtime=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.\(home\|vm\.version\) = //p' | tr '\n' ' ')
if [ ${#build} -ne 16 ] || [ -z "$runtime" ]; then
  echo "Cannot tell this build or Java apart from others; starting without the faster start." >&2
  exec "$java" ${JAVA_OPTS:-} -jar "$jar" "$@"
fi
# One directory per build, so that a rebuild never pulls the files from under a running instance.
run="$target/run-$build"
app="$run/engine-app-1.0.0.jar"
archive="$run/pln.jsa"
stamp="$run/made-for"

# One value of the first start's credentials file in a data directory ("" until the file is there).
credential() {
  sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p" "$2/initial-credentials.json" 2>/dev/null || true
}

# Decides one worked case on a scratch instance that writes the archive when it stops.
train() {
  local scratch log port body pid status key password
  scratch=$(mktemp -d)
  log="$scratch/training.log"
  (cd "$scratch" && exec env -i PATH="$PATH" HOME="$scratch" "$java" -XX:ArchiveClassesAtExit="$archive" \
      -jar "$app" --server.port=0 --pln.storage.embedded=true --pln.storage.data-dir="$scratch/data" \
      > "$log" 2>&1) &
  pid=$!
  trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$scratch"; exit 130' INT TERM
  port=""
  for _ in $(seq 1 600); do
    port=$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$log" | head -1)
    [ -n "$port" ] || ! kill -0 "$pid" 2>/dev/null && break
    sleep 0.1
  done
  if [ -n "$port" ]; then
    body=$(python3 -c "import json,sys;print(json.dumps(json.load(open(sys.argv[1]))['request']))" \
           "$root/fixtures/worked-cases/case-1-tao.json" 2>/dev/null || echo '{}')
    # Security is on, as in every real start: the scratch instance's first-start credentials sign the calls in.
    key=$(credential apiKey "$scratch/data")
    password=$(credential password "$scratch/data")
    for _ in $(seq 1 600); do
      status=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
               -H "Authorization: Bearer $key" --data "$body" "http://127.0.0.1:$port/api/v1/decisions" || true)
      [ "$status" = "201" ] || [ "$body" = "{}" ] && break
      sleep 0.1
    done
    curl -s -o /dev/null -H "Authorization: Bearer $key" "http://127.0.0.1:$port/api/v1/decisions?size=5" || true
    curl -s -o /dev/null -u "admin:$password" "http://127.0.0.1:$port/review/decisions" || true
  fi
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  trap - INT TERM
  rm -rf "$scratch"
  [ -n "$port" ] && [ -s "$archive" ]
}

prepare() {
  echo "Preparing a faster start (once per build): unpacking the jar and a training run of about 15 s ..." >&2
  local unpacked
  unpacked=$(mktemp -d "$run.XXXXXX")
  "$java" -Djarmode=tools -jar "$jar" extract --force --destination "$unpacked" > /dev/null
  rm -rf "$run"
  mv "$unpacked" "$run"
  echo "$runtime" > "$run/tried"
  if train; then
    echo "$runtime" > "$stamp"
  else
    rm -f "$archive"
    echo "The class-data-sharing archive could not be made; starting without it (engine-app/run.sh --prepare" \
         "tries again)." >&2
  fi
  # Older builds' directories: only the newest two are kept.
  find "$target" -maxdepth 1 -type d -name 'run-????????????????' -printf '%T@ %p\n' | sort -rn | tail -n +3 \
      | cut -d' ' -f2- | xargs -r rm -rf
}

if [ "${1:-}" = "--prepare" ]; then
  [ -s "$archive" ] && [ "$(cat "$stamp" 2>/dev/null || true)" = "$runtime" ] || prepare
  [ -s "$archive" ]
  exit
fi
# Made once per build and Java; after a failed try, only --prepare tries again.
if [ ! -f "$app" ] || [ "$(cat "$run/tried" 2>/dev/null || true)" != "$runtime" ]; then
  prepare
fi

cds=()
if [ -s "$archive" ] && [ "$(cat "$stamp" 2>/dev/null || true)" = "$runtime" ]; then
  cds=(-XX:SharedArchiveFile="$archive")
fi
# shellcheck disable=SC2086 # JAVA_OPTS holds several options on purpose
exec "$java" ${JAVA_OPTS:-} ${cds[@]+"${cds[@]}"} -jar "$app" "$@"
