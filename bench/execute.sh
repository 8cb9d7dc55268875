#!/usr/bin/env bash
# Execution benchmark, one command from a clean clone (see bench/README.md):
#
#   bench/execute.sh [requests=1000] [limit=50] [stackSeconds=2]
#
# Runs bench/ExecutionBenchmark.java: the requests on the ideal schedule against the CloudFormation simulator (a
# reference driver that waits for nothing but AWS), then the same requests executed by the portal as a worker process
# (its db-scheduler, admission control and change-set executor) on an embedded PostgreSQL 17 against the same
# simulator. The last line is `RESULT {json}`: makespan, ideal, ratios, status calls per stack, duplicate mutating
# calls, most in flight, where a request's time in its slot goes, peak heap and RSS, load before and after.
#
# Environment: BENCH_SKIP_BUILD=1 reuses target/; JAVA_OPTS adds options for the benchmark's JVM, e.g.
# "-Dthreads=16 -Dpool=24" (the worker's scheduler threads and pool) or "-Dworker.vendo.scheduler.polling-interval=5s".
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

bench_classpath
RUN="target/bench/execute-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$RUN"
echo "Output also in $RUN/execute.txt (the worker's log: target/workers/bench.log)" >&2
# shellcheck disable=SC2086 # JAVA_OPTS are words
"$JAVA" ${JAVA_OPTS:-} -cp "$CLASSPATH_ALL" bench/ExecutionBenchmark.java "${1:-1000}" "${2:-50}" "${3:-2}" 2>&1 \
  | tee "$RUN/execute.txt" | grep -v -E '^[0-9:.]+ \[(postgres|pg_ctl|initdb|main|Thread)'
