#!/usr/bin/env bash
# Fencing with two instances on one MariaDB: the instance executing a run is paused (kill -STOP of
# its JVM, as a long GC pause or a frozen VM would) in the middle of a step; the other notices the
# missed heartbeats and interrupts the run. When the paused one wakes (kill -CONT) it writes nothing
# into the run: not while the run is INTERRUPTED (round 1), and not while the other instance runs
# it again after a resume (round 2), whose results stand. Nothing is left running at the end.
#
# Only the JVM is stopped, not its ansible-playbook: the paused instance's playbook runs on, the
# survivor's recovery stops the step on the nodes, and the playbook's ending waits in its pipe for
# the JVM: on waking, the stale execution finds its step over and tries to record it, which is
# exactly the write the fence must refuse. (Stopping the whole process group would freeze the
# playbook mid-step instead; the recovery's stop on the nodes ends that step the same way.)
# Needs root, openssh-server and ansible-core (scripts/test.sh installs them); the test nodes are
# sshd instances on 127.0.4.1 and 127.0.4.2 that this script starts and stops.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f server/target/devops-server.jar ] || { echo "build first: mvn -DskipTests package"; exit 1; }
host=${DEVOPS_TEST_DB_HOST:-127.0.0.1}; port=${DEVOPS_TEST_DB_PORT:-3306}
user=${DEVOPS_TEST_DB_USER:-root}; password=${DEVOPS_TEST_DB_PASSWORD:-}
db=devops_test_fencing
sql() { mysql -h"$host" -P"$port" -u"$user" ${password:+-p"$password"} -N -B "$@"; }
sql -e "DROP DATABASE IF EXISTS $db; CREATE DATABASE $db CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"

WORK=$(mktemp -d)
ADMIN_PASSWORD="fencing-$(date +%s%N)"
# shellcheck source=scripts/lib/platform.sh
. scripts/lib/platform.sh
trap 'platform_cleanup; rm -rf "$WORK"' EXIT
began=$(date +%s)
at() { echo "at $(( $(date +%s) - began )) s"; }

# The step: long enough to pause its instance in the middle and to outlast the stale one's wake-up.
STEP="sleep 23"
declare -A PORTS=([a]=18481 [b]=18482)
server_env=(DB_URL="jdbc:mariadb://$host:$port/$db" DB_USER="$user" DB_PASSWORD="$password"
            DEVOPS_SECRET_KEY="fencing-test-master-key-0123456789abcdef"
            JAVA_TOOL_OPTIONS="-XX:TieredStopAtLevel=1" -- # C1 alone: a short test, two JVMs starting at once
            --db-scheduler.heartbeat-interval=1s --db-scheduler.missed-heartbeats-limit=4)
ssh_port=$(free_port 127.0.4.1)
start_ssh_nodes "$ssh_port" 127.0.4.1 127.0.4.2
launch_server a "${PORTS[a]}" "${server_env[@]}" --devops.execution.work-dir="$WORK/runs-a"
launch_server b "${PORTS[b]}" "${server_env[@]}" --devops.execution.work-dir="$WORK/runs-b"
await_server "${PORTS[a]}" a
await_server "${PORTS[b]}" b
up=$(date +%s)
echo "two instances up after $(( up - began )) s"

pool=$(ssh_fixture "${PORTS[a]}" "$ssh_port" 127.0.4.1 127.0.4.2)
shell=$(api "${PORTS[a]}" POST /api/v1/shells "{\"name\":\"slow\",\"command\":\"$STEP; echo done\",\"dispatch\":\"ansible\",\"parameters\":[]}" | json "d['id']")
template=$(api "${PORTS[a]}" POST /api/v1/templates "{\"name\":\"slow\",\"steps\":[{\"type\":\"script\",\"shellId\":$shell}]}" | json "d['id']")
job=$(api "${PORTS[a]}" POST /api/v1/jobs "{\"name\":\"slow\",\"items\":[{\"templateId\":$template,\"targets\":[{\"type\":\"node_pool\",\"id\":$pool}]}]}" | json "d['id']")

# Fails the test (also from inside $(...): everything goes to stderr).
fail() {
    { echo "FAIL: $*"; for name in a b; do echo "--- $name.log"; grep -v DEBUG "$WORK/$name.log" | tail -15; done; } >&2
    exit 1
}
run_field() { api "${PORTS[$1]}" GET "/api/v1/runs/$run" | json "d['$2']"; }

