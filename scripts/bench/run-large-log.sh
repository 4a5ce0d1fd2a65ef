#!/usr/bin/env bash
# Benchmark: a step printing 50 MB while a small run goes on beside it and three clients follow it
# live. Measures the big run's duration, the server's heap (the JVM's own figures, before and peak)
# and resident memory, the log size, how long after the run's end each follower's stream closed,
# and whether the small run on other nodes was slowed (compared with the same small run alone).
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
# The JVM's own figures (Micrometer): heap in use, and the live data the last GC left.
heap_mib() {
  curl -fsS -u "admin:$ADMIN_PASSWORD" http://127.0.0.1:18581/actuator/prometheus | awk '
    /^jvm_memory_used_bytes\{/ && /area="heap"/ {used += $NF}
    /^jvm_gc_live_data_size_bytes/ {live = $NF}
    END {printf "%d %d\n", used / 1048576, live / 1048576}'
}
read -r heap_before live_before < <(heap_mib)
big_started=$(date +%s%N)
big_run=$(api 18581 POST "/api/v1/jobs/$big/runs" '{}' | json "d['id']")
# Three clients follow the run live from its start (the console's event stream); each notes when its
# stream closed, which the server does once the run has ended and the log has been sent.
for i in 1 2 3; do
  (curl -sN -u "admin:$ADMIN_PASSWORD" "http://127.0.0.1:18581/api/v1/runs/$big_run/events" > "$WORK/follower-$i.sse" || true
   date +%s%N > "$WORK/follower-$i.end") &
done
sleep 2
read -r _ beside < <(run_and_wait "$small")
peak_rss=0 peak_heap=$heap_before peak_live=$live_before
while ! api 18581 GET "/api/v1/runs/$big_run" | json "d['status']" | grep -qE 'SUCCEEDED|FAILED|CANCELLED'; do
  rss=$(awk '/VmRSS/ {print $2}' "/proc/${SERVER_PIDS[bench]}/status")
  [ "$rss" -gt "$peak_rss" ] && peak_rss=$rss
  read -r used live < <(heap_mib)
  [ "$used" -gt "$peak_heap" ] && peak_heap=$used
  [ "$live" -gt "$peak_live" ] && peak_live=$live
  sleep 0.5
done
big_ms=$(( ($(date +%s%N) - big_started) / 1000000 ))
for i in 1 2 3; do
  for _ in $(seq 1 100); do [ -f "$WORK/follower-$i.end" ] && break; sleep 0.1; done
done
ended_ns=$(api 18581 GET "/api/v1/runs/$big_run" | json "int(__import__('datetime').datetime.fromisoformat(d['finishedAt'].replace('Z', '+00:00')).timestamp() * 1e9)")
followers=$(for i in 1 2 3; do
  if [ -f "$WORK/follower-$i.end" ]; then
    printf '%s ms behind, %s MB; ' "$(( ($(cat "$WORK/follower-$i.end") - ended_ns) / 1000000 ))" "$(( $(wc -c < "$WORK/follower-$i.sse") / 1000000 ))"
  else
    printf 'still open 10 s after the end; '
  fi
done)
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
echo "| heap in use (JVM) before → peak while it ran | $heap_before → $peak_heap MiB (+$(( peak_heap - heap_before )) MiB) |"
echo "| live data after GC (JVM) before → peak while it ran | $live_before → $peak_live MiB (+$(( peak_live - live_before )) MiB) |"
echo "| three clients following live: stream closed after the run ended (each) | ${followers% } |"
echo "| small run on another node, alone (two runs) | $alone ms, $alone2 ms |"
echo "| small run on another node, beside the big one | $beside ms |"
