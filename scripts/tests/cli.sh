#!/usr/bin/env bash
# devopsctl against a real server (embedded H2) and two SSH test nodes on loopback: an API token
# from the environment, `nodes list -o json` parsed by Python, `runs start JOB --watch` exiting 0
# for a run that succeeds and 1 for one where a node fails, `runs results -o json`, `runs logs`
# (whole and --follow), `--limit` by IP,
# exit 3 for a wrong token and for a server that is not there, exit 2 for a bad flag, and the
# token never printed.
# Needs root, openssh-server and ansible-core (scripts/test.sh installs them); the test nodes are
# sshd instances on 127.0.4.1 and 127.0.4.2 that this script starts and stops.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f server/target/devops-server.jar ] || { echo "build first: mvn -DskipTests package"; exit 1; }

WORK=$(mktemp -d)
ADMIN_PASSWORD="cli-$(date +%s%N)"
# shellcheck source=scripts/lib/platform.sh
. scripts/lib/platform.sh
trap 'platform_cleanup; rm -rf "$WORK"' EXIT

fail() { echo "FAILED: $*"; exit 1; }
# expect_exit CODE WHAT COMMAND...: runs devopsctl, keeps its stdout and stderr in $WORK/out and $WORK/err.
expect_exit() {
    local want=$1 what=$2 rc=0
    shift 2
    "$@" >"$WORK/out" 2>"$WORK/err" || rc=$?
    cat "$WORK/out" "$WORK/err" >>"$WORK/everything-printed"
    if [ "$rc" != "$want" ]; then
        echo "--- stdout"; cat "$WORK/out"; echo "--- stderr"; cat "$WORK/err"
        fail "$what: exit code $rc, expected $want"
    fi
    echo "ok: $what (exit $rc)"
}
ctl() { scripts/devopsctl "$@"; }

port=$(free_port 127.0.0.1)
ssh_port=$(free_port 127.0.4.1)
start_ssh_nodes "$ssh_port" 127.0.4.1 127.0.4.2
start_server cli "$port" DEVOPS_SECRET_KEY="cli-test-master-key-0123456789abcdef" -- --devops.execution.work-dir="$WORK/runs"
pool=$(ssh_fixture "$port" "$ssh_port" 127.0.4.1 127.0.4.2)

# Steps: one that succeeds everywhere, one that fails on 127.0.4.2 only (sshd tells the step which
# address it reached in SSH_CONNECTION: "client port server port").
ok_shell=$(api "$port" POST /api/v1/shells '{"name":"cli_ok","command":"echo fine","dispatch":"ansible","parameters":[]}' | json "d['id']")
# shellcheck disable=SC2016 # $SSH_CONNECTION is for the node's shell
bad_shell=$(api "$port" POST /api/v1/shells \
    '{"name":"cli_fails_on_one","command":"case \" $SSH_CONNECTION \" in *\" 127.0.4.2 \"*) echo broken on purpose; exit 1;; esac; echo fine","dispatch":"ansible","parameters":[]}' \
    | json "d['id']")
ok_template=$(api "$port" POST /api/v1/templates "{\"name\":\"cli_ok\",\"steps\":[{\"type\":\"script\",\"shellId\":$ok_shell}]}" | json "d['id']")
bad_template=$(api "$port" POST /api/v1/templates "{\"name\":\"cli_bad\",\"steps\":[{\"type\":\"script\",\"shellId\":$bad_shell}]}" | json "d['id']")
api "$port" POST /api/v1/jobs "{\"name\":\"cli-ok\",\"items\":[{\"templateId\":$ok_template,\"targets\":[{\"type\":\"node_pool\",\"id\":$pool}]}]}" >/dev/null
bad_job=$(api "$port" POST /api/v1/jobs "{\"name\":\"cli-bad\",\"items\":[{\"templateId\":$bad_template,\"targets\":[{\"type\":\"node_pool\",\"id\":$pool}]}]}" | json "d['id']")

# The token reaches devopsctl through the environment only, never a command line.
token=$(api "$port" POST /api/v1/api-tokens '{"name":"cli-test"}' | json "d['token']")
export DEVOPSCTL_SERVER="http://127.0.0.1:$port" DEVOPSCTL_TOKEN="$token"
export DEVOPSCTL_CONFIG="$WORK/no-config.yml"

expect_exit 0 "nodes list -o json" ctl nodes list -o json
python3 -c '
import json, sys
nodes = json.load(open(sys.argv[1]))
ips = sorted(node["ip"] for node in nodes)
assert ips == ["127.0.4.1", "127.0.4.2"], ips
' "$WORK/out" || fail "nodes list -o json is not the two nodes as JSON: $(cat "$WORK/out")"
expect_exit 0 "nodes list --pool NAME (table)" ctl nodes list --pool fixture_pool
grep -q "127.0.4.2" "$WORK/out" || fail "the table lacks a node: $(cat "$WORK/out")"
expect_exit 0 "pools show -o yaml" ctl pools show fixture_pool -o yaml
grep -q "^name: fixture_pool" "$WORK/out" || fail "pools show -o yaml: $(cat "$WORK/out")"

