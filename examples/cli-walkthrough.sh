#!/usr/bin/env bash
# The `peermatch` command on the bundled company cohort: validate, explain, match, report.
# After `npm install peermatch`, type `npx peermatch …`; here the command runs from the sources.
set -euo pipefail
cd "$(dirname "$0")/.."
peermatch() { node --import tsx src/cli/main.ts "$@"; }

people=examples/cohorts/company.csv
program=examples/cohorts/company-program.json
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

echo '$ peermatch validate company.csv --program company-program.json'
peermatch validate "$people" --program "$program"

echo; echo '$ peermatch explain company.csv --program company-program.json eng-008 eng-003'
peermatch explain "$people" --program "$program" eng-008 eng-003

echo; echo '$ peermatch match company.csv --program company-program.json --objective fairness --out matches.csv'
peermatch match "$people" --program "$program" --objective fairness --out "$out/matches.csv" > "$out/summary.txt"
head -12 "$out/summary.txt"
echo "matches.csv: $(($(wc -l < "$out/matches.csv") - 1)) rows; first: $(sed -n 2p "$out/matches.csv" | cut -c1-80)…"

echo; echo '$ peermatch match company.csv --program company-program.json --out result.json --quiet'
peermatch match "$people" --program "$program" --out "$out/result.json" --quiet
echo; echo '$ peermatch report result.json --html report.html'
peermatch report "$out/result.json" --html "$out/report.html"
grep -q '<svg' "$out/report.html"

echo; echo '$ peermatch validate broken.csv   # every problem, with its row; exit code 1'
printf 'id,role,skills.offered,timezone\nana,mentor,python:9,Europe/Lundon\nbo,mentee,,UTC\nbo,mentor,sql:3,UTC\n' > "$out/broken.csv"
status=0
peermatch validate "$out/broken.csv" || status=$?
echo "exit code $status"
test "$status" -eq 1

echo; echo '$ peermatch match company.csv --program company-program.json --mode group'
peermatch match "$people" --program "$program" --mode group > "$out/groups.txt"
head -8 "$out/groups.txt"

echo; echo '$ peermatch rematch company.csv --program company-program.json --previous result.json --changes changes.json'
printf '{ "left": ["%s"], "failed": [{ "mentorId": "%s", "menteeId": "%s", "reason": "no shared goals" }] }\n' \
  "$(node -e 'const r = require(process.argv[1]); console.log(r.pairs[0].menteeId)' "$out/result.json")" \
  "$(node -e 'const r = require(process.argv[1]); console.log(r.pairs[1].mentorId)' "$out/result.json")" \
  "$(node -e 'const r = require(process.argv[1]); console.log(r.pairs[1].menteeId)' "$out/result.json")" > "$out/changes.json"
peermatch rematch "$people" --program "$program" --previous "$out/result.json" --changes "$out/changes.json" > "$out/rematch.txt"
head -4 "$out/rematch.txt"

echo; echo '$ peermatch match company.csv --mode rematch   # a re-match has its own command: exit code 2'
status=0
peermatch match "$people" --program "$program" --mode rematch 2>&1 || status=$?
echo "exit code $status"
test "$status" -eq 2
