#!/usr/bin/env bash
# The HTML report on a corpus: how long it takes to write next to 'classify --format jsonl' on the
# same corpus, its size, and how fast Chromium opens it next to the corpus's plain text.
# Usage: bench/run-report.sh CORPUS.jsonl [REPEATS]
# Needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
corpus="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
./mvnw -B -q -Pbench -DskipTests package -pl bench -am > /dev/null
./frametag --version > /dev/null   # build the launcher's jars before timing
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
/usr/bin/time -f "classify --format jsonl: %e s wall, peak RSS %M KB" \
  ./frametag classify --format jsonl -q -o "$tmp/out.jsonl" "$corpus"
/usr/bin/time -f "report:                  %e s wall, peak RSS %M KB" \
  ./frametag report -o "$tmp/report.html" "$corpus"
java -cp "bench/target/classes:bench/target/lib/*" org.frametag.bench.ReportLoad "$tmp/report.html" "$corpus" "${2:-5}"
