#!/usr/bin/env bash
# Benchmark: the run page in Chromium with a synthetic finished run of 1,000 nodes x 10 steps and a
# 50 MB log. Starts the built jar on MariaDB in a database of its own, writes the run with SQL
# (scripts/bench/run_page_data.py), checks the API returns it whole, then web/e2e/run-page-bench.mjs
# times the page: matrix shown, log tail shown, JS heap, matrix scrolled to its last row, a cell opened.
# Then the compare view of a later run of the same job (1002) against it: the API, and the page
# through web/e2e/compare-bench.mjs (summary, first page of nodes, the address filter).
# Usage: scripts/bench/run-page.sh [REPEATS] [NODES] [MEGABYTES]
#   Needs the built jar (mvn -B -DskipTests package), /usr/bin/chromium, web/node_modules (npm ci)
#   and the mariadb (or mysql) client. MariaDB: DEVOPS_TEST_DB_HOST/PORT/USER/PASSWORD as for
#   scripts/test.sh; only the database devops_bench_runpage is dropped and re-created.
#   RUN_PAGE_TIMEOUT (seconds, default 180) bounds the wait for the page in each repetition;
#   PLATFORM_JAR (relative to the repository) measures another build, e.g. an earlier run page.
set -euo pipefail
cd "$(dirname "$0")/../.."
repeats=${1:-3}
nodes=${2:-1000}
megabytes=${3:-50}
[ -f "${PLATFORM_JAR:-server/target/devops-server.jar}" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 2; }
[ -x /usr/bin/chromium ] || { echo "/usr/bin/chromium is missing: apt-get install -y chromium" >&2; exit 2; }
[ -d web/node_modules/playwright-core ] || { echo "web/node_modules/playwright-core is missing: (cd web && npm ci)" >&2; exit 2; }
client=$(command -v mariadb || command -v mysql) || { echo "no mariadb or mysql client: apt-get install -y mariadb-client" >&2; exit 2; }
db_host=${DEVOPS_TEST_DB_HOST:-127.0.0.1}
db_port=${DEVOPS_TEST_DB_PORT:-3306}
db_user=${DEVOPS_TEST_DB_USER:-root}
db_password=${DEVOPS_TEST_DB_PASSWORD:-}
db=devops_bench_runpage
sql() { MYSQL_PWD="$db_password" "$client" --protocol=TCP -h "$db_host" -P "$db_port" -u "$db_user" --batch --skip-column-names "$@"; }

WORK=$(mktemp -d)
ADMIN_PASSWORD="bench-$(date +%s%N)"
# shellcheck source=scripts/lib/platform.sh
. scripts/lib/platform.sh
# The server goes first, then its database: the run's 60 MB are not left behind.
trap 'platform_cleanup; sql -e "DROP DATABASE IF EXISTS $db" || true; rm -rf "$WORK"' EXIT

sql -e "DROP DATABASE IF EXISTS $db; CREATE DATABASE $db CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
port=$(free_port 127.0.0.1)
# Flyway creates the schema as the server starts; the run is written after that.
start_server bench "$port" DB_URL="jdbc:mariadb://$db_host:$db_port/$db" DB_USER="$db_user" DB_PASSWORD="$db_password" -- \
    --devops.execution.work-dir="$WORK/runs"

echo "writing a run of $nodes nodes x 10 steps with a $megabytes MiB log" >&2
started=$(date +%s%N)
python3 scripts/bench/run_page_data.py "$nodes" "$megabytes" 2>"$WORK/last-line" | sql "$db"
echo "written in $(( ($(date +%s%N) - started) / 1000000 )) ms" >&2
last_line=$(cat "$WORK/last-line")
sql "$db" -e "UPDATE runs SET log_bytes = (SELECT SUM(LENGTH(content)) FROM run_log_chunks WHERE run_id = 1001) WHERE id = 1001"
read -r log_bytes chunks biggest < <(sql "$db" -e "SELECT SUM(LENGTH(content)), COUNT(*), MAX(LENGTH(content)) FROM run_log_chunks WHERE run_id = 1001")

# The API must return exactly what the page will show: 10 steps with a result for every node.
api "$port" GET /api/v1/runs/1001 > "$WORK/run.json"
read -r steps hosts last_ip failed unreachable < <(json "' '.join(map(str, (len(d['items'][0]['steps']), \
    sum(len(s['hosts']) for s in d['items'][0]['steps']), d['items'][0]['nodes'][-1]['ip'], \
    sum(h['status'] == 'FAILED' for s in d['items'][0]['steps'] for h in s['hosts']), \
    sum(h['status'] == 'UNREACHABLE' for s in d['items'][0]['steps'] for h in s['hosts']))))" < "$WORK/run.json")
