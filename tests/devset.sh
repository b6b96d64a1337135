#!/usr/bin/env bash
# The development set, when ../shared is beside the project: every record in gives one record
# out, in order, none of them an error. Skipped (77) when the set is absent.
set -u
bin=$(realpath "$1")
gold="$(dirname "$0")/../../shared/eval/events-dev.jsonl"
[ -s "$gold" ] || { echo "skipped: $gold is absent"; exit 77; }
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$bin" extract --ndjson "$gold" > "$out"
rc=$?
pass=0 fail=0
check() { if eval "$2"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $1"; fi; }
check "exit code 0" '[ "$rc" -eq 0 ]'
check "as many records out as in" '[ "$(wc -l < "$out")" -eq "$(grep -c . "$gold")" ]'
check "no error record" '! grep -q "\"error\":" "$out"'
check "ids in input order" '[ "$(grep -o "^{\"id\":\"[^\"]*\"" "$out" | cut -d\" -f4)" = "$(grep -o "^{\"id\": \"[^\"]*\"" "$gold" | cut -d\" -f4)" ]'
# depeche eval gives the project scorer's figures, to the digit
scorer="$(dirname "$gold")/score_events.py"
if command -v python3 > /dev/null && [ -f "$scorer" ]; then
  "$bin" eval --json "$gold" > "$out.eval"
  python3 "$scorer" --cmd "$bin extract --ndjson" --json "$gold" > "$out.scorer"
  check "depeche eval agrees with score_events.py" 'cmp -s "$out.eval" "$out.scorer"'
  rm -f "$out.eval" "$out.scorer"
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
