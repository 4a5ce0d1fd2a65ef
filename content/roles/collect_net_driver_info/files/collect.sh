#!/bin/sh
# Prints the network and driver report of this node as Markdown. Each probe is optional: when a
# tool is missing or fails, the report says "not available" and goes on. Reads only.

have() { command -v "$1" >/dev/null 2>&1; }
fence() { echo '```text'; cat; echo '```'; }

control=$(ip -o -4 route show default 2>/dev/null | awk '{ for (i = 1; i < NF; i++) if ($i == "dev") { print $(i + 1); exit } }')
address=""
if [ -n "$control" ]; then
  address=$(ip -o -4 addr show dev "$control" 2>/dev/null | awk '{ print $4; exit }')
fi
ibstat_out=""
if have ibstat; then ibstat_out=$(ibstat 2>/dev/null); fi
hcas=$(printf '%s\n' "$ibstat_out" | sed -n "s/^CA '\(.*\)'$/\1/p" | paste -sd, -)
if [ -z "$hcas" ] && [ -d /sys/class/infiniband ]; then
  hcas=$(for device in /sys/class/infiniband/*; do [ -e "$device" ] && echo "${device##*/}"; done | paste -sd, -)
fi
gpus=""
if have nvidia-smi; then gpus=$(nvidia-smi --query-gpu=name --format=csv,noheader 2>/dev/null) || gpus=""; fi

echo "# Network and driver information: $(hostname)"
echo
echo "## For multi-node tests"
echo
echo "| | |"
echo "| --- | --- |"
echo "| Control network | ${control:-not available (no default IPv4 route)}${address:+ ($address)} |"
echo "| HCAs | ${hcas:-none found} |"
if [ -n "$gpus" ]; then
  echo "| GPUs | $(printf '%s\n' "$gpus" | grep -c .) x $(printf '%s\n' "$gpus" | head -n 1) |"
else
  echo "| GPUs | not available (nvidia-smi missing or failing) |"
fi
echo
echo "## NICs"
echo
echo "| Interface | State | Speed | Driver | Firmware |"
echo "| --- | --- | --- | --- | --- |"
for path in /sys/class/net/*; do
  name=${path##*/}
  [ "$name" = lo ] && continue
  state=$(cat "$path/operstate" 2>/dev/null || echo unknown)
  speed=$(cat "$path/speed" 2>/dev/null || true)
  case "$speed" in
    '' | -*) speed="-" ;;
    *) speed="$speed Mb/s" ;;
  esac
  if have ethtool; then
    info=$(ethtool -i "$name" 2>/dev/null)
    driver=$(printf '%s\n' "$info" | sed -n 's/^driver: *//p')
    firmware=$(printf '%s\n' "$info" | sed -n 's/^firmware-version: *//p')
    echo "| $name | $state | $speed | ${driver:--} | ${firmware:--} |"
  else
    echo "| $name | $state | $speed | not available (no ethtool) | not available |"
  fi
done
echo
echo "## InfiniBand / RoCE"
echo
if [ -n "$ibstat_out" ]; then
  echo "| Device | Port | State | Physical state | Rate (Gb/s) | Link layer | Firmware |"
  echo "| --- | --- | --- | --- | --- | --- | --- |"
  printf '%s\n' "$ibstat_out" | awk '
    /^CA / { ca = $2; gsub(/\047/, "", ca) }
    /Firmware version:/ { fw = $3 }
    /^[ \t]*Port [0-9]+:/ { port = $2; sub(/:/, "", port) }
    /^[ \t]*State:/ { state = $2 }
    /^[ \t]*Physical state:/ { phys = $3 }
    /^[ \t]*Rate:/ { rate = $2 }
    /^[ \t]*Link layer:/ { printf "| %s | %s | %s | %s | %s | %s | %s |\n", ca, port, state, phys, rate, $3, fw }'
else
  echo "ibstat: not available"
fi
echo
if have ibv_devinfo && devinfo=$(ibv_devinfo 2>/dev/null) && [ -n "$devinfo" ]; then
  echo "ibv_devinfo:"
  echo
  printf '%s\n' "$devinfo" | fence
else
  echo "ibv_devinfo: not available"
fi
echo
echo "## GPU PCIe links"
echo
if have nvidia-smi && links=$(nvidia-smi --query-gpu=index,pci.bus_id,pcie.link.gen.current,pcie.link.gen.max,pcie.link.width.current,pcie.link.width.max --format=csv,noheader 2>/dev/null) && [ -n "$links" ]; then
  echo "| GPU | Bus | Gen (now / max) | Width (now / max) | |"
  echo "| --- | --- | --- | --- | --- |"
  printf '%s\n' "$links" | awk -F', *' '{
    # Width below its maximum is a fault; a lower generation is not (idle links downshift to save
    # power; the acceptance pcie check judges the generation under load). [N/A] is not a number.
    if ($3 !~ /^[0-9]+$/ || $4 !~ /^[0-9]+$/ || $5 !~ /^[0-9]+$/ || $6 !~ /^[0-9]+$/) note = "unknown"
    else if ($5 + 0 < $6 + 0) note = "degraded width"
    else if ($3 + 0 < $4 + 0) note = "ok (gen below max: normal when idle)"
    else note = "ok"
    printf "| %s | %s | %s / %s | x%s / x%s | %s |\n", $1, $2, $3, $4, $5, $6, note }'
else
  echo "not available (nvidia-smi missing or failing)"
fi
echo
echo "## GPU / NIC topology"
echo
if have nvidia-smi && topo=$(nvidia-smi topo -m 2>/dev/null) && [ -n "$topo" ]; then
  printf '%s\n' "$topo" | fence
else
  echo "not available (nvidia-smi topo -m missing or failing)"
fi
