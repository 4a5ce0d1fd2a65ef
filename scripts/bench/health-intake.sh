#!/usr/bin/env bash
# Benchmark (issue 22, item 6): the fleet's health reports at scale. N simulated agents (one JVM,
# each with its own credential and node) report through the real agent endpoint once per WINDOW
# seconds, spread evenly over it, every 10th with open conditions; the server runs on embedded H2
# (file). Prints the server's CPU per window as % of one core (median and range), then times an
# Xid 79 on one READY node until its lifecycle state is REPAIR (the decision engine's drain).
# Usage: scripts/bench/health-intake.sh [N] [WINDOW_SECONDS] [WINDOWS] [DRAIN_WAIT_SECONDS]
#        (default: 1000 60 5 90; needs: mvn -B -DskipTests package)
# PLATFORM_JAR=path (from the repository root) measures another build of the server.
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-1000} window=${2:-60} windows=${3:-5} drain_wait=${4:-90}
jar=${PLATFORM_JAR:-server/target/devops-server.jar}
agent_jar=agent/target/devops-agent.jar # for its Jackson
if [ ! -f "$jar" ] || [ ! -f "$agent_jar" ]; then echo "build first: mvn -B -DskipTests package" >&2; exit 2; fi
work=$(mktemp -d)
password="bench-$(date +%s%N)"
port=${BENCH_PORT:-18291}
pid=""
cleanup() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT

if curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; then
  echo "port $port is taken (a server left by an earlier run?): stop it first" >&2; exit 2
fi
(cd "$work" && exec env DEVOPS_ADMIN_PASSWORD="$password" \
   DB_URL="jdbc:h2:file:$work/h2/devops;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE" \
   java -Xmx1g ${SERVER_JAVA_OPTS:-} -jar "$OLDPWD/$jar" --server.port="$port" --devops.agent.offline-after=600s \
   ${SERVER_ARGS:-} > "$work/server.log" 2>&1) &
pid=$!
for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null || { echo "the server did not start:"; tail -n 30 "$work/server.log"; exit 1; }
echo "## N = $n agents, one report each per $window s, $windows windows, on h2 (server pid $pid, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
# Compiled with AgentSwarm.java, whose request helper and /proc reading it shares.
javac -nowarn -cp "$agent_jar" -d "$work/classes" scripts/bench/AgentSwarm.java scripts/bench/HealthIntakeBench.java
java -Xmx512m -cp "$work/classes:$agent_jar" HealthIntakeBench "http://127.0.0.1:$port" "$password" \
  "$n" "$window" "$windows" "$pid" "$drain_wait"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
