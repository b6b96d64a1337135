#!/usr/bin/env bash
# Golden JSON: `depeche --pretty --explain samples/NAME.txt` must print tests/golden/NAME.json.
# A difference is shown as a unified diff. To accept a change on purpose:
#   bash tests/golden.sh build/depeche --update
set -u
bin=$(realpath "$1")
update=${2:-}
cd "$(dirname "$0")/.." || exit 2
pass=0 fail=0
for sample in samples/*.txt; do
  name=$(basename "$sample" .txt)
  golden=tests/golden/$name.json
  out=$("$bin" --pretty --explain "$sample")
  if [ "$update" = --update ]; then
    printf '%s\n' "$out" > "$golden"
    echo "updated $golden"
    continue
  fi
  if [ ! -f "$golden" ]; then
    echo "FAIL $sample: no $golden (run with --update to create it)"
    fail=$((fail + 1))
  elif diff -u --label "$golden" --label "depeche $sample" "$golden" <(printf '%s\n' "$out"); then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
  fi
done
for golden in tests/golden/*.json; do
  [ -f "samples/$(basename "$golden" .json).txt" ] || { echo "FAIL $golden: its sample is gone"; fail=$((fail + 1)); }
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
