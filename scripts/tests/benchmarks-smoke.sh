#!/usr/bin/env bash
# Every benchmark in scripts/bench, in a short smoke mode: each must run to its end (exit 0), so
# that a change cannot break a benchmark unnoticed. The figures are not judged here (a smoke run is
# too small and this machine too busy); docs/BENCHMARKS.md has the real runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f server/target/devops-server.jar ] || { echo "build first: mvn -DskipTests package"; exit 1; }
failed=0
# smoke NAME COMMAND...: runs one benchmark, shows its time and the end of its table.
smoke() {
  local name=$1 start=$SECONDS log
  shift
  log=$(mktemp)
  if timeout 600 "$@" > "$log" 2>&1; then
    echo "ok     $name ($((SECONDS - start)) s)"
    grep -v '^$' "$log" | tail -n 3 | sed 's/^/       /'
  else
    echo "FAILED $name ($((SECONDS - start)) s):"
    tail -n 30 "$log" | sed 's/^/       /'
    failed=$((failed + 1))
  fi
  rm -f "$log"
}
smoke run-overhead scripts/bench/run-overhead.sh 1
smoke agent-dispatch env KINDS=fanout scripts/bench/agent-dispatch.sh 20
smoke ansible-per-node scripts/bench/ansible-per-node.sh 2 1
smoke node-list scripts/bench/node-list.sh 200
smoke run-large-log scripts/bench/run-large-log.sh 1
smoke run-page scripts/bench/run-page.sh 1 20 1
smoke certificates scripts/bench/certificates.sh 20
smoke health-intake scripts/bench/health-intake.sh 20 5 1 10
[ "$failed" -eq 0 ] || { echo "$failed benchmark(s) failed"; exit 1; }
