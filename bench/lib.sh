# Shared by bench/*.sh (sourced, not run): a JDK, the compiled portal and its test classpath, ports, load and RSS.

# Vendo needs JDK 21 or newer; the machine's default java may be older.
if [ -z "${JAVA_HOME:-}" ] || ! "${JAVA_HOME}/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
    if [ -x "$candidate/bin/java" ]; then export JAVA_HOME="$candidate"; break; fi
  done
fi
JAVA="${JAVA_HOME:?set JAVA_HOME to a JDK 21 or newer}/bin/java"

# Compiles main and test classes (no frontend build: the benchmarks use the API) and writes the test classpath.
bench_build() {
  echo "Building (main and test classes, classpath) ..." >&2
  ./mvnw -B -ntp -q test-compile -Dfrontend.skip=true >&2
  ./mvnw -B -ntp -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test \
    -Dfrontend.skip=true >&2
  CLASSPATH_ALL="target/test-classes:target/classes:$(cat target/cp.txt)"
}

# The compiled portal's classpath: built now, or with BENCH_SKIP_BUILD=1 the one an earlier build left in target/.
bench_classpath() {
  if [ "${BENCH_SKIP_BUILD:-0}" = 1 ] && [ -f target/cp.txt ]; then
    CLASSPATH_ALL="target/test-classes:target/classes:$(cat target/cp.txt)"
  else
    bench_build
  fi
}

# A TCP port on localhost that nothing listens on, from $1 upwards.
free_port() {
  local port=$1
  while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

# The 1-, 5- and 15-minute load averages as a JSON array.
loadavg_json() {
  awk '{printf "[%s,%s,%s]", $1, $2, $3}' /proc/loadavg
}

# A process's resident set (VmRSS) or peak resident set (VmHWM, $2) in MB.
rss_mb() {
  awk -v key="${2:-VmRSS}:" '$1 == key {printf "%d", $2 / 1024}' "/proc/$1/status"
}

# CPU time (ms) the given processes used, with their reaped children's: utime + stime + cutime + cstime.
cpu_ms() {
  local hz
  hz=$(getconf CLK_TCK)
  for pid in "$@"; do cat "/proc/$pid/stat" 2>/dev/null || true; done \
    | awk -v hz="$hz" '{sub(/^.*\) /, ""); s += $12 + $13 + $14 + $15} END {printf "%d", s * 1000 / hz}'
}

# CPU time (ms) of a JVM's JIT compiler threads ($1: the JVM's pid): fixed work that a loaded machine stretches over
# the first minutes, which would otherwise count against the submissions of a slow run.
jit_cpu_ms() {
  local hz
  hz=$(getconf CLK_TCK)
  for task in /proc/"$1"/task/*; do
    if grep -qE "^C[12] Compiler" "$task/comm" 2>/dev/null; then cat "$task/stat" 2>/dev/null || true; fi
  done | awk -v hz="$hz" '{sub(/^.*\) /, ""); s += $12 + $13} END {printf "%d", s * 1000 / hz}'
}

# CPU time (ms) of a PostgreSQL server (data directory $1): the postmaster and its backends, the exited ones too
# (the postmaster reaps them, so their time is in its cutime/cstime).
postgres_cpu_ms() {
  local postmaster
  postmaster=$(head -1 "$1/postmaster.pid")
  # shellcheck disable=SC2046 # the pids are words
  cpu_ms "$postmaster" $(pgrep -P "$postmaster")
}

# User + system CPU (ms) of the children a subshell waited for, from the second line of bash's `times` ($1: its output).
times_children_ms() {
  sed -n 2p "$1" | awk '{
    split($1, u, /[ms]/); split($2, s, /[ms]/)
    printf "%d", (u[1] * 60 + u[2] + s[1] * 60 + s[2]) * 1000
  }'
}

# Waits until $1 answers 200, for at most $2 seconds; fails when process $3 ended first.
await_http() {
  local url=$1 seconds=$2 pid=$3
  for _ in $(seq 1 "$seconds"); do
    curl -sf -o /dev/null "$url" && return 0
    kill -0 "$pid" 2>/dev/null || { echo "process $pid ended before $url answered" >&2; return 1; }
    sleep 1
  done
  echo "$url did not answer within $seconds s" >&2
  return 1
}

# Stops a process we started (SIGTERM, then SIGKILL after $2 seconds) and waits for it.
stop_process() {
  local pid=$1 grace=${2:-30}
  kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 "$grace"); do kill -0 "$pid" 2>/dev/null || return 0; sleep 1; done
  kill -9 "$pid" 2>/dev/null || true
}
