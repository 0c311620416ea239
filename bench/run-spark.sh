#!/usr/bin/env bash
# The Spark job in local mode against the CLI, with the same number of cores, in one run.
# Usage: bench/run-spark.sh CORPUS.jsonl [TIMES [ROUNDS]]
#   CORPUS.jsonl: JSON Lines whose lines start with {"id": ...; it is repeated TIMES times (default 8)
#   with unique ids, in a temporary folder. Each round runs the CLI, then the job (default 2 rounds).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
corpus="$1"
times="${2:-8}"
rounds="${3:-2}"
cores="$(nproc)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

for k in $(seq 1 "$times"); do
  sed "s/^{\"id\": *\"\([^\"]*\)\"/{\"id\": \"\1-$k\"/" "$corpus"
done > "$tmp/corpus.jsonl"
echo "corpus: $corpus x$times, $(wc -l < "$tmp/corpus.jsonl") documents, $(du -m "$tmp/corpus.jsonl" | cut -f1) MB; $cores cores"

./frametag --version > /dev/null          # build both launchers before timing
./frametag spark --help > /dev/null
# a first small job records the Spark launcher's class-data archive and, as a first CLI run does, caches the
# compiled pack: every later run, the timed ones included, starts from both (docs/spark.md)
head -n 20 "$tmp/corpus.jsonl" > "$tmp/warm-up.jsonl"
./frametag classify -q -o /dev/null "$tmp/warm-up.jsonl"
./frametag spark -q --master "local[$cores]" --input "$tmp/warm-up.jsonl" --output "$tmp/warm-up" 2> /dev/null

calc() { awk "BEGIN { printf \"%.2f\", $1 }"; }
# wall seconds and CPU seconds (user + system) of a command, from /usr/bin/time
timed() { /usr/bin/time -f "%e %U %S" -o "$tmp/time" "$@"; read -r wall user sys < "$tmp/time"; cpu=$(calc "$user + $sys"); }
for round in $(seq 1 "$rounds"); do
  timed ./frametag classify --format jsonl -q -j "$cores" -o "$tmp/cli.jsonl" "$tmp/corpus.jsonl"
  cli_wall=$wall cli_cpu=$cpu
  timed ./frametag spark --master "local[$cores]" --overwrite --input "$tmp/corpus.jsonl" --output "$tmp/spark" 2> "$tmp/spark.log"
  job=$(grep -o 'classified in [0-9.]* s' "$tmp/spark.log" | grep -o '[0-9.]*')
  printf 'round %d: cli   %6.1f s wall %6.1f s CPU, %d records\n' "$round" "$cli_wall" "$cli_cpu" "$(wc -l < "$tmp/cli.jsonl")"
  printf '         spark %6.1f s wall %6.1f s CPU, %d records; the job alone (session up) %.1f s wall\n' \
    "$wall" "$cpu" "$(cat "$tmp"/spark/sentences/part-* | wc -l)" "$job"
  printf '         ratio spark/cli: wall %.2f, CPU %.2f, job alone/cli wall %.2f\n' \
    "$(calc "$wall / $cli_wall")" "$(calc "$cpu / $cli_cpu")" "$(calc "$job / $cli_wall")"
done
