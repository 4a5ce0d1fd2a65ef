#!/usr/bin/env bash
# Catalog as code across databases (issue 17): a server on embedded H2 with a script and a template
# of its own exports its catalog; a fresh server on MariaDB imports it (its plan: those two created,
# everything else unchanged); the MariaDB server's export is then byte-identical to H2's, every
# template compiles to the same plan on both (ids aside), and the tree imports back into H2 unchanged.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f server/target/devops-server.jar ] || { echo "build first: mvn -DskipTests package"; exit 1; }
host=${DEVOPS_TEST_DB_HOST:-127.0.0.1}; port=${DEVOPS_TEST_DB_PORT:-3306}
user=${DEVOPS_TEST_DB_USER:-root}; password=${DEVOPS_TEST_DB_PASSWORD:-}
db=devops_test_catalog_trip
sql() { mysql -h"$host" -P"$port" -u"$user" ${password:+-p"$password"} -N -B "$@"; }
sql -e "DROP DATABASE IF EXISTS $db; CREATE DATABASE $db CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"

WORK=$(mktemp -d)
ADMIN_PASSWORD="trip-$(date +%s%N)"
# shellcheck source=scripts/lib/platform.sh
. scripts/lib/platform.sh
trap 'platform_cleanup; rm -rf "$WORK"' EXIT
fail() { echo "FAILED: $*"; exit 1; }

h2=$(free_port 127.0.0.1)
maria=$(free_port 127.0.0.1)
[ "$h2" != "$maria" ] || maria=$(free_port 127.0.0.1)
key=DEVOPS_SECRET_KEY="round-trip-master-key-0123456789abcdef"
launch_server h2 "$h2" "$key" DB_URL="jdbc:h2:file:$WORK/h2/devops;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE" --
launch_server mariadb "$maria" "$key" DB_URL="jdbc:mariadb://$host:$port/$db" DB_USER="$user" DB_PASSWORD="$password" --
await_server "$h2" h2
await_server "$maria" mariadb

# The H2 server's own additions: a script and a template that runs it.
shell=$(api "$h2" POST /api/v1/shells \
    '{"name":"trip_script","command":"echo round trip","dispatch":"ansible","reports":[],"parameters":[]}' | json "d['id']")
api "$h2" POST /api/v1/templates "{\"name\":\"trip_template\",\"steps\":[{\"type\":\"script\",\"shellId\":$shell}]}" >/dev/null

kinds="include=roles,operators,scripts,templates"
export_from() { curl -fsS -u "admin:$ADMIN_PASSWORD" "http://127.0.0.1:$1/api/v1/catalog/export?$kinds" -o "$2"; }
# import_into PORT FILE [dryRun=true]: the plan's JSON on stdout; fails on an HTTP error.
import_into() {
    curl -fsS -u "admin:$ADMIN_PASSWORD" -F "file=@$2;type=application/gzip" \
        "http://127.0.0.1:$1/api/v1/catalog/import${3:+?$3}"
}
# changes: the plan's entries that are not UNCHANGED, one "kind name ACTION" per line, sorted.
changes() { python3 -c '
import json, sys
plan = json.load(sys.stdin)["plan"]
assert plan, "an empty plan"
print("\n".join(sorted(e["kind"] + " " + e["name"] + " " + e["action"] for e in plan if e["action"] != "UNCHANGED")))'; }

export_from "$h2" "$WORK/h2.tar.gz"
planned=$(import_into "$maria" "$WORK/h2.tar.gz" dryRun=true | changes)
[ "$planned" = "$(printf 'script trip_script CREATE\ntemplate trip_template CREATE')" ] ||
    fail "the plan on MariaDB is not the two additions: $planned"
applied=$(import_into "$maria" "$WORK/h2.tar.gz" | changes)
[ "$applied" = "$planned" ] || fail "applied: $applied"
echo "ok: H2's export imports into MariaDB as the two additions"

export_from "$maria" "$WORK/mariadb.tar.gz"
cmp "$WORK/h2.tar.gz" "$WORK/mariadb.tar.gz" || fail "the MariaDB export differs from the H2 export"
echo "ok: the two exports are byte-identical ($(stat -c %s "$WORK/h2.tar.gz") bytes)"

# Every template compiles to the same plan on both servers, once ids (which differ) are left out.
plans() {
    local port=$1 id name
    api "$port" GET "/api/v1/templates?size=200" | json "'\n'.join(str(t['id']) + ' ' + t['name'] for t in d['items'])" |
        sort -k2 | while read -r id name; do
            echo "== $name"
            api "$port" GET "/api/v1/templates/$id/plan" | python3 -c '
import json, sys
def strip(v):
    if isinstance(v, dict):
        return {k: strip(x) for k, x in v.items() if k != "id" and not k.endswith(("Id", "Ids", "At"))}
    if isinstance(v, list):
        return [strip(x) for x in v]
    return v
print(json.dumps(strip(json.load(sys.stdin)), sort_keys=True))'
        done
}
plans "$h2" >"$WORK/h2.plans"
plans "$maria" >"$WORK/mariadb.plans"
grep -q "== trip_template" "$WORK/h2.plans" || fail "no plan of trip_template on H2"
diff "$WORK/h2.plans" "$WORK/mariadb.plans" || fail "the templates' plans differ between H2 and MariaDB"
echo "ok: $(grep -c "^== " "$WORK/h2.plans") templates compile to the same plans on both ($(wc -c <"$WORK/h2.plans") bytes)"

back=$(import_into "$h2" "$WORK/mariadb.tar.gz" dryRun=true | changes)
[ -z "$back" ] || fail "MariaDB's export does not import back into H2 unchanged: $back"
echo "ok: MariaDB's export imports back into H2 unchanged"
sql -e "DROP DATABASE IF EXISTS $db"
echo "catalog round trip: all checks passed"