if [ "$steps" != 10 ] || [ "$hosts" != $(( nodes * 10 )) ]; then
    echo "the API returned $steps steps and $hosts results, expected 10 and $(( nodes * 10 ))" >&2
    exit 1
fi
api_bytes=$(wc -c < "$WORK/run.json")
api_ms=$(curl -fsS -o /dev/null -w '%{time_total}' -u "admin:$ADMIN_PASSWORD" "http://127.0.0.1:$port/api/v1/runs/1001" | awk '{printf "%d", $1 * 1000}')
echo "API: $steps steps x $nodes nodes ($failed failed, $unreachable unreachable cells), $api_bytes bytes in $api_ms ms; log $log_bytes bytes in $chunks chunks (largest $biggest)" >&2

result=$(cd web && node e2e/run-page-bench.mjs "http://127.0.0.1:$port" admin "$ADMIN_PASSWORD" 1001 "$last_line" "$last_ip" \
    "$repeats" "${RUN_PAGE_TIMEOUT:-180}")
echo "$result" > "${RUN_PAGE_RESULT:-/dev/null}"
figure() { # key unit: the median with its unit, or "not within N s"
    echo "$result" | json "('%s %s' % (d['median']['$1'], '$2')).strip() if d['median']['$1'] is not None else 'not within %d s' % d['timeoutS']"
}
jar="${PLATFORM_JAR:-server/target/devops-server.jar} (worktree at $(git rev-parse --short HEAD))"
echo
echo "| Run page, $nodes nodes x 10 steps, $(( log_bytes / 1048576 )) MiB log (median of $repeats; $jar) | figure |"
echo "|---|---|"
echo "| matrix shown (a cell with a status), from navigation start | $(figure matrixMs ms) |"
echo "| log tail shown (the log's last line), from navigation start | $(figure logTailMs ms) |"
echo "| JS heap used once both are shown / after a forced GC | $(figure heapMiB MiB) / $(figure heapAfterGcMiB MiB) |"
echo "| DOM nodes on the page | $(figure domNodes '') |"
echo "| matrix scrolled to the bottom → last row shown | $(figure lastRowMs ms) |"
echo "| click a cell → its detail open | $(figure cellOpenMs ms) (opened every time: $(echo "$result" | json "d['cellOpens']")) |"
echo "| GET /api/v1/runs/{id} (curl, warm) | $api_ms ms, $(( api_bytes / 1024 )) KiB |"

# The compare view: run 1002 (the same job a day later, outcomes drawn anew) against run 1001.
compare_ms=()
for _ in 1 2 3; do
    compare_ms+=("$(curl -fsS -o "$WORK/compare.json" -w '%{time_total}' -u "admin:$ADMIN_PASSWORD" \
        "http://127.0.0.1:$port/api/v1/runs/1002/compare/1001" | awk '{printf "%d", $1 * 1000}')")
done
compare_nodes=$(json "len(d['nodes'])" < "$WORK/compare.json")
[ "$compare_nodes" = "$nodes" ] || { echo "the comparison has $compare_nodes nodes, expected $nodes" >&2; exit 1; }
compared=$(cd web && node e2e/compare-bench.mjs "http://127.0.0.1:$port" admin "$ADMIN_PASSWORD" 1002 "$last_ip" "$repeats")
cfig() { echo "$compared" | json "d['median']['$1']"; }
echo
echo "| Compare view, run 1002 against 1001, $nodes nodes x 10 steps (median of $repeats) | figure |"
echo "|---|---|"
echo "| GET /api/v1/runs/1002/compare/1001 (curl, 3 calls) | $(printf '%s\n' "${compare_ms[@]}" | sort -n | sed -n 2p) ms ($(IFS=,; echo "${compare_ms[*]}") ms), $(( $(wc -c < "$WORK/compare.json") / 1024 )) KiB |"
echo "| summary shown, from navigation start | $(cfig summaryMs) ms |"
echo "| first page of nodes shown (differences first, 50 a page) | $(cfig tableMs) ms |"
echo "| type an address in the filter → only that node shown | $(cfig filterMs) ms |"
echo "| JS heap used | $(cfig heapMiB) MiB |"
echo "| what the summary said | $(echo "$compared" | json "d['summary']") |"
