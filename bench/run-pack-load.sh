#!/usr/bin/env bash
# Loads the bundled pack with a generated 1,000,000-entry term list in a fresh JVM with the
# launcher's settings, against the same pack with 1,000 entries in the same JVM (PackLoad).
# With BASELINE_LIB (the bench/target/lib folder of another build), the two builds take turns,
# ROUNDS times each, so before and after come from the same run.
# Usage: bench/run-pack-load.sh [ROUNDS [BASELINE_LIB]]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
rm -f bench/target/lib/frametag-*   # copy-dependencies leaves stale frametag jars in place
./mvnw -B -q -Pbench -DskipTests package -pl bench -am > /dev/null
opts=(-XX:+UseSerialGC -Xms192m -Xmn96m -Xmx1g)   # the launcher's defaults
for round in $(seq "${1:-3}"); do
  echo "this build:"
  java "${opts[@]}" -cp "bench/target/classes:bench/target/lib/*" org.frametag.bench.PackLoad
  if [ -n "${2:-}" ]; then
    echo "baseline:"
    java "${opts[@]}" -cp "bench/target/classes:$2/*" org.frametag.bench.PackLoad
  fi
done
