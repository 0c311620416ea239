#!/usr/bin/env bash
# Cold runs of the launcher, as a user meets them: classify with 1 job and with the default jobs,
# segment, and one short document; best wall time of REPEATS, runs interleaved. With BASELINE
# (the frametag launcher of another build), each figure is also given as a ratio to the same
# command of that build, measured in the same rounds; outputs of both must be byte-identical.
# Usage: bench/run-cold.sh CORPUS.jsonl [REPEATS [BASELINE]]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
repeats="${2:-3}"
baseline="${3:-}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
head -c 400 "$root/seeds/docs/000_f2b259ef6d075bec.txt" > "$tmp/one.txt"
mb=$(awk -v b="$(stat -c %s "$corpus")" 'BEGIN { printf "%.1f", b / 1e6 }')

builds=(new)
declare -A launcher=([new]="$root/frametag")
if [ -n "$baseline" ]; then
  builds+=(baseline)
  launcher[baseline]="$baseline"
fi
for b in "${builds[@]}"; do "${launcher[$b]}" --version > /dev/null; done   # build, record the class-data archive

names=("classify --jobs 1" "classify, default jobs" "segment, default jobs" "one short document")
run() {   # run BUILD INDEX: the command's wall seconds; its output in $tmp/BUILD.INDEX.out
  local exe="${launcher[$1]}" out="$tmp/$1.$2.out" index="$2"
  case $index in
    0) set -- "$exe" classify --format jsonl -q --jobs 1 -o "$out" "$corpus" ;;
    1) set -- "$exe" classify --format jsonl -q -o "$out" "$corpus" ;;
    2) set -- "$exe" segment --format jsonl "$corpus" ;;
    3) set -- "$exe" classify -q -o "$out" "$tmp/one.txt" ;;
  esac
  local start end
  start=$(date +%s.%N)
  if [ "$index" = 2 ]; then "$@" > "$out"; else "$@"; fi
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }'
}
declare -A best
for round in $(seq 1 "$repeats"); do
  for i in 0 1 2 3; do
    for b in "${builds[@]}"; do
      t=$(run "$b" "$i")
      if [ -z "${best[$b.$i]:-}" ] || awk -v t="$t" -v m="${best[$b.$i]}" 'BEGIN { exit !(t < m) }'; then
        best[$b.$i]=$t
      fi
    done
  done
done
echo "corpus: $corpus, $mb MB; $(nproc) cores; best of $repeats cold runs, interleaved"
for i in 0 1 2 3; do
  line=$(printf '%-24s %7.2f s' "${names[$i]}" "${best[new.$i]}")
  [ "$i" != 3 ] && line+=$(awk -v t="${best[new.$i]}" -v mb="$mb" 'BEGIN { printf "  %6.2f MB/s", mb / t }')
  if [ -n "$baseline" ]; then
    line+=$(awk -v t="${best[new.$i]}" -v b="${best[baseline.$i]}" 'BEGIN { printf "   baseline %7.2f s   speed-up %.2fx", b, b / t }')
    cmp -s "$tmp/new.$i.out" "$tmp/baseline.$i.out" && line+="  same output" || line+="  OUTPUT DIFFERS"
  fi
  echo "$line"
done
awk -v c="${best[new.1]}" -v s="${best[new.2]}" 'BEGIN { printf "ratio classify/segment throughput, default jobs: %.2f\n", s / c }'
awk -v one="${best[new.0]}" -v two="${best[new.1]}" 'BEGIN { printf "ratio default jobs / 1 job throughput: %.2f\n", one / two }'
