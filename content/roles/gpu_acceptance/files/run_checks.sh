#!/bin/sh
# Runs the acceptance checks named in $5 (comma-separated) and writes each tool's output, stdout and
# stderr, to $1/acceptance/<check>.txt, exactly as the tool printed it, plus the two platform lines:
#   devops-acceptance: missing tool <tool> (install <package>)   the tool is not on this node
#   devops-acceptance: exit status <n>                           the tool exited non-zero
#   devops-acceptance: level <n>                                 the level dcgmi diag ran at (its report only)
#   devops-acceptance: wall <ms>                                 how long the check ran (last line)
# A check that is not chosen gets the single line "devops-acceptance: not selected". A failing tool
# never fails this script (the platform's verdict decides); a report it cannot write does (exit 1).
# Arguments: <dir> <dcgm level 1-3> <GPUs for all_reduce_perf, 0 = all> <timeout minutes> <checks>
#            <seconds of GPU stress>
set -u
dir=$1 level=$2 gpus=$3 minutes=$4 chosen=$5 stress=${6:-3600}
out=$dir/acceptance
all="gpu_inventory pcie ecc row_remap xid nvlink fabric_manager dcgm_diag nvbandwidth nccl_all_reduce ib_write_bw gpu_stress"

have() { command -v "$1" >/dev/null 2>&1; }
limited() { if have timeout; then timeout "$((minutes * 60))" "$@"; else "$@"; fi; }
missing() { echo "devops-acceptance: missing tool $1 (install $2)"; }
# Runs a command, its stderr with its stdout; adds the exit line when it fails.
tool() {
  limited "$@" 2>&1
  status=$?
  [ "$status" -eq 0 ] || echo "devops-acceptance: exit status $status"
}
# tool, with the "missing tool" line instead when $1 is not installed ($2 names the package).
needs() {
  name=$1 package=$2
  shift 2
  if have "$name"; then tool "$@"; else missing "$name" "$package"; fi
}
smi() { needs nvidia-smi "the NVIDIA driver (nvidia-smi)" nvidia-smi "$@"; }

gpu_count() {
  if [ "$gpus" -gt 0 ]; then echo "$gpus"; return; fi
  have nvidia-smi && nvidia-smi -L 2>/dev/null | grep -c '^GPU '
}

xid() {
  tmp=$(mktemp) || return 1
  if have journalctl; then
    limited journalctl -k -b --no-pager -o short-iso >"$tmp" 2>"$tmp.err"
  elif have dmesg; then
    limited dmesg -T >"$tmp" 2>"$tmp.err"
  else
    missing journalctl systemd
    rm -f "$tmp"
    return 0
  fi
  status=$?
  cat "$tmp.err"
  # grep's status 1 means "no NVIDIA kernel message": that is the tool's answer, not a failure.
  grep -E 'NVRM|SXid|nvidia' "$tmp"
  found=$?
  rm -f "$tmp" "$tmp.err"
  if [ "$status" -ne 0 ]; then echo "devops-acceptance: exit status $status";
  elif [ "$found" -gt 1 ]; then echo "devops-acceptance: exit status $found"; fi
}

fabric_manager() {
  if ! have lspci; then missing lspci pciutils; return 0; fi
  if ! have nvidia-smi; then missing nvidia-smi "the NVIDIA driver (nvidia-smi)"; return 0; fi
  switches=$(lspci -nn 2>/dev/null | grep -i nvidia | grep -ci nvswitch)
  if [ "${switches:-0}" -gt 0 ]; then echo "nvswitch: yes"; else echo "nvswitch: no"; fi
  echo "driver_version: $(nvidia-smi --query-gpu=driver_version --format=csv,noheader 2>&1 | head -n 1)"
  if have systemctl; then
    echo "fabricmanager_active: $(systemctl is-active nvidia-fabricmanager 2>&1 | head -n 1)"
  else
    echo "fabricmanager_active: unknown (no systemctl)"
  fi
  version=none
  if have nv-fabricmanager; then
    version=$(nv-fabricmanager --version 2>&1 | grep -Eo '[0-9]+(\.[0-9]+)+' | head -n 1)
  fi
  echo "fabricmanager_version: ${version:-none}"
}

