#!/usr/bin/env bash
# JMH benchmarks with MB/s and sentences/s; arguments go to JMH (e.g. EngineBenchmark -f 1 -wi 3 -i 5).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./mvnw -B -q -Pbench -DskipTests package -pl bench -am > /dev/null
exec java -cp "bench/target/classes:bench/target/lib/*" org.frametag.bench.BenchMain "$@"
