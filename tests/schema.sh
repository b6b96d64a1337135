#!/usr/bin/env bash
# Every record depeche prints follows schema/depeche.schema.json: the golden documents, the
# samples with --explain, and an error record. Needs Python's jsonschema (Debian:
# python3-jsonschema); skipped (77) without it.
set -u
bin=$(realpath "$1")
cd "$(dirname "$0")/.." || exit 2
py=""
for p in python3 /usr/bin/python3; do
  if command -v "$p" > /dev/null && "$p" -c "import jsonschema" 2> /dev/null; then py=$p; break; fi
done
[ -n "$py" ] || { echo "skipped: no Python jsonschema"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat tests/golden/*.json | "$py" -c 'import json,sys; d=json.JSONDecoder(); s=sys.stdin.read(); i=0
while True:
    while i < len(s) and s[i].isspace(): i += 1
    if i >= len(s): break
    o, i = d.raw_decode(s, i); print(json.dumps(o, ensure_ascii=False))' > "$work/records"
"$bin" extract --explain samples >> "$work/records"
"$bin" extract "$work/missing.txt" >> "$work/records" 2> /dev/null
"$bin" extract -q tests/data/inputs tests/data/timeline.jsonl >> "$work/records"
"$bin" timeline -q --explain tests/data/timeline.jsonl samples > "$work/timeline.json"
"$py" - schema/depeche.schema.json "$work/records" schema/timeline.schema.json "$work/timeline.json" <<'PY'
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
validator = jsonschema.Draft202012Validator(schema)
passed = failed = 0
for line in open(sys.argv[2], encoding="utf-8"):
    record = json.loads(line)
    errors = list(validator.iter_errors(record))
    if errors:
        failed += 1
        print(f"FAIL {record.get('id')}: {errors[0].message} at {list(errors[0].absolute_path)}")
    else:
        passed += 1
timeline = json.load(open(sys.argv[4], encoding="utf-8"))
errors = list(jsonschema.Draft202012Validator(json.load(open(sys.argv[3]))).iter_errors(timeline))
if errors or not timeline["entries"]:
    failed += 1
    print(f"FAIL timeline: {errors[0].message if errors else 'no entries'}")
else:
    passed += 1
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
