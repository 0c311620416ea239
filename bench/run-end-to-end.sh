#!/usr/bin/env bash
# End-to-end benchmark of frametag classify, every figure next to a baseline from the same run.
# Usage: bench/run-end-to-end.sh [CORPUS.txt [REPEATS]]
#   CORPUS.txt: news text, one article per blank-line-separated block (default: the 1 MB slice
#   shipped in bench/src/main/resources/corpus).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./mvnw -B -q -Pbench -DskipTests package -pl bench -am > /dev/null
cp="bench/target/classes:bench/target/lib/*"
corpus=()
[ -n "${1:-}" ] && corpus=(--corpus "$1")
opts=(-XX:+UseSerialGC -Xms192m -Xmn96m -Xmx1g)   # the launcher's defaults

java "${opts[@]}" -cp "$cp" org.frametag.bench.EndToEnd "${corpus[@]}" --repeats "${2:-3}"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
java -cp "$cp" org.frametag.bench.EndToEnd "${corpus[@]}" --export-jsonl "$tmp/corpus.jsonl"
if [ -x /usr/bin/time ]; then
  ./frametag --version > /dev/null   # build and record the class-data archive before timing
  /usr/bin/time -f "launcher, default settings: %e s wall, peak RSS %M KB" \
    ./frametag classify --format jsonl -q -o /dev/null "$tmp/corpus.jsonl"
  head -c 400 seeds/docs/000_f2b259ef6d075bec.txt > "$tmp/one.txt"
  for run in 1 2 3; do
    /usr/bin/time -f "launcher, one short document: %e s wall" ./frametag classify -q -o /dev/null "$tmp/one.txt"
  done
fi