# Everything the run is in the database: its row, steps, node results, log and status history.
snapshot() {
    sql "$db" -e "
      SELECT status, version, executor, attempt, log_bytes, COALESCE(message, '') FROM runs WHERE id = $run;
      SELECT id, status, COALESCE(finished_at, ''), COALESCE(exit_code, ''), COALESCE(message, '') FROM run_tasks WHERE run_id = $run ORDER BY id;
      SELECT h.id, h.status, COALESCE(h.rc, ''), COALESCE(h.finished_at, ''), COALESCE(h.message, '')
        FROM run_host_results h JOIN run_tasks t ON t.id = h.run_task_id WHERE t.run_id = $run ORDER BY h.id;
      SELECT seq, MD5(content) FROM run_log_chunks WHERE run_id = $run ORDER BY seq;
      SELECT id, to_status, changed_by FROM run_status_history WHERE run_id = $run ORDER BY id;"
}

# Waits until the step's command runs on both nodes (ansible-playbook takes its time to get there on a
# busy machine), then prints the instance that executes the run.
await_step_running() {
    for _ in $(seq 1 180); do
        [ "$(pgrep -fc "^$STEP\$" || true)" = 2 ] && break
        sleep 0.5
    done
    [ "$(pgrep -fc "^$STEP\$" || true)" = 2 ] || fail "the step does not run on both nodes: $(pgrep -af sleep || true)"
    case "$(run_field a executor)" in
        *:"${PORTS[a]}") echo a ;;
        *:"${PORTS[b]}") echo b ;;
        *) fail "unknown executor $(run_field a executor)" ;;
    esac
}

# Waits up to 10 s for the step's command to be gone from the nodes.
await_step_gone() {
    for _ in $(seq 1 20); do
        pgrep -f "^$STEP\$" >/dev/null || return 0
        sleep 0.5
    done
    fail "$1: $(pgrep -af "^$STEP\$")"
}

# Pauses instance $1 and waits for the other to interrupt the run; prints the other.
pause_until_interrupted() {
    local paused=$1 other
    other=$([ "$1" = a ] && echo b || echo a)
    kill -STOP "${SERVER_PIDS[$paused]}"
    local stopped
    stopped=$(date +%s)
    await_status "${PORTS[$other]}" "$run" INTERRUPTED 40 || fail "instance $other did not interrupt run $run"
    echo "instance $paused paused; $other interrupted run $run after $(( $(date +%s) - stopped )) s ($(at))" >&2
    echo "$other"
}

# Wakes instance $1 and waits until its stale execution has given the run up (it logs so).
wake_until_given_up() {
    local before
    before=$(grep -c "this execution lost the run" "$WORK/$1.log" || true)
    kill -CONT "${SERVER_PIDS[$1]}"
    for _ in $(seq 1 60); do
        [ "$(grep -c "this execution lost the run" "$WORK/$1.log" || true)" -gt "$before" ] && return 0
        sleep 0.5
    done
    fail "instance $1's stale execution did not give run $run up after waking"
}

run=$(api "${PORTS[a]}" POST "/api/v1/jobs/$job/runs" '{}' | json "d['id']")
await_status "${PORTS[a]}" "$run" RUNNING 60

# Round 1: pause the executor; the other interrupts; the paused one wakes while the run is INTERRUPTED.
first=$(await_step_running)
other=$(pause_until_interrupted "$first")
await_step_gone "round 1: the interrupting instance did not stop the step on the nodes"
taken_over=$(snapshot)
wake_until_given_up "$first"
sleep 2 # the log flusher's second and a little more: anything the stale execution buffered would be written by now
[ "$(snapshot)" = "$taken_over" ] || fail "round 1: instance $first wrote into run $run after it was interrupted:
$(diff <(echo "$taken_over") <(snapshot))"
echo "round 1: instance $first woke and wrote nothing into the INTERRUPTED run $run ($(at))"

