#!/usr/bin/env bash
# What a change to a rule pack costs: the packs classify one corpus in one JVM, taking turns pass
# by pass, each reported by its best pass as a ratio to the first pack's (PackThroughput). Put the pack
# before a change first and the changed pack after it.
# Usage: bench/run-pack-throughput.sh CORPUS.txt ROUNDS PACK_FOLDER...
# A folder written PACK_FOLDER+drools-reset loads with Drools' own session reset instead of the lean one.
set -euo pipefail
if [ $# -lt 3 ]; then
  echo "usage: bench/run-pack-throughput.sh CORPUS.txt ROUNDS PACK_FOLDER..." >&2
  exit 2
fi
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="$(readlink -f "$1")"
rounds="$2"
shift 2
packs=()
for pack in "$@"; do packs+=("$(readlink -f "$pack")"); done
cd "$root"
rm -f bench/target/lib/frametag-*   # copy-dependencies leaves stale frametag jars in place
if ! build_log="$(./mvnw -B -q -Pbench -DskipTests package -pl bench -am 2>&1)"; then
  echo "$build_log" >&2
  echo "run-pack-throughput: the bench build failed" >&2
  exit 1
fi
exec java -XX:+UseSerialGC -Xms192m -Xmn96m -Xmx4g -cp "bench/target/classes:bench/target/lib/*" \
  org.frametag.bench.PackThroughput "$corpus" "$rounds" "${packs[@]}"
