#!/usr/bin/env bash
# Runs the frametag Spark job in local mode with Spark on the classpath (the launcher behind
# './frametag spark'), building the spark module first when the build is missing or older than
# the sources. On a cluster use spark-submit with spark/target/frametag-spark-cluster.jar instead.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
target="$root/spark/target"
jar="$target/frametag-spark.jar"
classpath_file="$target/classpath"     # the module's classpath with the provided Spark jars

needs_build() {
  [ -f "$jar" ] && [ -f "$classpath_file" ] || return 0
  [ -n "$(find "$root/pom.xml" "$root/core" "$root/rules" "$root/spark" \( -path '*/target' -prune \) -o -newer "$jar" \
      -type f \( -name '*.java' -o -name '*.drl' -o -name '*.txt' -o -name 'pom.xml' -o -name '*.properties' \) \
      -print -quit 2>/dev/null)" ]
}

if needs_build; then
  echo "frametag: building the spark module (first run or sources changed)..." >&2
  log="$(mktemp)"
  if ! (cd "$root" && ./mvnw -B -q -DskipTests package -pl spark -am) > "$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "frametag: build failed; run './mvnw -B package -pl spark -am' in $root for details" >&2
    exit 1
  fi
  rm -f "$log"
  touch "$jar"
fi

# Spark's own module options for Java 17 (what spark-submit adds itself; Spark's JavaModuleOptions).
jvm_opts=(-XX:+IgnoreUnrecognizedVMOptions
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Dio.netty.tryReflectionSetAccessible=true)
# Local mode: the driver is the executor, and its heap holds Spark's cache of the job's results.
jvm_opts+=(-Xmx4g -Dlog4j2.configurationFile="$root/spark/log4j2-local.properties")
# Spark binds to the machine's network address unless told otherwise; local mode stays on loopback.
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"

classpath="$jar:$(cat "$classpath_file")"

# Class data sharing, as the CLI's launcher does: Spark loads thousands of classes from 220 jars
# before the first document is read. The first run after a build records the classes it loaded
# in an archive as it exits (a few seconds more); later runs map them instead of loading them
# again, which takes about 5 s of CPU time off every run. Only a job that ran (exit 0 or 2) leaves
# its archive, not '--help' or a usage error. An archive older than the build is recorded again;
# a JVM that cannot use the archive runs without it. FRAMETAG_SPARK_CDS=off turns it off.
archive="$target/frametag-spark.jsa"
jvm_opts+=(-Xlog:disable -Xlog:all=warning:stderr -Xlog:'cds*=off':stderr)
if [ "${FRAMETAG_SPARK_CDS:-on}" != off ]; then
  if [ -f "$archive" ] && [ -n "$(find "$jar" "$classpath_file" -newer "$archive" -print -quit)" ]; then
    rm -f "$archive"
  fi
  runs_job=false
  for arg in "$@"; do
    case "$arg" in
      -i|--input|--input=*|-i?*) runs_job=true ;;
      -h|--help|-V|--version) runs_job=false; break ;;
    esac
  done
  if [ ! -f "$archive" ] && [ -w "$target" ] && $runs_job; then
    partial="$archive.$$"
    status=0
    java "${jvm_opts[@]}" -XX:ArchiveClassesAtExit="$partial" ${FRAMETAG_JAVA_OPTS:-} -cp "$classpath" \
      org.frametag.spark.SparkMain "$@" || status=$?
    if [ -f "$partial" ] && { [ "$status" = 0 ] || [ "$status" = 2 ]; }; then
      mv -f "$partial" "$archive"
    fi
    rm -f "$partial"
    exit "$status"
  fi
  [ -f "$archive" ] && jvm_opts+=(-XX:SharedArchiveFile="$archive")
fi

# FRAMETAG_JAVA_OPTS comes last, so its options win.
exec java "${jvm_opts[@]}" ${FRAMETAG_JAVA_OPTS:-} -cp "$classpath" org.frametag.spark.SparkMain "$@"
