#!/usr/bin/env bash
# The built-in scripts (content/scripts/, with their sourced lib/), the scripts the built-in roles
# run on the nodes (content/roles/*/files/), and the fake GPU tools and installers the tests use
# (server/src/test/resources/fake-bin/, fake-installers/, fake-acceptance-bin/) are ShellCheck-clean; the roles pass
# ansible-lint when it is installed (Debian's ansible-lint); and the scripts fail clearly when a GPU
# tool is missing. scripts/test.sh installs shellcheck.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

command -v shellcheck >/dev/null 2>&1 || { echo "shellcheck is missing: apt-get install -y shellcheck"; exit 1; }
(cd content/scripts && shellcheck -x ./*.sh lib/*.sh)
shellcheck -s sh content/roles/*/files/*.sh
shellcheck -s sh server/src/test/resources/fake-bin/* server/src/test/resources/fake-installers/* server/src/test/resources/fake-acceptance-bin/fake-acceptance server/src/test/resources/fake-acceptance-bin/mpirun
echo "shellcheck: clean"
if command -v ansible-lint >/dev/null 2>&1; then
  (cd content && ANSIBLE_ROLES_PATH="$root/content/roles" nice ansible-lint --offline -q roles/)
  echo "ansible-lint: clean"
else
  echo "ansible-lint: not installed, roles not linted (apt-get install -y ansible-lint)"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin"
fakes=$root/server/src/test/resources/fake-bin
ln -s "$fakes/nvidia-smi" "$work/bin/nvidia-smi"
ln -s "$fakes/fake-gpu-state" "$work/bin/fake-gpu-state"
export FAKE_GPU_STATE=$work/state
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

# The NCCL report keeps the contract the server's parser relies on: the GPUs row and the raw
# output fenced under "## all_reduce_perf output", for a good and for a slow node alike.
for node in good slow; do
  mkdir -p "$work/$node"
  rm -rf "$FAKE_GPU_STATE"
  "$fakes/fake-gpu-state" >/dev/null
  [ "$node" = good ] || touch "$FAKE_GPU_STATE/slow"
  (cd "$work/$node" && PATH="$fakes:/usr/bin:/bin" REPORT_DIR="$work/$node" \
    bash "$root/content/scripts/single_nccl_test.sh" "$node" >/dev/null)
  report=$work/$node/single-nccl-test-$node.md
  grep -qxF '| GPUs | 8 x NVIDIA H100 80GB HBM3 |' "$report" || { echo "no GPUs row in the $node report" >&2; exit 1; }
  section=$(sed -n '/^## all_reduce_perf output$/,$p' "$report")
  grep -qxF '```text' <<<"$section" || { echo "no fenced output in the $node report" >&2; exit 1; }
  grep -q '^# Collective test concluded: all_reduce_perf' "$report" || { echo "raw output missing in the $node report" >&2; exit 1; }
done
grep -qF '| Bus bandwidth at the largest size | 478.85 GB/s (8589934592 bytes) |' "$work/good/single-nccl-test-good.md"
grep -qF '| Bus bandwidth at the largest size | 311.25 GB/s (8589934592 bytes) |' "$work/slow/single-nccl-test-slow.md"
echo "NCCL reports of a good and a slow node keep the report contract"
