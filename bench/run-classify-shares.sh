#!/usr/bin/env bash
# Where a warm classifier's time goes (ClassifyShares): analysis alone, classification, and the
# analysis timed between classifications, by thread CPU time, best of ROUNDS passes.
# Usage: bench/run-classify-shares.sh CORPUS.txt [ROUNDS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="$(readlink -f "$1")"
cd "$root"
rm -f bench/target/lib/frametag-*   # copy-dependencies leaves stale frametag jars in place
./mvnw -B -q -Pbench -DskipTests package -pl bench -am > /dev/null
exec java -XX:+UseSerialGC -Xms192m -Xmn96m -Xmx1g -cp "bench/target/classes:bench/target/lib/*" \
  org.frametag.bench.ClassifyShares "$corpus" "${2:-5}"
