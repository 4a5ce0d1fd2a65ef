#!/usr/bin/env bash
# Killing the server (kill -9) in the middle of a run: on restart the run is INTERRUPTED at once,
# its leases are free, and resume finishes it. An agent command running while the server is killed
# and restarted ends SUCCEEDED with all its output. Then two instances on one MariaDB: kill the one
# executing a run, and the other marks it INTERRUPTED within its heartbeat window.
# Needs root, openssh-server and ansible-core (scripts/test.sh installs them); the test nodes are
# sshd instances on 127.0.2.1 and 127.0.2.2 that this script starts and stops.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f server/target/devops-server.jar ] || { echo "build first: mvn -DskipTests package"; exit 1; }
host=${DEVOPS_TEST_DB_HOST:-127.0.0.1}; port=${DEVOPS_TEST_DB_PORT:-3306}
user=${DEVOPS_TEST_DB_USER:-root}; password=${DEVOPS_TEST_DB_PASSWORD:-}
db=devops_test_recovery
sql() { mysql -h"$host" -P"$port" -u"$user" ${password:+-p"$password"} -N -B "$@"; }
sql -e "DROP DATABASE IF EXISTS $db; CREATE DATABASE $db CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"

WORK=$(mktemp -d)
ADMIN_PASSWORD="recovery-$(date +%s%N)"
# shellcheck source=scripts/lib/platform.sh
. scripts/lib/platform.sh
agent_pid=
trap 'platform_cleanup; [ -n "$agent_pid" ] && kill -9 "$agent_pid"; rm -rf "$WORK"' EXIT

# Waits up to 10 s for the step's command ("sleep 41", on the nodes, which are this machine) to be gone.
await_step_stopped() {
  for _ in $(seq 1 20); do
    pgrep -f "sleep 41" >/dev/null || return 0
    sleep 0.5
  done
  echo "$1: the step's command is still running: $(pgrep -af 'sleep 41')"
  exit 1
}

server_env=(DB_URL="jdbc:mariadb://$host:$port/$db" DB_USER="$user" DB_PASSWORD="$password"
            DEVOPS_SECRET_KEY="recovery-test-master-key-0123456789abcdef" --
            --db-scheduler.heartbeat-interval=2s --db-scheduler.missed-heartbeats-limit=4)
ssh_port=$(free_port 127.0.2.1)
start_ssh_nodes "$ssh_port" 127.0.2.1 127.0.2.2
start_server a 18381 "${server_env[@]}" --devops.execution.work-dir="$WORK/runs-a"
pool=$(ssh_fixture 18381 "$ssh_port" 127.0.2.1 127.0.2.2)
shell=$(api 18381 POST /api/v1/shells '{"name":"slow","command":"sleep 41; echo done","dispatch":"ansible","parameters":[]}' | json "d['id']")
template=$(api 18381 POST /api/v1/templates "{\"name\":\"slow\",\"steps\":[{\"type\":\"script\",\"shellId\":$shell}]}" | json "d['id']")
job=$(api 18381 POST /api/v1/jobs "{\"name\":\"slow\",\"items\":[{\"templateId\":$template,\"targets\":[{\"type\":\"node_pool\",\"id\":$pool}]}]}" | json "d['id']")

# 1. kill -9 in the middle of a run, restart: INTERRUPTED at once, leases free, resume finishes it.
run=$(api 18381 POST "/api/v1/jobs/$job/runs" '{}' | json "d['id']")
await_status 18381 "$run" RUNNING 60
sleep 3
kill_server a
start_server a 18381 "${server_env[@]}" --devops.execution.work-dir="$WORK/runs-a"
# As soon as the restarted instance answers, its own unfinished run is already INTERRUPTED.
[ "$(api 18381 GET "/api/v1/runs/$run" | json "d['status']")" = INTERRUPTED ] || { echo "run $run is not INTERRUPTED after the restart"; exit 1; }
echo "restart: run $run INTERRUPTED by the time the restarted server answered"
# Nothing the killed server started is left: no ansible-playbook or ssh of its own, no step command on the nodes.
await_step_stopped "restart"
executor_a=$(api 18381 GET "/api/v1/runs/$run" | json "d['executor']")
# grep exits non-zero when nothing matches or a process ended while it read: only the count matters.
left=$({ grep -lzx "DEVOPS_EXECUTOR=$executor_a" /proc/[0-9]*/environ 2>/dev/null || true; } | wc -l)
[ "$left" = 0 ] || { echo "restart: $left process(es) of the killed server still run"; exit 1; }
api 18381 GET "/api/v1/runs/$run/log" | grep -q "on its restart it stopped [0-9]* process" || { echo "the log does not say what the restart stopped:"; api 18381 GET "/api/v1/runs/$run/log" | grep "platform" | tail -8; grep -i "leftover\|stopped\|Run 1" "$WORK/a.log" | tail -8; exit 1; }
echo "restart: nothing the killed server started is left running, here or on the nodes"
leases=$(sql "$db" -e "SELECT COUNT(*) FROM node_leases")
[ "$leases" = 0 ] || { echo "leases still held after the restart: $leases"; exit 1; }
api 18381 POST "/api/v1/runs/$run/resume" >/dev/null
await_status 18381 "$run" SUCCEEDED 120
api 18381 GET "/api/v1/runs/$run/log" | grep -q "PLAY RECAP" || { echo "the resumed run has no playbook output"; exit 1; }
echo "resume: run $run SUCCEEDED"

