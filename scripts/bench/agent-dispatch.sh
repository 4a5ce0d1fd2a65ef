#!/usr/bin/env bash
# Benchmark: one agent step ('true') on N simulated agents (one JVM, each with its own credential
# and node, speaking the real protocol) against a real server on embedded H2 (file).
# Times the fan-out request to the last result recorded, and reports the server's CPU time and heap.
# Usage: scripts/bench/agent-dispatch.sh [N ...]   (default: 100 1000 5000; needs: mvn -B -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ $# -gt 0 ]; then sizes=("$@"); else sizes=(100 1000 5000); fi
jar=server/target/devops-server.jar
agent_jar=agent/target/devops-agent.jar
if [ ! -f "$jar" ] || [ ! -f "$agent_jar" ]; then echo "build first: mvn -B -DskipTests package" >&2; exit 2; fi
work=$(mktemp -d)
password="bench-$(date +%s%N)"
port=18290
pid=""
cleanup() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT

cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$1/stat"; }

for n in "${sizes[@]}"; do
  rm -rf "$work/h2"
  (cd "$work" && exec env DEVOPS_ADMIN_PASSWORD="$password" \
     DB_URL="jdbc:h2:file:$work/h2/devops;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE" \
     java -Xmx1g ${SERVER_JAVA_OPTS:-} -jar "$OLDPWD/$jar" --server.port="$port" --server.tomcat.max-connections=20000 \
     --server.tomcat.accept-count=10000 --server.tomcat.max-keep-alive-requests=-1 \
     --devops.agent.offline-after=300s ${SERVER_ARGS:-} > "$work/server.log" 2>&1) &
  pid=$!
  for _ in $(seq 1 90); do curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break; sleep 1; done
  echo "## N = $n (server pid $pid, $(nproc) cores)"
  before=$(cpu_seconds "$pid")
  java -Xmx1g -cp "$agent_jar" scripts/bench/AgentSwarm.java "http://127.0.0.1:$port" "$password" "$n" "${ROUNDS:-5}" "$pid"
  after=$(cpu_seconds "$pid")
  heap=$(curl -fs -u "admin:$password" "http://127.0.0.1:$port/actuator/prometheus" \
    | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s += $NF} END {printf "%.0f", s / 1048576}')
  echo "server CPU during enrolment and rounds: $(awk -v a="$before" -v b="$after" 'BEGIN {printf "%.1f", b - a}') s; heap used: ${heap} MiB"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
  echo
done
