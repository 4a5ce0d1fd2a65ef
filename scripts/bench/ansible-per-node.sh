#!/usr/bin/env bash
# Benchmark: the same one-line step as the agent benchmark ('true'), through Ansible over SSH on
# N loopback sshd nodes (127.0.5.1 …), to compare the time per node with agent dispatch.
# Usage: scripts/bench/ansible-per-node.sh [N] [ROUNDS]   (root, sshd and ansible-core needed)
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-20}
rounds=${2:-3}
WORK=$(mktemp -d)
# shellcheck source=scripts/lib/platform.sh
. scripts/lib/platform.sh
trap 'platform_cleanup; rm -rf "$WORK"' EXIT

ips=()
for i in $(seq 1 "$n"); do ips+=("127.0.5.$i"); done
port=$(free_port 127.0.5.1)
start_ssh_nodes "$port" "${ips[@]}"
{
  echo "[all]"
  for ip in "${ips[@]}"; do echo "$ip ansible_port=$port ansible_user=root ansible_ssh_private_key_file=$WORK/id"; done
} > "$WORK/inventory.ini"
sleep 1
run() { # control-dir
  ANSIBLE_HOST_KEY_CHECKING=False ANSIBLE_PIPELINING=True ANSIBLE_FORKS="$n" ANSIBLE_PYTHON_INTERPRETER=auto_silent \
  ANSIBLE_SSH_ARGS="-o ControlMaster=auto -o ControlPersist=60s -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null" \
  ANSIBLE_SSH_CONTROL_PATH_DIR="$1" ansible all -i "$WORK/inventory.ini" -m command -a true > "$WORK/out.log"
}
echo "| ansible -m command -a true on $n loopback nodes | total ms | per node ms |"
echo "|---|---|---|"
for round in $(seq 1 "$rounds"); do
  t0=$(date +%s%N); run "$WORK/cold-$round"; cold=$(( ($(date +%s%N) - t0) / 1000000 ))
  t0=$(date +%s%N); run "$WORK/cold-$round"; warm=$(( ($(date +%s%N) - t0) / 1000000 ))
  echo "| round $round, new SSH connections | $cold | $(( cold / n )) |"
  echo "| round $round, kept connections (ControlPersist) | $warm | $(( warm / n )) |"
done
