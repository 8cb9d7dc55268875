#!/usr/bin/env bash
# Fleet benchmark, one command from a clean clone (see bench/README.md):
#
#   bench/fleet.sh [rows=1000] [accounts=5] [perAccountLimit=10] [stackSeconds=2] [maxInFlight=1000]
#
# Runs bench/FleetBenchmark.java: the rows on the ideal schedule under the same limits against the CloudFormation
# simulator (ExecutionBenchmark's reference driver), then the same fleet through the portal as users make one (one API
# call, one approval) executed by a worker process on an embedded PostgreSQL 17 against the same simulator. The last
# line is `RESULT {json}`: submission and approval time, makespan, ideal, ratios, most in flight per account, worker
# CPU per row and RSS, load before and after.
#
# Environment: BENCH_SKIP_BUILD=1 reuses target/; JAVA_OPTS adds options for the benchmark's JVM, e.g.
# "-Dthreads=16 -Dpool=24" (the worker's scheduler threads and pool) or "-Dworker.<property>=<value>".
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

bench_classpath
RUN="target/bench/fleet-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$RUN"
echo "Output also in $RUN/fleet.txt (the worker's log: target/workers/bench-fleet.log)" >&2
# shellcheck disable=SC2086 # JAVA_OPTS are words
"$JAVA" ${JAVA_OPTS:-} -cp "$CLASSPATH_ALL" bench/FleetBenchmark.java "${1:-1000}" "${2:-5}" "${3:-10}" "${4:-2}" \
  "${5:-1000}" 2>&1 | tee "$RUN/fleet.txt" | grep -v -E '^[0-9:.]+ \[(postgres|pg_ctl|initdb|main|Thread)'
