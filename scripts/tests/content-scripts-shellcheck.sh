#!/usr/bin/env bash
# The built-in scripts (content/scripts/*.sh) and the fake GPU tools the tests put on the nodes'
# PATH (server/src/test/resources/fake-bin/) are ShellCheck-clean, and the scripts fail clearly
# when a GPU tool is missing. scripts/test.sh installs shellcheck.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

command -v shellcheck >/dev/null 2>&1 || { echo "shellcheck is missing: apt-get install -y shellcheck"; exit 1; }
shellcheck content/scripts/*.sh
shellcheck -s sh server/src/test/resources/fake-bin/*
echo "shellcheck: clean"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin"
ln -s "$root/server/src/test/resources/fake-bin/nvidia-smi" "$work/bin/nvidia-smi"
# nvidia-smi present, all_reduce_perf absent anywhere: a clear message and exit 127, no report.
if out=$(cd "$work" && env -u NCCL_TESTS_DIR PATH="$work/bin:/usr/bin:/bin" REPORT_DIR="$work" \
  bash "$root/content/scripts/single_nccl_test.sh" qwkj 2>&1); then
  echo "single_nccl_test.sh succeeded without all_reduce_perf: $out" >&2
  exit 1
fi
grep -q "all_reduce_perf not found: set NCCL_TESTS_DIR" <<<"$out" || { echo "unclear failure: $out" >&2; exit 1; }
[ ! -e "$work/single-nccl-test-qwkj.md" ] || { echo "a report was written for a test that did not run" >&2; exit 1; }
# A customer code that does not match the pattern is refused before anything runs.
if out=$(bash content/scripts/single_nccl_test.sh 'qwkj; rm -rf /' 2>&1); then
  echo "single_nccl_test.sh accepted a bad customer code" >&2
  exit 1
fi
grep -q "customer must be" <<<"$out" || { echo "unclear refusal: $out" >&2; exit 1; }
echo "missing binaries and bad arguments fail clearly"
