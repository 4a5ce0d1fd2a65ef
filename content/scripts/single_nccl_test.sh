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
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib/report.sh
. "$here/lib/report.sh"

gpu_inventory || exit
if [[ -n "${NCCL_TESTS_DIR:-}" && -x "$NCCL_TESTS_DIR/all_reduce_perf" ]]; then
  perf=$NCCL_TESTS_DIR/all_reduce_perf
elif ! perf=$(command -v all_reduce_perf); then
  echo "all_reduce_perf not found: set NCCL_TESTS_DIR (looked in ${NCCL_TESTS_DIR:-<unset>} and on PATH)" >&2
  exit 127
fi

args=(-b "${NCCL_MIN_BYTES:-8}" -e "${NCCL_MAX_BYTES:-8G}" -f 2 -g "$GPU_COUNT")
output=$(mktemp)
trap 'rm -f "$output"' EXIT
echo "running $perf ${args[*]} on $GPU_COUNT x $GPU_MODEL"
rc=0
"$perf" "${args[@]}" 2>&1 | tee "$output" || rc=$?

avg=$(nccl_avg_busbw "$output")
read -r largest largest_size <<<"$(nccl_largest_busbw "$output")" || true
result=PASSED
if [[ "$rc" -ne 0 ]]; then
  result="FAILED: all_reduce_perf exited with $rc"
elif [[ -z "$avg" ]]; then
  result="FAILED: no 'Avg bus bandwidth' line in the output"
fi

report=${REPORT_DIR:-/tmp}/single-nccl-test-$customer.md
report_begin "Single-node NCCL test ($customer)"
report_row Host "$(hostname)"
report_row Date "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
report_row GPUs "$GPU_COUNT x $GPU_MODEL"
report_row Command "\`${perf##*/} ${args[*]}\`"
report_row "Avg bus bandwidth" "${avg:-none} GB/s"
report_row "Bus bandwidth at the largest size" "${largest:-none} GB/s${largest_size:+ ($largest_size bytes)}"
report_row Result "$result"
report_section "all_reduce_perf output" "$output"
report_finish "$report"
echo "report: $report ($result)"
[[ "$result" == PASSED ]]
