#!/usr/bin/env bash
# Single-node NCCL test: all_reduce_perf (nccl-tests) over every local GPU.
# Writes the Markdown report /tmp/single-nccl-test-<customer>.md (REPORT_DIR changes /tmp) and
# exits non-zero when the test fails or prints no bandwidth.
#
# Usage: single_nccl_test.sh <customer>
# Reads ./nccl_env.sh from set_multi_env.sh when present; NCCL_TESTS_DIR is where all_reduce_perf
# lives (else it is looked for on PATH); NCCL_MIN_BYTES / NCCL_MAX_BYTES set the size sweep.
set -euo pipefail

usage="usage: single_nccl_test.sh <customer>"
customer=${1:?$usage}
if [[ ! "$customer" =~ ^[a-z0-9_-]{1,32}$ ]]; then
  echo "customer must be 1-32 of a-z 0-9 _ -, not '$customer'" >&2
  exit 2
fi
if [[ -f ./nccl_env.sh ]]; then
  # shellcheck source=/dev/null
  . ./nccl_env.sh
fi

if ! command -v nvidia-smi >/dev/null 2>&1; then
  echo "nvidia-smi not found: install the NVIDIA driver" >&2
  exit 127
fi
if [[ -n "${NCCL_TESTS_DIR:-}" && -x "$NCCL_TESTS_DIR/all_reduce_perf" ]]; then
  perf=$NCCL_TESTS_DIR/all_reduce_perf
elif ! perf=$(command -v all_reduce_perf); then
  echo "all_reduce_perf not found: set NCCL_TESTS_DIR (looked in ${NCCL_TESTS_DIR:-<unset>} and on PATH)" >&2
  exit 127
fi

names=$(nvidia-smi --query-gpu=name --format=csv,noheader)
mapfile -t gpus <<<"$names"
count=${#gpus[@]}
if [[ -z "$names" || "$count" -eq 0 ]]; then
  echo "nvidia-smi lists no GPU" >&2
  exit 1
fi
model=${gpus[0]}

args=(-b "${NCCL_MIN_BYTES:-8}" -e "${NCCL_MAX_BYTES:-8G}" -f 2 -g "$count")
output=$(mktemp)
trap 'rm -f "$output"' EXIT
echo "running $perf ${args[*]} on $count x $model"
rc=0
"$perf" "${args[@]}" 2>&1 | tee "$output" || rc=$?

avg=$(sed -n 's/^.*# Avg bus bandwidth *: *\([0-9.][0-9.]*\).*$/\1/p' "$output" | tail -n 1)
result=PASSED
if [[ "$rc" -ne 0 ]]; then
  result="FAILED: all_reduce_perf exited with $rc"
elif [[ -z "$avg" ]]; then
  result="FAILED: no 'Avg bus bandwidth' line in the output"
fi

report=${REPORT_DIR:-/tmp}/single-nccl-test-$customer.md
{
  echo "# Single-node NCCL test ($customer)"
  echo
  echo "| | |"
  echo "| --- | --- |"
  echo "| Host | $(hostname) |"
  echo "| Date | $(date -u +%Y-%m-%dT%H:%M:%SZ) |"
  echo "| GPUs | $count x $model |"
  echo "| Command | \`${perf##*/} ${args[*]}\` |"
  echo "| Avg bus bandwidth | ${avg:-none} GB/s |"
  echo "| Result | $result |"
  echo
  echo "## all_reduce_perf output"
  echo
  echo '```text'
  cat "$output"
  echo '```'
} >"$report.tmp"
mv "$report.tmp" "$report"
echo "report: $report ($result)"
[[ "$result" == PASSED ]]
