#!/usr/bin/env bash
# Multi-node test, started once on a launcher node with the run's host list.
#
# Usage: multi_test.sh nccl|torch [all|<number of nodes>]
#   nccl:  mpirun all_reduce_perf, one process per GPU, over the nodes  -> /tmp/multi-nccl-test.md
#          and, for the platform's check, its output -> /tmp/acceptance/nccl_all_reduce_multi.txt
#   torch: torchrun torch_allreduce.py on each node over ssh            -> /tmp/multi-torch-test.md
#          and every node's torchrun output -> /tmp/acceptance/torch_all_reduce.txt
# HOSTFILE (one host per line, written by the platform for launcher steps) lists the nodes; the
# launcher is expected to reach every node by ssh without a password (as mpirun needs). Every
# node is assumed to have as many GPUs as the launcher. REPORT_DIR changes /tmp.
set -euo pipefail

usage="usage: multi_test.sh nccl|torch [all|<number of nodes>]"
kind=${1:?$usage}
take=${2:-all}
if [[ $# -gt 2 || ! "$kind" =~ ^(nccl|torch)$ || ! "$take" =~ ^(all|[1-9][0-9]*)$ ]]; then
  echo "$usage" >&2
  exit 2
fi
if [[ -f ./nccl_env.sh ]]; then
  # shellcheck source=/dev/null
  . ./nccl_env.sh
fi
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib/report.sh
. "$here/lib/report.sh"
if [[ "$kind" == nccl ]]; then check=nccl_all_reduce_multi; else check=torch_all_reduce; fi
acceptance_clear "$check"

if [[ -z "${HOSTFILE:-}" || ! -r "$HOSTFILE" ]]; then
  echo "HOSTFILE not set or not readable: run this as a launcher step, or set HOSTFILE to a file with one host per line" >&2
  exit 2
fi
hosts=()
while read -r host _; do
  [[ -n "$host" && "$host" != \#* ]] && hosts+=("$host")
done <"$HOSTFILE"
if [[ "$take" != all ]]; then
  if [[ "$take" -gt "${#hosts[@]}" ]]; then
    echo "asked for $take nodes, the host list has ${#hosts[@]}" >&2
    exit 2
  fi
  hosts=("${hosts[@]:0:$take}")
fi
nodes=${#hosts[@]}
if [[ "$nodes" -eq 0 ]]; then
  echo "the host list $HOSTFILE is empty" >&2
  exit 2
fi

# need <tool> <what to install> <how>
need() {
  if ! command -v "$1" >/dev/null 2>&1; then
    acceptance_missing "$check" "$1" "$2"
    echo "$1 not found: install $2${3:+ ($3)}" >&2
    exit 127
  fi
}
need nvidia-smi "the NVIDIA driver"
gpu_inventory || exit
per_node=$GPU_COUNT
model=$GPU_MODEL

output=$(mktemp)
work=$(mktemp -d)
trap 'rm -rf "$output" "$work"' EXIT
rc=0
if [[ "$kind" == nccl ]]; then
  need mpirun "Open MPI" "and build nccl-tests with MPI=1"
  if [[ -n "${NCCL_TESTS_DIR:-}" && -x "$NCCL_TESTS_DIR/all_reduce_perf" ]]; then
    perf=$NCCL_TESTS_DIR/all_reduce_perf
  elif ! perf=$(command -v all_reduce_perf); then
    acceptance_missing "$check" all_reduce_perf "nccl-tests built with MPI=1"
    echo "all_reduce_perf not found: set NCCL_TESTS_DIR (looked in ${NCCL_TESTS_DIR:-<unset>} and on PATH)" >&2
    exit 127
  fi
  for host in "${hosts[@]}"; do
    echo "$host slots=$per_node"
  done >"$work/hosts"
  exports=()
  for name in NCCL_SOCKET_IFNAME NCCL_IB_HCA NCCL_DEBUG LD_LIBRARY_PATH; do
    [[ -n "${!name:-}" ]] && exports+=(-x "$name")
  done
  command=(mpirun -np "$((nodes * per_node))" -N "$per_node" --hostfile "$work/hosts" --allow-run-as-root
    "${exports[@]}" "$perf" -b "${NCCL_MIN_BYTES:-8}" -e "${NCCL_MAX_BYTES:-8G}" -f 2 -g 1)
  echo "running ${command[*]}"
  "${command[@]}" 2>&1 | tee "$output" || rc=$?
  figure=$(nccl_avg_busbw "$output")
  label="Avg bus bandwidth"
  section="all_reduce_perf output"
else
  need torchrun "PyTorch with CUDA" "pip install torch, on every node"
  need ssh "openssh-client"
  master=${hosts[0]}
  port=${TORCH_MASTER_PORT:-29500}
  pids=()
  for rank in "${!hosts[@]}"; do
    host=${hosts[$rank]}
    scp -q "$here/torch_allreduce.py" "$host:$work.py"
    ssh "$host" torchrun --nnodes="$nodes" --nproc_per_node="$per_node" --node_rank="$rank" \
      --master_addr="$master" --master_port="$port" "$work.py" >"$work/rank-$rank.log" 2>&1 &
    pids+=($!)
  done
  for index in "${!pids[@]}"; do
    wait "${pids[$index]}" || rc=$?
    sed "s/^/[${hosts[$index]}] /" "$work/rank-$index.log" | tee -a "$output"
  done
  figure=$(sed -n 's/^.*all_reduce .* busbw: *\([0-9.][0-9.]*\) GB\/s.*$/\1/p' "$output" | tail -n 1)
  label="All-reduce bus bandwidth"
  section="torchrun output"
fi

acceptance_write "$check" "$output" "$rc"

result=PASSED
if grep -q 'result check: WRONG' "$output"; then
  result="FAILED: the all-reduce result is wrong"
elif [[ "$rc" -ne 0 ]]; then
  result="FAILED: the test exited with $rc"
elif [[ -z "$figure" ]]; then
  result="FAILED: no bandwidth figure in the output"
fi
report=${REPORT_DIR:-/tmp}/multi-$kind-test.md
report_begin "Multi-node $kind test"
report_row Launcher "$(hostname)"
report_row Date "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
report_row Nodes "$nodes: ${hosts[*]}"
report_row GPUs "$per_node x $model"
report_row "$label" "${figure:-none} GB/s"
if [[ "$kind" == nccl ]]; then
  read -r largest largest_size <<<"$(nccl_largest_busbw "$output")" || true
  report_row "Bus bandwidth at the largest size" "${largest:-none} GB/s${largest_size:+ ($largest_size bytes)}"
fi
report_row Result "$result"
report_section "$section" "$output"
report_finish "$report"
echo "report: $report ($result)"
[[ "$result" == PASSED ]]
