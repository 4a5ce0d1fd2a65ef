#!/bin/sh
# Prints what is installed on this node as YAML (one key a line, single-quoted values; empty means
# "not found"). Reads only, changes nothing; every probe may fail.
# Usage: probe.sh <cuda home>
cuda_home=${1:-/usr/local/cuda}

kv() {
  printf "%s: '%s'\n" "$1" "$(printf '%s' "$2" | tr -d '\r' | sed "s/'/''/g")"
}

kv kernel "$(uname -r)"

# Driver: what nvidia-smi reports (driver and library work together) and the loaded kernel module.
# A failing nvidia-smi prints its complaint on stdout: keep only an answer that is a version.
smi_driver=$(nvidia-smi --query-gpu=driver_version --format=csv,noheader 2>/dev/null | head -n 1 | grep -E '^[0-9]+\.[0-9]+(\.[0-9]+)?$')
kv driver_smi "$smi_driver"
loaded=""
if [ -r /proc/driver/nvidia/version ]; then
  # "NVRM version: NVIDIA UNIX x86_64 Kernel Module  550.54.14  ..." or "... Open Kernel Module for x86_64  575.57.08 ..."
  loaded=$(awk '/^NVRM version:/ { for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+\.[0-9]+(\.[0-9]+)?$/) { print $i; exit } }' /proc/driver/nvidia/version)
fi
kv driver_loaded "$loaded"

gpus=""
if [ -n "$smi_driver" ]; then
  gpus=$(nvidia-smi --query-gpu=name --format=csv,noheader 2>/dev/null)
fi
kv gpu_count "$(printf '%s' "$gpus" | grep -c .)"
kv gpu_model "$(printf '%s\n' "$gpus" | head -n 1)"
kv persistence_disabled "$(nvidia-smi --query-gpu=persistence_mode --format=csv,noheader 2>/dev/null | grep -c Disabled)"

# NVSwitch: the boards that need Fabric Manager.
kv nvswitch_count "$(lspci -nn 2>/dev/null | grep -i nvidia | grep -ci nvswitch)"

# CUDA: nvcc on the PATH wins; else the toolkit under the CUDA home (version.json is exact).
nvcc=$(command -v nvcc 2>/dev/null)
if [ -z "$nvcc" ] && [ -x "$cuda_home/bin/nvcc" ]; then
  nvcc=$cuda_home/bin/nvcc
fi
release=""
if [ -n "$nvcc" ]; then
  release=$("$nvcc" --version 2>/dev/null | sed -n 's/^.*release \([0-9][0-9]*\.[0-9][0-9]*\),.*$/\1/p' | head -n 1)
fi
kv cuda_release "$release"
exact=""
if [ -z "$(command -v nvcc 2>/dev/null)" ] && [ -r "$cuda_home/version.json" ]; then
  exact=$(tr -d '\n' <"$cuda_home/version.json" | sed -n 's/^.*"cuda" *: *{[^}]*"version" *: *"\([0-9.]*\)".*$/\1/p')
fi
kv cuda_version "$exact"

# Fabric Manager: its own binary, else the package database.
fm=$(nv-fabricmanager --version 2>/dev/null | sed -n 's/^.*version is *: *\([0-9.]*\).*$/\1/p' | head -n 1)
if [ -z "$fm" ] && command -v dpkg-query >/dev/null 2>&1; then
  fm=$(dpkg-query -W -f='${Status} ${Version}\n' 'nvidia-fabricmanager*' 2>/dev/null | awk '$3 == "installed" { sub(/-.*/, "", $4); print $4; exit }')
fi
if [ -z "$fm" ] && command -v rpm >/dev/null 2>&1; then
  fm=$(rpm -q --qf '%{VERSION}\n' nvidia-fabric-manager 2>/dev/null | grep -E '^[0-9]' | head -n 1)
fi
kv fabricmanager "$fm"
kv fabricmanager_active "$(systemctl is-active nvidia-fabricmanager 2>/dev/null)"

# nouveau: available for this kernel, loaded now, blacklisted for the next boot.
if modinfo -F filename nouveau >/dev/null 2>&1; then kv nouveau_available yes; else kv nouveau_available no; fi
if [ -d /sys/module/nouveau ]; then kv nouveau_loaded yes; else kv nouveau_loaded no; fi
if grep -qsE '^[[:space:]]*blacklist[[:space:]]+nouveau' /etc/modprobe.d/*.conf /usr/lib/modprobe.d/*.conf /lib/modprobe.d/*.conf; then
  kv nouveau_blacklisted yes
else
  kv nouveau_blacklisted no
fi