# Round 2: resume; pause whichever executes it; the other interrupts; resume through the other's API
# while the first is still paused, so the other runs it; wake the first while the other's step runs.
api "${PORTS[$other]}" POST "/api/v1/runs/$run/resume" >/dev/null
await_status "${PORTS[$other]}" "$run" RUNNING 60
second=$(await_step_running)
survivor=$(pause_until_interrupted "$second")
api "${PORTS[$survivor]}" POST "/api/v1/runs/$run/resume" >/dev/null
await_status "${PORTS[$survivor]}" "$run" RUNNING 30
third=$(await_step_running)
[ "$third" = "$survivor" ] || fail "the resumed run runs on $third, not on $survivor"
resumed_seq=$(sql "$db" -e "SELECT COALESCE(MAX(seq), 0) FROM run_log_chunks WHERE run_id = $run")
resumed_history=$(sql "$db" -e "SELECT MAX(id) FROM run_status_history WHERE run_id = $run")
wake_until_given_up "$second"
sleep 2
# The survivor's execution is still db-scheduler's: its row is there and picked by it, so that its
# own death would still be noticed.
picked_by=$(sql "$db" -e "SELECT picked_by FROM scheduled_tasks WHERE task_name = 'run-execution' AND task_instance = '$run'")
[ "$picked_by" = "$(run_field "$survivor" executor)" ] || fail "round 2: the run's scheduled execution is '$picked_by', not the survivor's"
[ "$(pgrep -fc "^$STEP\$" || true)" = 2 ] || fail "round 2: the survivor's step no longer runs on both nodes after $second woke"
echo "round 2: instance $second woke while $survivor ran run $run; $survivor's step and scheduled execution are untouched ($(at))"

await_status "${PORTS[$survivor]}" "$run" SUCCEEDED 60 || fail "run $run did not succeed on $survivor"
executor=$(run_field "$survivor" executor)
stale=$(sql "$db" -e "SELECT COUNT(*) FROM run_status_history WHERE run_id = $run AND id > $resumed_history AND changed_by <> '$executor'")
[ "$stale" = 0 ] || fail "$stale status change(s) after the resume are not the survivor's"
final_attempt=$(sql "$db" -e "SELECT attempt FROM runs WHERE id = $run")
[ "$final_attempt" = 3 ] || fail "the run ended as attempt $final_attempt, not 3"
not_ok=$(sql "$db" -e "SELECT COUNT(*) FROM run_host_results h JOIN run_tasks t ON t.id = h.run_task_id
                       WHERE t.run_id = $run AND (h.status <> 'SUCCEEDED' OR t.status <> 'SUCCEEDED')")
[ "$not_ok" = 0 ] || fail "$not_ok step or node result(s) are not the survivor's SUCCEEDED"
# The stale execution's step ended killed; its lines (a failed task) would be in the log after the resume.
stale_lines=$(sql "$db" -e "SELECT COUNT(*) FROM run_log_chunks WHERE run_id = $run AND seq > $resumed_seq
                            AND (content LIKE '%FAILED!%' OR content LIKE '%non-zero return code%' OR content LIKE '%lost the run%')")
[ "$stale_lines" = 0 ] || fail "the log after the resume has $stale_lines chunk(s) of the stale execution's step"
api "${PORTS[$survivor]}" GET "/api/v1/runs/$run/log" | tail -3 | grep -q "run $run SUCCEEDED" || fail "the log does not end with the survivor's ending"
echo "round 2: run $run SUCCEEDED as attempt 3 on $executor; every status, step, node result and log line after the resume is its own ($(at))"

# Nothing is left: no step command on the nodes, no process of either instance's steps, no lease, no execution.
await_step_gone "the step's command still runs"
for name in a b; do
    executor_name=$(sql "$db" -e "SELECT DISTINCT changed_by FROM run_status_history WHERE changed_by LIKE '%:${PORTS[$name]}' LIMIT 1")
    [ -z "$executor_name" ] && continue
    left=$({ grep -lzx "DEVOPS_EXECUTOR=$executor_name" /proc/[0-9]*/environ 2>/dev/null || true; } | wc -l)
    [ "$left" = 0 ] || fail "$left process(es) of instance $name's steps still run"
done
[ "$(sql "$db" -e "SELECT COUNT(*) FROM node_leases")" = 0 ] || fail "leases are still held"
[ "$(sql "$db" -e "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'run-execution'")" = 0 ] || fail "a run execution is still scheduled"
for name in a b; do curl -fs "http://127.0.0.1:${PORTS[$name]}/actuator/health" >/dev/null || fail "instance $name does not answer"; done
echo "paused instances are fenced: nothing left running, no lease, no execution ($(( $(date +%s) - began )) s in all, $(( $(date +%s) - up )) s after the start-up)"
sql -e "DROP DATABASE $db"
