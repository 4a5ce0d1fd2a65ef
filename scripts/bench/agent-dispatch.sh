#!/usr/bin/env bash
# Benchmark: one agent step ('true') on N simulated agents (one JVM, each with its own credential
# and node, speaking the real protocol) against a real server on embedded H2 (file).
# Times the fan-out request to the last result recorded, and reports the server's CPU time and heap.
# Usage: scripts/bench/agent-dispatch.sh [N ...]   (default: 100 1000 5000; needs: mvn -B -DskipTests package)
# PLATFORM_JAR=path (from the repository root) measures another build of the server.
# KINDS=fanout,result,poll picks the kinds of rounds; JFR_DUMP=/path/prefix dumps a recording named bench.
# BENCH_DB=mariadb runs on MariaDB/MySQL instead (DEVOPS_TEST_DB_HOST/PORT/USER/PASSWORD as for
# scripts/test.sh; only the database devops_bench_agent is dropped and re-created).
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ $# -gt 0 ]; then sizes=("$@"); else sizes=(100 1000 5000); fi
jar=${PLATFORM_JAR:-server/target/devops-server.jar}
agent_jar=agent/target/devops-agent.jar
if [ ! -f "$jar" ] || [ ! -f "$agent_jar" ]; then echo "build first: mvn -B -DskipTests package" >&2; exit 2; fi
work=$(mktemp -d)
password="bench-$(date +%s%N)"
port=18290
pid=""
cleanup() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT

cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$1/stat"; }

db_env=()
fresh_database() {
  if [ "${BENCH_DB:-h2}" = mariadb ]; then
    local client db=devops_bench_agent host=${DEVOPS_TEST_DB_HOST:-127.0.0.1} port=${DEVOPS_TEST_DB_PORT:-3306}
    client=$(command -v mariadb || command -v mysql) || { echo "no mariadb or mysql client: apt-get install -y mariadb-client" >&2; exit 2; }
    MYSQL_PWD="${DEVOPS_TEST_DB_PASSWORD:-}" "$client" --protocol=TCP -h "$host" -P "$port" -u "${DEVOPS_TEST_DB_USER:-root}" \
      -e "DROP DATABASE IF EXISTS $db; CREATE DATABASE $db CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
    db_env=(DB_URL="jdbc:mariadb://$host:$port/$db" DB_USER="${DEVOPS_TEST_DB_USER:-root}" DB_PASSWORD="${DEVOPS_TEST_DB_PASSWORD:-}")
  else
    rm -rf "$work/h2"
    db_env=(DB_URL="jdbc:h2:file:$work/h2/devops;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE")
  fi
}

if curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; then
  echo "port $port is taken (a server left by an earlier run?): stop it first" >&2; exit 2
fi
for n in "${sizes[@]}"; do
  fresh_database
  (cd "$work" && exec env DEVOPS_ADMIN_PASSWORD="$password" "${db_env[@]}" \
     java -Xmx1g ${SERVER_JAVA_OPTS:-} -jar "$OLDPWD/$jar" --server.port="$port" --server.tomcat.max-connections=20000 \
     --server.tomcat.accept-count=10000 --server.tomcat.max-keep-alive-requests=-1 \
     --devops.agent.offline-after=300s ${SERVER_ARGS:-} > "$work/server.log" 2>&1) &
  pid=$!
  for _ in $(seq 1 90); do curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break; sleep 1; done
  echo "## N = $n on ${BENCH_DB:-h2} (server pid $pid, $(nproc) cores)"
  before=$(cpu_seconds "$pid")
  db_pid=$(pgrep -xo mariadbd || pgrep -xo mysqld || true)
  if [ "${BENCH_DB:-h2}" = mariadb ] && [ -n "$db_pid" ]; then db_before=$(cpu_seconds "$db_pid"); fi
  java -Xmx1g -cp "$agent_jar" scripts/bench/AgentSwarm.java "http://127.0.0.1:$port" "$password" "$n" "${ROUNDS:-5}" "$pid"
  after=$(cpu_seconds "$pid")
  heap=$(curl -fs -u "admin:$password" "http://127.0.0.1:$port/actuator/prometheus" \
    | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s += $NF} END {printf "%.0f", s / 1048576}')
  echo "server CPU during enrolment and rounds: $(awk -v a="$before" -v b="$after" 'BEGIN {printf "%.1f", b - a}') s; heap used: ${heap} MiB"
  if [ -n "${db_before:-}" ]; then
    echo "database server CPU meanwhile: $(awk -v a="$db_before" -v b="$(cpu_seconds "$db_pid")" 'BEGIN {printf "%.1f", b - a}') s"
  fi
  # A recording started by SERVER_JAVA_OPTS (-XX:StartFlightRecording=name=bench,...) is dumped here.
  if [ -n "${JFR_DUMP:-}" ]; then jcmd "$pid" JFR.dump name=bench filename="$JFR_DUMP-$n.jfr" >/dev/null; fi
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
  echo
done
