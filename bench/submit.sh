#!/usr/bin/env bash
# Submission benchmark, one command from a clean clone (see bench/README.md):
#
#   bench/submit.sh [clients=32] [seconds=30]
#
# Starts an embedded PostgreSQL 17 (bench/PostgresServer.java) and the portal on it (local profile, dry-run AWS, full
# JIT, the JVM options of the container image), warms the portal up, captures the statements of one submission and
# compares them with bench/submit-transaction.sql, runs N API clients for the given time (bench/SubmitBenchmark.java),
# stops the portal, then runs pgbench with submit-transaction.sql and the same clients on the same PostgreSQL, in a
# copy of the portal's database. The last line is `RESULT {json}`.
#
# Environment: BENCH_MEMORY_LIMIT (1g) stands for the container's memory limit (-XX:MaxRAM), BENCH_JVM_OPTIONS
# replaces the image's JAVA_TOOL_OPTIONS, BENCH_NMT=1 adds Native Memory Tracking and writes `jcmd VM.native_memory`
# summaries (idle, after the load) into the run's directory, BENCH_JFR=1 records the measured load with JFR's profile
# settings into portal.jfr there (`jfr view hot-methods portal.jfr`), BENCH_SKIP_BUILD=1 reuses target/.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

CLIENTS=${1:-32}
DURATION=${2:-30}
RUN="target/bench/submit-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$RUN"
bench_classpath
command -v pgbench >/dev/null && command -v psql >/dev/null \
  || { echo "pgbench and psql are needed (Debian: apt-get install postgresql-client)" >&2; exit 1; }

IMAGE_OPTIONS=$(sed -n 's/^ENV JAVA_TOOL_OPTIONS="\(.*\)"$/\1/p' docker/Dockerfile)
# Compiler threads that never exit, so that jit_cpu_ms sees all the JIT's CPU (a measurement aid, not a tuning).
JVM_OPTIONS="${BENCH_JVM_OPTIONS:-$IMAGE_OPTIONS} -XX:MaxRAM=${BENCH_MEMORY_LIMIT:-1g} -XX:-UseDynamicNumberOfCompilerThreads"
if [ "${BENCH_NMT:-0}" = 1 ]; then JVM_OPTIONS="$JVM_OPTIONS -XX:NativeMemoryTracking=summary"; fi

