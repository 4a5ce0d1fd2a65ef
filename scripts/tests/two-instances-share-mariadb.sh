#!/usr/bin/env bash
# Two servers started at the same moment on one MariaDB database: migrations run once, one first
# admin is created, both instances see and change the same inventory, and a schedule that both
# instances poll starts exactly one run for its start.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f server/target/devops-server.jar ] || { echo "build first: mvn -DskipTests package"; exit 1; }
host=${DEVOPS_TEST_DB_HOST:-127.0.0.1}; port=${DEVOPS_TEST_DB_PORT:-3306}
user=${DEVOPS_TEST_DB_USER:-root}; password=${DEVOPS_TEST_DB_PASSWORD:-}
db=devops_test_cluster
sql() { mysql -h"$host" -P"$port" -u"$user" ${password:+-p"$password"} -N -B "$@"; }
sql -e "DROP DATABASE IF EXISTS $db; CREATE DATABASE $db CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"

WORK=$(mktemp -d)
ADMIN_PASSWORD="cluster-$(date +%s%N)"
# shellcheck source=scripts/lib/platform.sh
. scripts/lib/platform.sh
trap 'platform_cleanup; rm -rf "$WORK"' EXIT

db_env=(DB_URL="jdbc:mariadb://$host:$port/$db" DB_USER="$user" DB_PASSWORD="$password")
# Both at once, so that they race for the migrations and the first admin.
# Both poll schedules every second (the default is 5 s), so that they race for the same start.
launch_server a 18281 "${db_env[@]}" -- --devops.schedules.poll-interval=1s
launch_server b 18282 "${db_env[@]}" -- --devops.schedules.poll-interval=1s
await_server 18281 a
await_server 18282 b
api 18281 GET /api/v1/nodes >/dev/null && api 18282 GET /api/v1/nodes >/dev/null

tenant=$(api 18281 POST /api/v1/tenants '{"name":"cluster_tenant"}' | json "d['id']")
[ "$(api 18282 GET "/api/v1/tenants/$tenant" | json "d['name']")" = cluster_tenant ] || { echo "B does not see A's tenant"; exit 1; }
pool=$(api 18282 POST /api/v1/node-pools "{\"name\":\"cluster_pool\",\"tenantId\":$tenant}" | json "d['id']")
api 18282 POST /api/v1/nodes "{\"ip\":\"127.0.9.1\",\"nodePoolId\":$pool}" >/dev/null
[ "$(api 18281 GET "/api/v1/nodes?poolId=$pool" | json "d['total']")" = 1 ] || { echo "A does not see B's node"; exit 1; }
status=$(curl -s -o /dev/null -w '%{http_code}' -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' \
  -X POST http://127.0.0.1:18281/api/v1/nodes -d '{"ip":"127.0.9.1"}')
[ "$status" = 409 ] || { echo "duplicate IP across instances answered $status, not 409"; exit 1; }

dupes=$(sql "$db" -e "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL GROUP BY version HAVING COUNT(*) > 1")
[ -z "$dupes" ] || { echo "migrations ran twice: $dupes"; exit 1; }
failed=$(sql "$db" -e "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 0")
[ "$failed" = 0 ] || { echo "$failed failed migrations"; exit 1; }
admins=$(sql "$db" -e "SELECT COUNT(*) FROM users WHERE username = 'admin'")
[ "$admins" = 1 ] || { echo "expected one first admin, found $admins"; exit 1; }

# Every minute; as soon as one instance has started the first run, the schedule is paused: the
# start was claimed once, so exactly one run exists for it.
node=$(api 18281 GET "/api/v1/nodes?poolId=$pool" | json "d['items'][0]['id']")
shell=$(api 18281 POST /api/v1/shells '{"name":"cluster_noop","command":"true","dispatch":"ansible","parameters":[]}' | json "d['id']")
template=$(api 18281 POST /api/v1/templates "{\"name\":\"cluster_template\",\"steps\":[{\"type\":\"script\",\"shellId\":$shell}]}" | json "d['id']")
job=$(api 18281 POST /api/v1/jobs "{\"name\":\"cluster_job\",\"items\":[{\"templateId\":$template,\"targets\":[{\"type\":\"node\",\"id\":$node}]}]}" | json "d['id']")
schedule=$(api 18282 POST "/api/v1/jobs/$job/schedules" '{"cron":"* * * * *","timeZone":"UTC"}' | json "d['id']")
started=
for _ in $(seq 1 80); do
    started=$(api 18281 GET "/api/v1/schedules/$schedule" | json "d.get('lastRunId') or ''")
    [ -n "$started" ] && break
    sleep 1
done
[ -n "$started" ] || { echo "schedule $schedule started no run in 80 s"; exit 1; }
version=$(api 18281 GET "/api/v1/schedules/$schedule" | json "d['version']")
api 18281 PUT "/api/v1/schedules/$schedule" "{\"cron\":\"* * * * *\",\"timeZone\":\"UTC\",\"enabled\":false,\"version\":$version}" >/dev/null
sleep 3
runs=$(sql "$db" -e "SELECT COUNT(*) FROM runs WHERE executed_by = 'schedule:$schedule'")
[ "$runs" = 1 ] || { echo "two instances started $runs runs for one scheduled start (expected 1)"; exit 1; }
echo "two instances on one MariaDB: migrations once, one admin, shared inventory, one run per scheduled start"
sql -e "DROP DATABASE $db"
