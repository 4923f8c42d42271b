#!/usr/bin/env bash
# replication-router side by side: read-only transactions through the router against a plain HikariCP pool
# (routing overhead), then replica lag under a sustained write load. Starts its own primary + 2 replicas
# (real mariadbd, ports 25306-25308, data in a temporary folder) and stops them at the end.
#
# Usage: bench/router-benchmark.sh [-Dbench.NAME=VALUE ...]
#   bench.threads=8 bench.pool=<threads> bench.seconds=10 bench.warmupSeconds=10 bench.repeats=5 bench.rows=1000
#   bench.writeThreads=4 bench.writeSeconds=30 bench.sampleMillis=100 bench.basePort=25306 bench.keepDir=false
# The defaults take about 5 minutes after the build. See RouterBenchmark's Javadoc and docs/benchmarks.md.
set -euo pipefail
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

echo "# bench/router-benchmark.sh $*"
echo "# $(date -u '+%F %T UTC'), $(hostname), nproc=$(nproc), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)," \
  "$(. /etc/os-release && echo "$PRETTY_NAME"), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
echo "# load average before the build: $(cut -d' ' -f1-3 /proc/loadavg)"

# The router and mariadb-runtime, then the benchmark's test classpath (no exec plugin: its managed version is
# not in the offline repository; a plain java also keeps a Maven JVM out of the measurement).
./mvnw -q -o -pl replication-router -am install -DskipTests
classpath_file="$root/replication-router/target/bench-classpath.txt"
./mvnw -q -o -pl replication-router dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$classpath_file"
classpath="replication-router/target/test-classes:replication-router/target/classes:$(cat "$classpath_file")"

command=("$JAVA_HOME/bin/java" -Xms512m -Xmx512m "$@" -cp "$classpath" com.foobar.infra.router.bench.RouterBenchmark)
echo "# load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# command: $JAVA_HOME/bin/java -Xms512m -Xmx512m $* -cp <replication-router test classpath>" \
  "com.foobar.infra.router.bench.RouterBenchmark"
status=0
"${command[@]}" || status=$?
echo "# load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
