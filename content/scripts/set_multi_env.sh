#!/usr/bin/env bash
# Environment for the NCCL / MPI / torch tests on this node.
#
# Run it before a test script: it writes the settings to ./nccl_env.sh (the current directory is
# the run's directory on the node), which the test scripts read. Every setting already present in
# the environment is kept as it is, so a caller overrides any of them by exporting it first.
# NCCL_ENV_FILE chooses another output file.
set -euo pipefail

out=${NCCL_ENV_FILE:-./nccl_env.sh}

# Control network: the interface of the default IPv4 route.
if [[ -z "${NCCL_SOCKET_IFNAME:-}" ]] && command -v ip >/dev/null 2>&1; then
  NCCL_SOCKET_IFNAME=$(ip -o -4 route show default | awk '{for (i = 1; i < NF; i++) if ($i == "dev") {print $(i + 1); exit}}')
fi
# RDMA: every InfiniBand / RoCE device of the node.
if [[ -z "${NCCL_IB_HCA:-}" && -d /sys/class/infiniband ]]; then
  hcas=()
  for device in /sys/class/infiniband/*; do
    [[ -e "$device" ]] && hcas+=("${device##*/}")
  done
  NCCL_IB_HCA=$(IFS=,; echo "${hcas[*]}")
fi
NCCL_DEBUG=${NCCL_DEBUG:-WARN}
NCCL_TESTS_DIR=${NCCL_TESTS_DIR:-/usr/local/nccl-tests/build}
CUDA_HOME=${CUDA_HOME:-/usr/local/cuda}
if [[ -d "$CUDA_HOME/lib64" && ":${LD_LIBRARY_PATH:-}:" != *":$CUDA_HOME/lib64:"* ]]; then
  LD_LIBRARY_PATH=$CUDA_HOME/lib64${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
fi

{
  echo "# Written by set_multi_env.sh on $(hostname) at $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  for name in NCCL_SOCKET_IFNAME NCCL_IB_HCA NCCL_DEBUG NCCL_TESTS_DIR CUDA_HOME LD_LIBRARY_PATH; do
    if [[ -n "${!name:-}" ]]; then
      printf 'export %s=%q\n' "$name" "${!name}"
    fi
  done
} >"$out"
echo "set_multi_env: wrote $out"
sed -e '/^#/d' -e 's/^/  /' "$out"
