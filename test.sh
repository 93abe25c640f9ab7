#!/usr/bin/env bash
# Runs every test of every module and prints how many ran; fails when none did.
set -euo pipefail
cd "$(dirname "$0")"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
mvn -B verify "$@" 2>&1 | tee "$log" || status=$?
summary=$(grep -E '^\[(INFO|WARNING|ERROR)\] Tests run: [0-9]+, Failures' "$log" | grep -v ' in ' || true)
total=0
while read -r line; do
  n=$(sed -E 's/.*Tests run: ([0-9]+).*/\1/' <<<"$line")
  total=$((total + n))
done <<<"$summary"
echo "stagehunt: $total tests ran"
if [ "$status" -ne 0 ]; then
  exit "$status"
fi
if [ "$total" -eq 0 ]; then
  echo "stagehunt: no tests ran: check the surefire configuration" >&2
  exit 1
fi
