#!/usr/bin/env bash
# Single-node PyTorch test: an NCCL all-reduce and a bf16 matmul on every local GPU
# (torch_allreduce.py under torchrun, which checks the all-reduce's result). Writes
# /tmp/single-torch-test-<customer>.md and, for the platform's torch_all_reduce check, torchrun's
# output to /tmp/acceptance/torch_all_reduce.txt (REPORT_DIR changes /tmp); exits non-zero when the
# test fails (a wrong result included).
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
# shellcheck source=lib/report.sh
. "$here/lib/report.sh"

acceptance_clear torch_all_reduce
if ! command -v nvidia-smi >/dev/null 2>&1; then
  acceptance_missing torch_all_reduce nvidia-smi "the NVIDIA driver"
fi
gpu_inventory || exit
if ! command -v torchrun >/dev/null 2>&1; then
  acceptance_missing torch_all_reduce torchrun "PyTorch with CUDA"
  echo "torchrun not found: install PyTorch with CUDA (pip install torch) or put its bin directory on PATH" >&2
  exit 127
fi

output=$(mktemp)
trap 'rm -f "$output"' EXIT
echo "running torchrun --standalone --nproc_per_node=$GPU_COUNT torch_allreduce.py on $GPU_COUNT x $GPU_MODEL"
rc=0
torchrun --standalone --nproc_per_node="$GPU_COUNT" "$here/torch_allreduce.py" 2>&1 | tee "$output" || rc=$?
acceptance_write torch_all_reduce "$output" "$rc"

busbw=$(sed -n 's/^all_reduce .* busbw: *\([0-9.][0-9.]*\) GB\/s.*$/\1/p' "$output" | tail -n 1)
tflops=$(sed -n 's/^bf16 matmul .*: *\([0-9.][0-9.]*\) TFLOPS on rank 0, *\([0-9.][0-9.]*\) TFLOPS slowest.*$/\2/p' "$output" | tail -n 1)
result=PASSED
if grep -q '^result check: WRONG' "$output"; then
  result="FAILED: the all-reduce result is wrong ($(sed -n 's/^result check: WRONG, //p' "$output" | tail -n 1))"
elif [[ "$rc" -ne 0 ]]; then
  result="FAILED: torchrun exited with $rc"
elif [[ -z "$busbw" ]]; then
  result="FAILED: no all_reduce figure in the output"
fi

report=${REPORT_DIR:-/tmp}/single-torch-test-$customer.md
report_begin "Single-node torch test ($customer)"
report_row Host "$(hostname)"
report_row Date "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
report_row GPUs "$GPU_COUNT x $GPU_MODEL"
report_row "All-reduce bus bandwidth" "${busbw:-none} GB/s"
report_row "bf16 matmul, slowest GPU" "${tflops:-none} TFLOPS"
report_row Result "$result"
report_section "torchrun output" "$output"
report_finish "$report"
echo "report: $report ($result)"
[[ "$result" == PASSED ]]
