#!/usr/bin/env bash
# Single-node PyTorch test: an NCCL all-reduce and a bf16 matmul on every local GPU
# (torch_allreduce.py under torchrun). Writes /tmp/single-torch-test-<customer>.md (REPORT_DIR
# changes /tmp) and exits non-zero when the test fails.
#
# Usage: single_torch_test.sh <customer>
set -euo pipefail

usage="usage: single_torch_test.sh <customer>"
customer=${1:?$usage}
if [[ ! "$customer" =~ ^[a-z0-9_-]{1,32}$ ]]; then
  echo "customer must be 1-32 of a-z 0-9 _ -, not '$customer'" >&2
  exit 2
fi
if [[ -f ./nccl_env.sh ]]; then
  # shellcheck source=/dev/null
  . ./nccl_env.sh
fi
here=$(cd "$(dirname "$0")" && pwd)

for tool in nvidia-smi torchrun; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    case $tool in
      nvidia-smi) echo "nvidia-smi not found: install the NVIDIA driver" >&2 ;;
      *) echo "torchrun not found: install PyTorch with CUDA (pip install torch) or put its bin directory on PATH" >&2 ;;
    esac
    exit 127
  fi
done

names=$(nvidia-smi --query-gpu=name --format=csv,noheader)
mapfile -t gpus <<<"$names"
count=${#gpus[@]}
if [[ -z "$names" || "$count" -eq 0 ]]; then
  echo "nvidia-smi lists no GPU" >&2
  exit 1
fi
model=${gpus[0]}

output=$(mktemp)
trap 'rm -f "$output"' EXIT
echo "running torchrun --standalone --nproc_per_node=$count torch_allreduce.py on $count x $model"
rc=0
torchrun --standalone --nproc_per_node="$count" "$here/torch_allreduce.py" 2>&1 | tee "$output" || rc=$?

busbw=$(sed -n 's/^all_reduce .* busbw: *\([0-9.][0-9.]*\) GB\/s.*$/\1/p' "$output" | tail -n 1)
result=PASSED
if [[ "$rc" -ne 0 ]]; then
  result="FAILED: torchrun exited with $rc"
elif [[ -z "$busbw" ]]; then
  result="FAILED: no all_reduce figure in the output"
fi

report=${REPORT_DIR:-/tmp}/single-torch-test-$customer.md
{
  echo "# Single-node torch test ($customer)"
  echo
  echo "| | |"
  echo "| --- | --- |"
  echo "| Host | $(hostname) |"
  echo "| Date | $(date -u +%Y-%m-%dT%H:%M:%SZ) |"
  echo "| GPUs | $count x $model |"
  echo "| All-reduce bus bandwidth | ${busbw:-none} GB/s |"
  echo "| Result | $result |"
  echo
  echo "## torchrun output"
  echo
  echo '```text'
  cat "$output"
  echo '```'
} >"$report.tmp"
mv "$report.tmp" "$report"
echo "report: $report ($result)"
[[ "$result" == PASSED ]]