# 2. An agent command survives a server restart: the agent reconnects and reports its output and result.
# The node is already known (the SSH steps above ran on it): only a token bound to it enrols its agent at once.
agent_node=$(api 18381 GET "/api/v1/nodes?q=127.0.2.2" | json "d['items'][0]['id']")
token=$(api 18381 POST /api/v1/agent-enrollment-tokens "{\"expiresInMinutes\":10,\"maxUses\":1,\"nodeId\":$agent_node}" \
  | json "d['token']")
java -jar agent/target/devops-agent.jar --server http://127.0.0.1:18381 --enrollment-token "$token" \
  --work-dir "$WORK/agent" --node-ip 127.0.2.2 --allow-insecure-http > "$WORK/agent.log" 2>&1 &
agent_pid=$!
disown "$agent_pid"
for _ in $(seq 1 30); do
  [ "$(api 18381 GET "/api/v1/nodes/$agent_node" | json "(d.get('agent') or {}).get('status')")" = ONLINE ] && break
  sleep 1
done
command=$(api 18381 POST "/api/v1/nodes/$agent_node/agent/commands" \
  '{"script":"echo before; sleep 8; echo after the restart","timeoutSeconds":120}' | json "d['id']")
sleep 3
kill_server a
start_server a 18381 "${server_env[@]}" --devops.execution.work-dir="$WORK/runs-a"
for _ in $(seq 1 60); do
  [ "$(api 18381 GET "/api/v1/agent-commands/$command" | json "d['status']")" = SUCCEEDED ] && break
  sleep 1
done
[ "$(api 18381 GET "/api/v1/agent-commands/$command" | json "d['status']")" = SUCCEEDED ] \
  || { echo "agent command $command did not succeed after the restart"; tail -20 "$WORK/agent.log"; exit 1; }
output=$(api 18381 GET "/api/v1/agent-commands/$command/output?afterSeq=-1" | json "''.join(c['content'] for c in d)")
case "$output" in
  *before*"after the restart"*) echo "agent: command $command finished across the restart with all its output" ;;
  *) echo "agent command output lost across the restart: $output"; exit 1 ;;
esac

# 3. Two instances: kill the one executing the run; the other interrupts it within its heartbeat window.
start_server b 18382 "${server_env[@]}" --devops.execution.work-dir="$WORK/runs-b"
run=$(api 18381 POST "/api/v1/jobs/$job/runs" '{}' | json "d['id']")
await_status 18381 "$run" RUNNING 60
executor=$(api 18381 GET "/api/v1/runs/$run" | json "d['executor']")
case "$executor" in
  *:18381) victim=a; survivor=18382 ;;
  *:18382) victim=b; survivor=18381 ;;
  *) echo "unknown executor $executor"; exit 1 ;;
esac
kill_server "$victim"
killed=$(date +%s)
await_status "$survivor" "$run" INTERRUPTED 60
echo "cluster: instance $victim killed, run $run INTERRUPTED by the other after $(( $(date +%s) - killed )) s"
await_step_stopped "cluster"
echo "cluster: the step's command on the nodes was stopped by the surviving instance"
leases=$(sql "$db" -e "SELECT COUNT(*) FROM node_leases")
[ "$leases" = 0 ] || { echo "leases still held: $leases"; exit 1; }
sql -e "DROP DATABASE $db"