nccl_all_reduce() {
  if ! have all_reduce_perf; then missing all_reduce_perf "nccl-tests (all_reduce_perf)"; return 0; fi
  count=$(gpu_count)
  tool all_reduce_perf -b 16G -e 16G -f 2 -g "${count:-0}"
}

hcas() {
  if have ibv_devices; then
    ibv_devices 2>/dev/null | awk 'NR > 2 && NF > 0 { print $1 }'
  elif [ -d /sys/class/infiniband ]; then
    for device in /sys/class/infiniband/*; do [ -e "$device" ] && echo "${device##*/}"; done
  fi
}

ib_write_bw() {
  if ! have ib_write_bw; then missing ib_write_bw perftest; return 0; fi
  list=$(hcas)
  if [ -z "$list" ]; then echo "no InfiniBand HCA found (ibv_devices, /sys/class/infiniband)"; return 0; fi
  count=$(gpu_count)
  index=0
  for hca in $list; do
    gpu=$((index % ${count:-1}))
    [ "${count:-0}" -gt 0 ] || gpu=0
    echo "== $hca =="
    limited ib_write_bw -d "$hca" --use_cuda="$gpu" --report_gbits -F >/dev/null 2>&1 &
    server=$!
    sleep 1
    tool ib_write_bw -d "$hca" --use_cuda="$gpu" --report_gbits -F localhost
    wait "$server" 2>/dev/null
    index=$((index + 1))
  done
}

# The sustained load: gpu_burn for the chosen seconds, stopped only 10 minutes past them whatever the
# tool timeout (an hour of stress must not be cut by a 60-minute limit).
gpu_stress() {
  minutes=$(( (stress + 600 + 59) / 60 ))
  needs gpu_burn "gpu-burn (github.com/wilicc/gpu-burn)" gpu_burn "$stress"
}

# Milliseconds since the epoch; whole seconds where date has no %N.
now_ms() {
  ms=$(date +%s%3N 2>/dev/null)
  case $ms in ''|*[!0-9]*) echo $(( $(date +%s) * 1000 )) ;; *) echo "$ms" ;; esac
}

run() {
  case $1 in
    gpu_inventory) smi --query-gpu=index,name,serial,uuid,pci.bus_id,persistence_mode,driver_version --format=csv,noheader ;;
    pcie) smi --query-gpu=index,pci.bus_id,pcie.link.gen.current,pcie.link.gen.max,pcie.link.width.current,pcie.link.width.max,utilization.gpu --format=csv,noheader ;;
    ecc) smi -q -d ECC,PAGE_RETIREMENT ;;
    row_remap) smi -q -d ROW_REMAPPER ;;
    xid) xid ;;
    nvlink) smi nvlink --status ;;
    fabric_manager) fabric_manager ;;
    dcgm_diag) needs dcgmi "datacenter-gpu-manager (dcgmi)" dcgmi diag -r "$level" -j ;;
    nvbandwidth) needs nvbandwidth "nvbandwidth (github.com/NVIDIA/nvbandwidth)" nvbandwidth -t host_to_device_memcpy_ce -t device_to_host_memcpy_ce -t device_to_device_memcpy_read_ce ;;
    nccl_all_reduce) nccl_all_reduce ;;
    ib_write_bw) ib_write_bw ;;
    gpu_stress) (gpu_stress) ;;
  esac
}

if ! { rm -rf "$out" && mkdir -p "$out"; }; then echo "cannot create the report folder $out" >&2; exit 1; fi
for check in $all; do
  report=$out/$check.txt
  case ",$chosen," in
    *",$check,"*)
      echo "$check: running"
      # The tool's status is in the report; only a report that cannot be written stops the role.
      started=$(now_ms)
      run "$check" >"$report.part" </dev/null
      # The level DCGM ran at decides which burn-in tier the run can prove.
      if [ "$check" = dcgm_diag ]; then echo "devops-acceptance: level $level" >>"$report.part"; fi
      echo "devops-acceptance: wall $(( $(now_ms) - started ))" >>"$report.part"
      mv "$report.part" "$report" || { echo "cannot write the report $report" >&2; exit 1; } ;;
    *) echo "devops-acceptance: not selected" >"$report" || { echo "cannot write the report $report" >&2; exit 1; } ;;
  esac
done
echo "reports written to $out"
