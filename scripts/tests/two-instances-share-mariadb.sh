#!/usr/bin/env bash
# Two servers started at the same moment on one MariaDB database: migrations run once, one first
# admin is created, and both instances see and change the same inventory.
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=server/target/devops-server.jar
[ -f "$jar" ] || { echo "missing $jar: build first (mvn -DskipTests package)"; exit 1; }
host=${DEVOPS_TEST_DB_HOST:-127.0.0.1}
port=${DEVOPS_TEST_DB_PORT:-3306}
user=${DEVOPS_TEST_DB_USER:-root}
password=${DEVOPS_TEST_DB_PASSWORD:-}
db=devops_test_cluster
sql() { mysql -h"$host" -P"$port" -u"$user" ${password:+-p"$password"} -N -B "$@"; }
sql -e "DROP DATABASE IF EXISTS $db; CREATE DATABASE $db CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"

work=$(mktemp -d)
admin_password="cluster-$(date +%s%N)"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

for p in 18281 18282; do
  (cd "$work" && exec env DB_URL="jdbc:mariadb://$host:$port/$db" DB_USER="$user" DB_PASSWORD="$password" \
     DEVOPS_ADMIN_PASSWORD="$admin_password" java -Xmx512m -jar "$OLDPWD/$jar" --server.port="$p" > "$work/$p.log" 2>&1) &
  pids+=($!)
done
for p in 18281 18282; do
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$p/actuator/health" >/dev/null 2>&1 && break
    sleep 1
  done
  curl -fs "http://127.0.0.1:$p/actuator/health" >/dev/null || { echo "instance $p did not start"; tail -30 "$work/$p.log"; exit 1; }
done

api() { # port method path [json]
  curl -fsS -u "admin:$admin_password" -H 'Content-Type: application/json' -X "$2" "http://127.0.0.1:$1$3" ${4:+-d "$4"}
}
field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

tenant=$(api 18281 POST /api/v1/tenants '{"name":"cluster_tenant"}' | field "['id']")
[ "$(api 18282 GET "/api/v1/tenants/$tenant" | field "['name']")" = cluster_tenant ] || { echo "B does not see A's tenant"; exit 1; }
pool=$(api 18282 POST /api/v1/node-pools "{\"name\":\"cluster_pool\",\"tenantId\":$tenant}" | field "['id']")
api 18282 POST /api/v1/nodes "{\"ip\":\"127.0.9.1\",\"nodePoolId\":$pool}" >/dev/null
[ "$(api 18281 GET "/api/v1/nodes?poolId=$pool" | field "['total']")" = 1 ] || { echo "A does not see B's node"; exit 1; }
status=$(curl -s -o /dev/null -w '%{http_code}' -u "admin:$admin_password" -H 'Content-Type: application/json' \
  -X POST http://127.0.0.1:18281/api/v1/nodes -d "{\"ip\":\"127.0.9.1\"}")
[ "$status" = 409 ] || { echo "duplicate IP across instances answered $status, not 409"; exit 1; }

dupes=$(sql "$db" -e "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL GROUP BY version HAVING COUNT(*) > 1")
[ -z "$dupes" ] || { echo "migrations ran twice: $dupes"; exit 1; }
failed=$(sql "$db" -e "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 0")
[ "$failed" = 0 ] || { echo "$failed failed migrations"; exit 1; }
admins=$(sql "$db" -e "SELECT COUNT(*) FROM users WHERE username = 'admin'")
[ "$admins" = 1 ] || { echo "expected one first admin, found $admins"; exit 1; }
echo "two instances on one MariaDB: migrations once, one admin, shared inventory"
sql -e "DROP DATABASE $db"