PG_PORT=$(free_port 54390)
PORTAL_PORT=$(free_port 18090)
PG_LOG="$RUN/postgres/log/postgresql.log"
export PGOPTIONS="-c client_min_messages=warning"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h localhost -p "$PG_PORT" -U postgres)
pids=()
cleanup() { for ((i = ${#pids[@]} - 1; i >= 0; i--)); do stop_process "${pids[i]}" 20; done; }
trap cleanup EXIT

echo "PostgreSQL 17 on port $PG_PORT, data in $RUN/postgres ..." >&2
"$JAVA" -cp "$CLASSPATH_ALL" bench/PostgresServer.java "$PG_PORT" "$RUN/postgres" >"$RUN/postgres.out" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do grep -q '^READY' "$RUN/postgres.out" && break; sleep 1; done
grep -q '^READY' "$RUN/postgres.out" || { cat "$RUN/postgres.out" >&2; exit 1; }
"${PSQL[@]}" -c "create database vendo"

echo "Portal on port $PORTAL_PORT with: $JVM_OPTIONS" >&2
# shellcheck disable=SC2086 # the options are words
"$JAVA" $JVM_OPTIONS -Daws.disableEc2Metadata=true -cp "$CLASSPATH_ALL" io.vendo.support.WorkerMain \
  --spring.datasource.url="jdbc:postgresql://localhost:$PG_PORT/vendo?user=postgres" \
  --server.port="$PORTAL_PORT" --vendo.aws.mode=dry-run >"$RUN/portal.log" 2>&1 &
PORTAL=$!
pids+=("$PORTAL")
await_http "http://localhost:$PORTAL_PORT/actuator/health/liveness" 300 "$PORTAL"
sleep 10
IDLE_RSS=$(rss_mb "$PORTAL")
if [ "${BENCH_NMT:-0}" = 1 ]; then "$JAVA_HOME/bin/jcmd" "$PORTAL" VM.native_memory summary >"$RUN/nmt-idle.txt"; fi
echo "Idle RSS ${IDLE_RSS} MB; warming up (4 clients, 15 s) ..." >&2
"$JAVA" bench/SubmitBenchmark.java 4 15 "http://localhost:$PORTAL_PORT" >"$RUN/warm-up.txt"

# Waits (at most 2 minutes) until every event listener is done (delivered publications are deleted) and every audit
# event is in the log (appended ones leave audit_pending).
await_listeners() {
  for _ in $(seq 1 120); do
    [ "$("${PSQL[@]}" -d vendo -At -c "select (select count(*) from event_publication) + (select count(*) from audit_pending)")" = 0 ] && return 0
    sleep 1
  done
}
# The warm-up's listeners finish first, so that the window below holds one submission's work and nothing else.
await_listeners
echo "Capturing one submission's statements ..." >&2
"${PSQL[@]}" -c "alter system set log_statement = 'all'" -c "select pg_reload_conf()" >/dev/null
sleep 1
OFFSET=$(stat -c %s "$PG_LOG")
curl -sf -o /dev/null -u requester:requester -H 'Content-Type: application/json' \
  "http://localhost:$PORTAL_PORT/api/v1/requests" \
  -d '{"blueprint": "static-website", "target": "sandbox-eu-west-1", "parameters": {"SiteName": "captured"}, "justification": "benchmark"}'
sleep 1
await_listeners
"${PSQL[@]}" -c "alter system reset log_statement" -c "select pg_reload_conf()" >/dev/null
# Everything PostgreSQL received around that submission: its transaction and those of the listeners that followed it
# (and the count queries of await_listeners, which are left out below).
tail -c +"$((OFFSET + 1))" "$PG_LOG" >"$RUN/captured-window.log"
# Transactions (BEGIN) and statements (not BEGIN, COMMIT or the capture's own) in that window.
WINDOW_JSON=$(awk '/ LOG:  (statement|execute [^:]*): / {
    sub(/.* LOG:  (statement|execute [^:]*): /, "")
    if ($0 ~ /^BEGIN/) transactions++
    else if ($0 !~ /^(COMMIT|alter system|select pg_reload_conf|select \(select count\(\*\) from event_publication\)|select exists \(select 1 from audit_pending\)| *WITH locked_executions|$)/) statements++
  } END {printf "{\"transactions\":%d,\"statements\":%d}", transactions, statements}' "$RUN/captured-window.log")
echo "One submission and its listeners: $WINDOW_JSON" >&2
if "$JAVA" bench/SubmitTransaction.java "$PG_LOG" "$OFFSET" bench/submit-transaction.sql "$RUN/captured-submission.sql" \
  >"$RUN/transaction-check.txt"; then SQL_MATCHES=true; else SQL_MATCHES=false; fi
cat "$RUN/transaction-check.txt" >&2
sleep 5

LOAD_BEFORE=$(loadavg_json)
echo "Portal: $CLIENTS clients, $DURATION s (load $LOAD_BEFORE) ..." >&2
if [ "${BENCH_JFR:-0}" = 1 ]; then
  # Deep enough for a request's whole stack (filters, controller, transaction, Hibernate): with the default 64 frames
  # the outer frames are cut off and inclusive counts (how much is under Requests.submit) come out too low.
  "$JAVA_HOME/bin/jcmd" "$PORTAL" JFR.configure stackdepth=512 >/dev/null
  "$JAVA_HOME/bin/jcmd" "$PORTAL" JFR.start name=submit settings=profile filename="$PWD/$RUN/portal.jfr" >/dev/null
fi
PORTAL_CPU_BEFORE=$(cpu_ms "$PORTAL")
JIT_CPU_BEFORE=$(jit_cpu_ms "$PORTAL")
PG_CPU_BEFORE=$(postgres_cpu_ms "$RUN/postgres")
(
  "$JAVA" bench/SubmitBenchmark.java "$CLIENTS" "$DURATION" "http://localhost:$PORTAL_PORT" "$PORTAL" >"$RUN/portal.txt"
  times >"$RUN/portal-client-times.txt"
)
# The listeners of the last submissions (audit, invitations) may still be at work: their CPU belongs to the
# submissions, so the readings wait for them (and the result says how long that took).
DRAIN_START=$SECONDS
await_listeners
LISTENER_DRAIN_SECONDS=$((SECONDS - DRAIN_START))
PORTAL_CPU=$(( $(cpu_ms "$PORTAL") - PORTAL_CPU_BEFORE ))
JIT_CPU=$(( $(jit_cpu_ms "$PORTAL") - JIT_CPU_BEFORE ))
PG_CPU_PORTAL=$(( $(postgres_cpu_ms "$RUN/postgres") - PG_CPU_BEFORE ))
cat "$RUN/portal.txt" >&2
if [ "${BENCH_JFR:-0}" = 1 ]; then "$JAVA_HOME/bin/jcmd" "$PORTAL" JFR.stop name=submit >/dev/null; fi
PORTAL_JSON=$(sed -n 's/^JSON //p' "$RUN/portal.txt")
LOAD_AFTER_PORTAL=$(loadavg_json)
LOADED_RSS=$(rss_mb "$PORTAL")
PEAK_RSS=$(rss_mb "$PORTAL" VmHWM)
if [ "${BENCH_NMT:-0}" = 1 ]; then "$JAVA_HOME/bin/jcmd" "$PORTAL" VM.native_memory summary >"$RUN/nmt-loaded.txt"; fi
stop_process "$PORTAL" 60

# The same transaction with pgbench, in a copy of the portal's database (catalog, policies, targets) emptied of what
# the run submitted, so both sides start from the same rows.
"${PSQL[@]}" -c "create database bench template vendo"
"${PSQL[@]}" -d bench -c "truncate vending_request, event_publication, audit_event, audit_pending cascade" \
  -c "delete from scheduled_tasks where task_name = 'approval-timer'"
THREADS=$(( CLIENTS < $(nproc) ? CLIENTS : $(nproc) ))
PGBENCH=(pgbench -h localhost -p "$PG_PORT" -U postgres -n -M prepared -f bench/submit-transaction.sql -c "$CLIENTS" -j "$THREADS")
"${PGBENCH[@]}" -T 5 bench >"$RUN/pgbench-warm-up.txt" 2>&1
LOAD_BEFORE_PGBENCH=$(loadavg_json)
echo "pgbench: $CLIENTS clients, $DURATION s (load $LOAD_BEFORE_PGBENCH) ..." >&2
PG_CPU_BEFORE=$(postgres_cpu_ms "$RUN/postgres")
(
  "${PGBENCH[@]}" -T "$DURATION" -l --log-prefix="$RUN/pgbench" bench >"$RUN/pgbench.txt" 2>&1
  times >"$RUN/pgbench-client-times.txt"
)
PG_CPU_PGBENCH=$(( $(postgres_cpu_ms "$RUN/postgres") - PG_CPU_BEFORE ))
cat "$RUN/pgbench.txt" >&2
LOAD_AFTER=$(loadavg_json)
PGBENCH_JSON=$(cat "$RUN"/pgbench.[0-9]* | awk '{print $3 / 1000}' | sort -n | awk \
  -v tps="$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$RUN/pgbench.txt")" \
  '{a[NR] = $1} END {
     i50 = int(NR * 0.50 + 0.999999); i90 = int(NR * 0.90 + 0.999999); i99 = int(NR * 0.99 + 0.999999)
     printf "{\"transactions\":%d,\"throughput\":%.1f,\"p50Ms\":%.2f,\"p90Ms\":%.2f,\"p99Ms\":%.2f,\"maxMs\":%.2f}", NR, tps, a[i50], a[i90], a[i99], a[NR]
   }')

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", (b > 0 ? a / b : 0)}'; }
# CPU per submission and per pgbench transaction (ms), which the load of other processes inflates far less than
# throughput: the server side (the portal's JVM and PostgreSQL; pgbench: PostgreSQL) and the load generator.
per() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", (b > 0 ? a / b : 0)}'; }
SUBMITTED=$(sed -n 's/.*"submitted":\([0-9]*\).*/\1/p' <<<"$PORTAL_JSON")
PGBENCH_TX=$(sed -n 's/.*"transactions":\([0-9]*\).*/\1/p' <<<"$PGBENCH_JSON")
# The JIT's compiler threads are left out of the server side (they are listed on their own).
PORTAL_SERVER_CPU=$(per $((PORTAL_CPU - JIT_CPU + PG_CPU_PORTAL)) "$SUBMITTED")
PGBENCH_SERVER_CPU=$(per "$PG_CPU_PGBENCH" "$PGBENCH_TX")
CPU_JSON=$(printf '{"portal":{"jvm":%s,"jit":%s,"postgres":%s,"server":%s,"client":%s},"pgbench":{"postgres":%s,"client":%s},"serverRatio":%s,"listenerDrainSeconds":%d}' \
  "$(per $((PORTAL_CPU - JIT_CPU)) "$SUBMITTED")" "$(per "$JIT_CPU" "$SUBMITTED")" "$(per "$PG_CPU_PORTAL" "$SUBMITTED")" \
  "$PORTAL_SERVER_CPU" \
  "$(per "$(times_children_ms "$RUN/portal-client-times.txt")" "$SUBMITTED")" \
  "$PGBENCH_SERVER_CPU" "$(per "$(times_children_ms "$RUN/pgbench-client-times.txt")" "$PGBENCH_TX")" \
  "$(ratio "$PGBENCH_SERVER_CPU" "$PORTAL_SERVER_CPU")" "$LISTENER_DRAIN_SECONDS")
echo "CPU ms per submission / per pgbench transaction: $CPU_JSON" >&2
field() { sed -n "s/.*\"$2\":\([0-9.]*\).*/\1/p" <<<"$1"; }
THROUGHPUT_RATIO=$(ratio "$(field "$PORTAL_JSON" throughput)" "$(field "$PGBENCH_JSON" throughput)")
P99_RATIO=$(ratio "$(field "$PORTAL_JSON" p99Ms)" "$(field "$PGBENCH_JSON" p99Ms)")
echo "Run directory: $RUN" >&2
printf 'RESULT {"benchmark":"submit","clients":%d,"seconds":%d,"portal":%s,"pgbench":%s,"throughputRatio":%s,"p99Ratio":%s,"rssMb":{"idle":%s,"afterLoad":%s,"peak":%s},"jvmOptions":"%s","submitTransactionMatches":%s,"perSubmission":%s,"cpuMs":%s,"load":{"beforePortal":%s,"afterPortal":%s,"beforePgbench":%s,"after":%s},"nproc":%d,"run":"%s"}\n' \
  "$CLIENTS" "$DURATION" "$PORTAL_JSON" "$PGBENCH_JSON" "$THROUGHPUT_RATIO" "$P99_RATIO" "$IDLE_RSS" "$LOADED_RSS" \
  "$PEAK_RSS" "$JVM_OPTIONS" "$SQL_MATCHES" "$WINDOW_JSON" "$CPU_JSON" "$LOAD_BEFORE" "$LOAD_AFTER_PORTAL" "$LOAD_BEFORE_PGBENCH" "$LOAD_AFTER" \
  "$(nproc)" "$RUN"