expect_exit 0 "runs start JOB --watch on a job that succeeds" ctl runs start cli-ok --watch --interval 0.5 -o json
python3 -c '
import json, sys
run = json.load(open(sys.argv[1]))
assert run["status"] == "SUCCEEDED", run["status"]
assert all(node["status"] == "SUCCEEDED" for item in run["items"] for node in item["nodes"])
' "$WORK/out" || fail "the watched run did not end SUCCEEDED on both nodes: $(head -c 2000 "$WORK/out")"
grep -q "2/2 nodes: 2 succeeded, 0 failed" "$WORK/err" || fail "no progress on stderr: $(cat "$WORK/err")"

expect_exit 1 "runs start JOB --watch on a job that fails on one node" ctl runs start "$bad_job" --watch --interval 0.5
grep -q "broken on purpose" "$WORK/out" || fail "the results table does not say why the node failed: $(cat "$WORK/out")"
run=$(sed -n 's/^started run \([0-9]*\) .*/\1/p' "$WORK/err")
[ -n "$run" ] || fail "no run id on stderr: $(cat "$WORK/err")"
expect_exit 0 "runs results -o json" ctl runs results "$run" -o json
python3 -c '
import json, sys
rows = {row["ip"]: row for row in json.load(open(sys.argv[1]))}
assert rows["127.0.4.1"]["status"] == "SUCCEEDED", rows["127.0.4.1"]
assert rows["127.0.4.2"]["status"] == "FAILED", rows["127.0.4.2"]
assert rows["127.0.4.2"]["steps"][0]["status"] == "FAILED", rows["127.0.4.2"]
' "$WORK/out" || fail "runs results -o json: $(cat "$WORK/out")"
expect_exit 0 "runs logs" ctl runs logs "$run"
grep -q "PLAY RECAP" "$WORK/out" || fail "runs logs printed no playbook output: $(head -c 2000 "$WORK/out")"
expect_exit 1 "runs logs --follow of a failed run" ctl runs logs "$run" --follow
grep -q "PLAY RECAP" "$WORK/out" || fail "runs logs --follow printed no playbook output"
[ ! -s "$WORK/err" ] || fail "runs logs --follow complained: $(cat "$WORK/err")"
expect_exit 0 "runs start --limit IP --watch: the same job on its good node only" \
    ctl runs start cli-bad --limit 127.0.4.1 --watch --interval 0.5 -o json
python3 -c '
import json, sys
run = json.load(open(sys.argv[1]))
nodes = [node["ip"] for item in run["items"] for node in item["nodes"]]
assert run["status"] == "SUCCEEDED" and nodes == ["127.0.4.1"], (run["status"], nodes)
' "$WORK/out" || fail "the limited run: $(head -c 2000 "$WORK/out")"

# The catalog as code against the real endpoints: the export imports unchanged; a script changed in
# the folder is planned as a new version and applied.
expect_exit 0 "catalog export DIR" ctl catalog export "$WORK/catalog"
if [ ! -f "$WORK/catalog/catalog.yaml" ] || [ ! -f "$WORK/catalog/scripts/cli_ok.yaml" ]; then
    fail "the export lacks catalog.yaml or scripts/cli_ok.yaml: $(cd "$WORK/catalog" && find . -maxdepth 2 | head -20)"
fi
expect_exit 0 "catalog import DIR --dry-run of the export" ctl catalog import "$WORK/catalog" --dry-run -o json
python3 -c '
import json, sys
plan = json.load(open(sys.argv[1]))["plan"]
changed = [(e["kind"], e["name"], e["action"]) for e in plan if e["action"] != "UNCHANGED"]
assert plan and not changed, changed
' "$WORK/out" || fail "the export does not import unchanged: $(head -c 2000 "$WORK/out")"
sed -i 's/echo fine/echo finer/' "$WORK/catalog/scripts/cli_ok.yaml"
expect_exit 0 "catalog apply DIR with a changed script" ctl catalog apply "$WORK/catalog" -o json
python3 -c '
import json, sys
plan = json.load(open(sys.argv[1]))["plan"]
actions = {(e["kind"], e["name"]): e["action"] for e in plan}
assert actions[("script", "cli_ok")] == "NEW_VERSION", actions
' "$WORK/out" || fail "the changed script was not applied as a new version: $(head -c 2000 "$WORK/out")"
api "$port" GET "/api/v1/shells?name=cli_ok" | json "d['items'][0]['command']" | grep -qx "echo finer" ||
    fail "the script's latest version is not the folder's"

expect_exit 3 "a wrong token" env DEVOPSCTL_TOKEN=wrong-token scripts/devopsctl nodes list
grep -q "401" "$WORK/err" || fail "the refusal does not show the server's answer: $(cat "$WORK/err")"
expect_exit 3 "a server that is not there" ctl nodes list --server "http://127.0.0.1:$(free_port 127.0.0.1)"
expect_exit 2 "a bad flag" ctl nodes list --no-such-flag
expect_exit 2 "no token anywhere" env -u DEVOPSCTL_TOKEN scripts/devopsctl nodes list
expect_exit 1 "a job that does not exist" ctl runs start no-such-job

# Nothing devopsctl printed, in any of these, holds the token.
! grep -qF "$token" "$WORK/everything-printed" || fail "devopsctl printed the token"
echo "devopsctl: all checks passed"
