# shellcheck shell=bash
# Shared by the test scripts: the GPUs of this node, the nccl-tests figure the reports show, and
# writing a Markdown report (a key/value table, then raw output in fenced blocks) atomically, so a
# collector never reads half a report. Sourced, never run; the scripts directory travels to the
# nodes whole, so ./script/lib/report.sh is always beside the scripts.
#
#   report_begin "Single-node NCCL test (qwkj)"
#   report_row "GPUs" "8 x NVIDIA H100 80GB HBM3"
#   report_section "all_reduce_perf output" "$output_file"
#   report_finish /tmp/single-nccl-test-qwkj.md

# Sets GPU_COUNT and GPU_MODEL from nvidia-smi, or says why not and returns non-zero.
gpu_inventory() {
  local names
  if ! command -v nvidia-smi >/dev/null 2>&1; then
    echo "nvidia-smi not found: install the NVIDIA driver" >&2
    return 127
  fi
  if ! names=$(nvidia-smi --query-gpu=name --format=csv,noheader) || [[ -z "$names" ]]; then
    echo "nvidia-smi lists no GPU" >&2
    return 1
  fi
  local -a gpus
  mapfile -t gpus <<<"$names"
  # shellcheck disable=SC2034 # read by the scripts that source this file
  GPU_COUNT=${#gpus[@]}
  # shellcheck disable=SC2034
  GPU_MODEL=${gpus[0]}
}

# The bus bandwidth (GB/s, out-of-place) at the largest message size of an all_reduce_perf output,
# and that size, as "<busbw> <bytes>"; nothing when the output has no result row. Reads both row
# formats (with a root column: busbw is field 8; older, without it: field 7) and mpirun's "[0] " prefixes.
nccl_largest_busbw() {
  sed -e 's/^\[[0-9]*\] *//' "$1" | awk '$1 ~ /^[0-9]+$/ && NF >= 12 { size = $1; busbw = (NF >= 13) ? $8 : $7 }
    END { if (size != "") print busbw, size }'
}

# The "Avg bus bandwidth" figure of an all_reduce_perf output, or nothing.
nccl_avg_busbw() {
  sed -n 's/^.*# Avg bus bandwidth *: *\([0-9.][0-9.]*\).*$/\1/p' "$1" | tail -n 1
}

report_begin() {
  REPORT_BUFFER=$(mktemp)
  printf '# %s\n\n| | |\n| --- | --- |\n' "$1" >"$REPORT_BUFFER"
}

# One table row; a '|' in the value is escaped so the table stays a table.
report_row() {
  printf '| %s | %s |\n' "$1" "${2//|/\\|}" >>"$REPORT_BUFFER"
}

# A section with the file's content, verbatim, in a fenced text block.
report_section() {
  {
    printf '\n## %s\n\n```text\n' "$1"
    cat "$2"
    printf '```\n'
  } >>"$REPORT_BUFFER"
}

# Moves the report into place in one step: a uniquely named temporary file beside the target (same
# file system, so mv is a rename; unique, so two writers of one path never trip over each other).
report_finish() {
  local target=$1 staged
  staged=$(mktemp "$target.XXXXXX")
  cat "$REPORT_BUFFER" >"$staged"
  rm -f "$REPORT_BUFFER"
  chmod 0644 "$staged"
  mv -f "$staged" "$target"
}

# Acceptance reports: ${REPORT_DIR:-/tmp}/acceptance/<check>.txt, judged by the platform's check of that
# name. The tool's output as it printed it, then, as the gpu_acceptance role writes them, the line
# "devops-acceptance: exit status <n>" when it failed, or only "devops-acceptance: missing tool <tool>
# (install <what>)" when it is not installed. acceptance_clear comes first, so that a report left by an
# earlier run is never judged as this one's.
acceptance_path() {
  printf '%s/acceptance/%s.txt' "${REPORT_DIR:-/tmp}" "$1"
}

acceptance_clear() {
  rm -f "$(acceptance_path "$1")"
}

# acceptance_write <check> <output file> <exit status>
acceptance_write() {
  local target staged
  target=$(acceptance_path "$1")
  mkdir -p "$(dirname "$target")"
  staged=$(mktemp "$target.XXXXXX")
  cat "$2" >"$staged"
  if [[ "$3" -ne 0 ]]; then
    printf 'devops-acceptance: exit status %s\n' "$3" >>"$staged"
  fi
  chmod 0644 "$staged"
  mv -f "$staged" "$target"
}

# acceptance_missing <check> <tool> <what to install>
acceptance_missing() {
  local line
  line=$(mktemp)
  printf 'devops-acceptance: missing tool %s (install %s)\n' "$2" "$3" >"$line"
  acceptance_write "$1" "$line" 0
  rm -f "$line"
}
