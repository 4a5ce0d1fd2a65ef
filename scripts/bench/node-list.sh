#!/usr/bin/env bash
# Benchmark: the node list at 10,000 nodes, on embedded H2 and on MariaDB, side by side in one run.
# Usage: scripts/bench/node-list.sh [NODES]   (needs the built jar: mvn -DskipTests package)
# MariaDB: DEVOPS_TEST_DB_HOST/PORT/USER/PASSWORD as for scripts/test.sh; uses its own database devops_test_bench.
set -euo pipefail
cd "$(dirname "$0")/../.."
nodes=${1:-10000}
jar=server/target/devops-server.jar
[ -f "$jar" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 2; }
db_host=${DEVOPS_TEST_DB_HOST:-127.0.0.1}
db_port=${DEVOPS_TEST_DB_PORT:-3306}
db_user=${DEVOPS_TEST_DB_USER:-root}
db_password=${DEVOPS_TEST_DB_PASSWORD:-}
work=$(mktemp -d)
password="bench-$(date +%s%N)"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

start() { # name port [env...]
  local name=$1 port=$2; shift 2
  (cd "$work" && exec env DEVOPS_ADMIN_PASSWORD="$password" "$@" java -Xmx1g -jar "$OLDPWD/$jar" --server.port="$port" \
     > "$work/$name.log" 2>&1) &
  pids+=($!)
  for _ in $(seq 1 90); do
    curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "server $name did not start; see its log:" >&2; tail -20 "$work/$name.log" >&2; exit 1
}

echo "## H2 (embedded, file)"
start h2 18190 DB_URL="jdbc:h2:file:$work/h2/devops;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE"
python3 scripts/bench/node_list.py http://127.0.0.1:18190 "$password" "$nodes"

echo; echo "## MariaDB ($(mysql -h"$db_host" -P"$db_port" -u"$db_user" ${db_password:+-p"$db_password"} -N -e 'select version()'))"
mysql -h"$db_host" -P"$db_port" -u"$db_user" ${db_password:+-p"$db_password"} -e \
  "DROP DATABASE IF EXISTS devops_test_bench; CREATE DATABASE devops_test_bench CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
start mariadb 18191 DB_URL="jdbc:mariadb://$db_host:$db_port/devops_test_bench" DB_USER="$db_user" DB_PASSWORD="$db_password"
python3 scripts/bench/node_list.py http://127.0.0.1:18191 "$password" "$nodes"
