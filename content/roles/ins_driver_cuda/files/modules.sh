#!/bin/sh
# Says which of the given NVIDIA kernel modules are loaded and which are in use by anything other
# than each other (lsmod's use count less the holders among them: a process or service with
# /dev/nvidia* open, or another module such as nvidia_peermem), as YAML. Reads only.
# Usage: modules.sh <module>... (in unload order: users first)
if ! out=$(lsmod 2>&1); then
  printf "error: '%s'\n" "$(printf '%s' "lsmod failed: $out" | tr -d "\r'" | tr '\n' ' ')"
  exit 0
fi
printf '%s\n' "$out" | awk -v want="$*" '
  BEGIN { n = split(want, order, " "); for (i = 1; i <= n; i++) ours[order[i]] = 1 }
  NR > 1 && NF >= 3 { count[$1] = $3; holders[$1] = $4; present[$1] = 1 }
  END {
    loaded = ""; busy = ""
    for (i = 1; i <= n; i++) {
      m = order[i]
      if (!(m in present)) continue
      loaded = loaded (loaded == "" ? "" : " ") m
      inside = 0; outside = ""
      k = split(holders[m], h, ",")
      for (j = 1; j <= k; j++) {
        if (h[j] == "" || h[j] == "-") continue
        if (h[j] in ours) inside++; else outside = outside (outside == "" ? "" : ", ") h[j]
      }
      others = count[m] - inside
      if (others > 0) {
        busy = busy (busy == "" ? "" : "; ") m " is in use (" others " user(s) besides the modules unloaded here: " \
          (outside == "" ? "a process or service with /dev/nvidia* open" : "the module(s) " outside) ")"
      }
    }
    printf "error: '\'''\''\nloaded: '\''%s'\''\nin_use: '\''%s'\''\n", loaded, busy
  }'
