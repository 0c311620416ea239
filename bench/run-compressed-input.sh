#!/usr/bin/env bash
# What compressed input costs: classifying a JSON Lines corpus, plain against .jsonl.gz and
# .jsonl.zst, runs interleaved, with plain JSON Lines as the baseline of the same run.
# Usage: bench/run-compressed-input.sh CORPUS.jsonl [TIMES [REPEATS]]
#   the corpus is CORPUS's records TIMES over (default 8), ids made unique, in a temporary folder.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./mvnw -B -q -Pbench -DskipTests package -pl bench -am > /dev/null
cp="bench/target/classes:bench/target/lib/*"
opts=(-XX:+UseSerialGC -Xms192m -Xmn96m -Xmx1g)   # the launcher's defaults
java "${opts[@]}" -cp "$cp" org.frametag.bench.CompressedInput --corpus "$1" --times "${2:-8}" --repeats "${3:-3}"
