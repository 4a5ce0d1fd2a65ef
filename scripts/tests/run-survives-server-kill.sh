#!/usr/bin/env bash
# Killing the server (kill -9) in the middle of a run: on restart the run is INTERRUPTED at once,
# its leases are free, and resume finishes it. Then two instances on one MariaDB: kill the one
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
trap 'platform_cleanup; pkill -f "sleep 41" || true; rm -rf "$WORK"' EXIT

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
leases=$(sql "$db" -e "SELECT COUNT(*) FROM node_leases")
[ "$leases" = 0 ] || { echo "leases still held after the restart: $leases"; exit 1; }
api 18381 POST "/api/v1/runs/$run/resume" >/dev/null
await_status 18381 "$run" SUCCEEDED 120
api 18381 GET "/api/v1/runs/$run/log" | grep -q "PLAY RECAP" || { echo "the resumed run has no playbook output"; exit 1; }
echo "resume: run $run SUCCEEDED"

# 2. Two instances: kill the one executing the run; the other interrupts it within its heartbeat window.
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
leases=$(sql "$db" -e "SELECT COUNT(*) FROM node_leases")
[ "$leases" = 0 ] || { echo "leases still held: $leases"; exit 1; }
sql -e "DROP DATABASE $db"
