#!/usr/bin/env bash
# Benchmark: the platform's overhead on a run, against plain ansible-playbook running the same
# generated playbook on the same nodes with the same SSH settings, side by side, alternating.
# Usage: scripts/bench/run-overhead.sh [ROUNDS]   (needs the built jar, root, sshd and ansible-core)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}
[ -f server/target/devops-server.jar ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 2; }
WORK=$(mktemp -d)
ADMIN_PASSWORD="bench-$(date +%s%N)"
# shellcheck source=scripts/lib/platform.sh
. scripts/lib/platform.sh
trap 'platform_cleanup; rm -rf "$WORK"' EXIT

nodes=(127.0.3.1 127.0.3.2 127.0.3.3)
ssh_port=$(free_port 127.0.3.1)
start_ssh_nodes "$ssh_port" "${nodes[@]}"
# setup PORT: a job of two operator steps on the three nodes, on the server at PORT; prints its id.
setup() {
  local port=$1 pool first second template
  pool=$(ssh_fixture "$port" "$ssh_port" "${nodes[@]}")
  first=$(operator "$port" collect_net_driver_info)
  second=$(operator "$port" user_set '{"user_set_name":"devops_bench","user_set_sudo":false,"user_set_distribute_keys":false}')
  template=$(api "$port" POST /api/v1/templates "{\"name\":\"bench\",\"steps\":[{\"type\":\"operator\",\"operatorId\":$first},{\"type\":\"operator\",\"operatorId\":$second}]}" | json "d['id']")
  api "$port" POST /api/v1/jobs "{\"name\":\"bench\",\"items\":[{\"templateId\":$template,\"targets\":[{\"type\":\"node_pool\",\"id\":$pool}]}]}" | json "d['id']"
}
# operator PORT ROLE [VALUES_JSON]: an operator of a built-in role, with the values its required variables need.
operator() {
  local role_id values=${3:-}
  [ -n "$values" ] || values='{}'
  role_id=$(api "$1" GET "/api/v1/roles?name=$2" | json "d['items'][0]['id']")
  api "$1" POST /api/v1/operators "{\"roleId\":$role_id,\"pkgVersion\":\"1\",\"values\":$values}" | json "d['id']"
}
# serve NAME PORT JAR: a server on its own H2 database and folders.
serve() {
  PLATFORM_JAR=$3 start_server "$1" "$2" DB_URL="jdbc:h2:file:$WORK/$1/h2/devops;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE" \
    DEVOPS_SECRET_KEY="bench-master-key-0123456789abcdefghijkl" DEVOPS_ROLES_DIR="$WORK/$1/roles" -- \
    --devops.execution.work-dir="$WORK/$1/runs"
}
serve bench 18481 "$PLATFORM_JAR"
job=$(setup 18481)
# BASELINE_JAR (a path from the repository root): another build, run beside this one in the same rounds.
if [ -n "${BASELINE_JAR:-}" ]; then
  serve baseline 18482 "$BASELINE_JAR"
  baseline_job=$(setup 18482)
fi

# The same playbook, inventory and SSH settings for plain ansible-playbook; the same role files too:
# the built-in roles' files in content/roles are the versions the platform stored at start.
mkdir -p "$WORK/plain"
template=$(api 18481 GET "/api/v1/jobs/$job" | json "d['items'][0]['templateId']")
api 18481 GET "/api/v1/templates/$template/plan" | json "d['tasks'][0]['playbook']" > "$WORK/plain/playbook.yml"
{
  echo "[all]"
  for ip in "${nodes[@]}"; do echo "$ip ansible_port=$ssh_port ansible_user=root ansible_ssh_private_key_file=$WORK/id"; done
} > "$WORK/plain/inventory.ini"
cat > "$WORK/plain/ansible.cfg" <<CFG
[defaults]
host_key_checking = False
forks = 50
interpreter_python = auto_silent
roles_path = $PWD/content/roles
retry_files_enabled = False
[ssh_connection]
pipelining = True
ssh_args = -o ControlMaster=auto -o ControlPersist=60s -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR
control_path = $WORK/plain/%%C
CFG

now() { date +%s%N; }
# timed_run PORT JOB: runs the job and waits for its end as a client would; prints "client_ms engine_ms queued_ms".
timed_run() {
  local t0 run status
  t0=$(now)
  run=$(api "$1" POST "/api/v1/jobs/$2/runs" '{}' | json "d['id']")
  while ! api "$1" GET "/api/v1/runs/$run" | json "d['status']" | grep -qE 'SUCCEEDED|FAILED|CANCELLED|INTERRUPTED'; do sleep 0.05; done
  local client=$(( ($(now) - t0) / 1000000 ))
  status=$(api "$1" GET "/api/v1/runs/$run" | json "d['status']")
  [ "$status" = SUCCEEDED ] || { echo "run $run on port $1 ended $status" >&2; exit 1; }
  # The run's own duration, its wait in the queue, and the time inside its steps (one playbook each, reports included).
  api "$1" GET "/api/v1/runs/$run" | json "'%d %d %d' % (d['durationMs'], __import__('datetime').datetime.fromisoformat(d['startedAt'].replace('Z','+00:00')).timestamp()*1000 - __import__('datetime').datetime.fromisoformat(d['queuedAt'].replace('Z','+00:00')).timestamp()*1000, sum({s['outputId']: s['durationMs'] or 0 for i in d['items'] for s in i['steps']}.values()))" \
    | { read -r engine queue steps; echo "$client $engine ${queue%.*} $steps"; }
}
plain=() platform=() engine=() base=() base_engine=()
for round in $(seq 1 "$rounds"); do
  t0=$(now)
  (cd "$WORK/plain" && ANSIBLE_CONFIG="$WORK/plain/ansible.cfg" ansible-playbook -i inventory.ini playbook.yml > "$WORK/plain/out-$round.log")
  plain+=($(( ($(now) - t0) / 1000000 )))
  read -r client run_ms queue steps_ms <<< "$(timed_run 18481 "$job")"
  platform+=("$client") engine+=("$run_ms")
  line="round $round: plain ${plain[-1]} ms, platform $client ms (queued $queue ms, run $run_ms ms, in steps $steps_ms ms)"
  if [ -n "${BASELINE_JAR:-}" ]; then
    read -r client run_ms queue steps_ms <<< "$(timed_run 18482 "$baseline_job")"
    base+=("$client") base_engine+=("$run_ms")
    line="$line, baseline $client ms (queued $queue ms, run $run_ms ms, in steps $steps_ms ms)"
  fi
  echo "$line"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'; }
p=$(median "${plain[@]}"); q=$(median "${platform[@]}"); e=$(median "${engine[@]}")
echo
echo "| ${#nodes[@]} nodes, 2 operator steps, $rounds rounds | median ms |"
echo "|---|---|"
echo "| plain ansible-playbook | $p |"
echo "| platform, POST run → status SUCCEEDED seen by the client | $q |"
echo "| platform, the run's own duration (started → finished) | $e |"
[ -z "${BASELINE_JAR:-}" ] || {
  echo "| baseline ($BASELINE_JAR), client view | $(median "${base[@]}") |"
  echo "| baseline, the run's own duration | $(median "${base_engine[@]}") |"
}
echo "| overhead (client view) | $(( ${q%.*} - ${p%.*} )) ms ($(python3 -c "print(round(100*($q-$p)/$p,1))") %) |"
