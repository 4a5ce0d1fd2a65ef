#!/usr/bin/env bash
# Benchmark: a step printing 50 MB while a small run goes on beside it. Measures the big run's
# duration, the server's heap and resident memory, the log size, and whether the small run on
# other nodes was slowed (compared with the same small run alone).
# Usage: scripts/bench/run-large-log.sh [MEGABYTES]   (needs the built jar, root, sshd, ansible-core)
set -euo pipefail
cd "$(dirname "$0")/../.."
megabytes=${1:-50}
[ -f server/target/devops-server.jar ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 2; }
WORK=$(mktemp -d)
ADMIN_PASSWORD="bench-$(date +%s%N)"
# shellcheck source=scripts/lib/platform.sh
. scripts/lib/platform.sh
trap 'platform_cleanup; rm -rf "$WORK"' EXIT

ssh_port=$(free_port 127.0.4.1)
start_ssh_nodes "$ssh_port" 127.0.4.1 127.0.4.2
start_server bench 18581 DB_URL="jdbc:h2:file:$WORK/h2/devops;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE" \
  DEVOPS_SECRET_KEY="bench-master-key-0123456789abcdefghijkl" DEVOPS_ROLES_DIR="$WORK/roles" -- \
  --devops.execution.work-dir="$WORK/runs"
ssh_fixture 18581 "$ssh_port" 127.0.4.1 127.0.4.2 >/dev/null
node() { api 18581 GET "/api/v1/nodes?q=$1" | json "d['items'][0]['id']"; }
job_for() { # name command node-id
  local shell template
  shell=$(api 18581 POST /api/v1/shells "{\"name\":\"$1\",\"command\":\"$2\",\"dispatch\":\"ansible\",\"parameters\":[]}" | json "d['id']")
  template=$(api 18581 POST /api/v1/templates "{\"name\":\"$1\",\"steps\":[{\"type\":\"script\",\"shellId\":$shell}]}" | json "d['id']")
  api 18581 POST /api/v1/jobs "{\"name\":\"$1\",\"items\":[{\"templateId\":$template,\"targets\":[{\"type\":\"node\",\"id\":$3}]}]}" | json "d['id']"
}
big=$(job_for big "yes 'a line of output from a noisy installer, 64 bytes long ........' | head -c ${megabytes}000000" "$(node 127.0.4.1)")
small=$(job_for small "echo small" "$(node 127.0.4.2)")
run_and_wait() { # job -> prints milliseconds until the client sees it end
  local run t0
  t0=$(date +%s%N)
  run=$(api 18581 POST "/api/v1/jobs/$1/runs" '{}' | json "d['id']")
  while ! api 18581 GET "/api/v1/runs/$run" | json "d['status']" | grep -qE 'SUCCEEDED|FAILED|CANCELLED'; do sleep 0.1; done
  echo "$run $(( ($(date +%s%N) - t0) / 1000000 ))"
}
read -r _ alone < <(run_and_wait "$small")
read -r _ alone2 < <(run_and_wait "$small")
big_started=$(date +%s%N)
big_run=$(api 18581 POST "/api/v1/jobs/$big/runs" '{}' | json "d['id']")
sleep 2
read -r _ beside < <(run_and_wait "$small")
peak_rss=0
while ! api 18581 GET "/api/v1/runs/$big_run" | json "d['status']" | grep -qE 'SUCCEEDED|FAILED|CANCELLED'; do
  rss=$(awk '/VmRSS/ {print $2}' "/proc/${SERVER_PIDS[bench]}/status")
  [ "$rss" -gt "$peak_rss" ] && peak_rss=$rss
  sleep 0.5
done
big_ms=$(( ($(date +%s%N) - big_started) / 1000000 ))
heap=$(curl -fsS -u "admin:$ADMIN_PASSWORD" http://127.0.0.1:18581/actuator/prometheus \
  | awk '/^jvm_memory_used_bytes\{/ && /area="heap"/ {sum += $NF} END {printf "%d", sum / 1048576}')
log_bytes=$(curl -fsS -u "admin:$ADMIN_PASSWORD" "http://127.0.0.1:18581/api/v1/runs/$big_run/log" | wc -c)
chunks=$(api 18581 GET "/api/v1/runs/$big_run" | json "d['status']")
echo "| ${megabytes} MB of output in one step | figure |"
echo "|---|---|"
echo "| big run, POST → ended (status $chunks) | $big_ms ms |"
echo "| log downloaded | $log_bytes bytes |"
echo "| server resident memory, peak while it ran | $(( peak_rss / 1024 )) MiB |"
echo "| server heap used after it | $heap MiB |"
echo "| small run on another node, alone (two runs) | $alone ms, $alone2 ms |"
echo "| small run on another node, beside the big one | $beside ms |"
