#!/usr/bin/env bash
# depeche timeline, end to end: merging across articles, order, filters, the four formats, and
# shards of an archive that concatenate into what one run gives.
. "$(dirname "$0")/lib.sh"
articles=tests/data/timeline.jsonl
# jq is not assumed: python3 reads the JSON
# field FILE EXPR: EXPR over the document d; a tuple prints as words
field() {
  python3 -c "import json,sys; d=json.load(open(sys.argv[1])); r=eval(sys.argv[2]); print(' '.join(map(str, r)) if isinstance(r, tuple) else r)" "$@"
}

"$bin" extract -q "$articles" > "$work/records.jsonl"
"$bin" timeline "$work/records.jsonl" > "$work/tl.json"; rc=$?
expect "json: exit 0" '[ $rc -eq 0 ]'
expect "json: counts" '[ "$(field "$work/tl.json" "d[\"articles\"], d[\"errors\"]")" = "6 0" ]'
expect "one fact reported by two articles is one entry with both sources" \
  '[ "$(field "$work/tl.json" "\" \".join(\",\".join(s[\"article\"] for s in e[\"sources\"]) for e in d[\"entries\"] if e[\"type\"] == \"acquisition\" and e[\"modality\"] == \"asserted\")")" = "a1,a2" ]'
expect "sorted by date, undated last" \
  '[ "$(field "$work/tl.json" "\" \".join(str(e[\"sort_date\"]) for e in d[\"entries\"])")" = "2023-06-01 2024-03-11 2024-09-20 2025-01-15 None" ]'
expect "placed by publication date when the event has none" \
  '[ "$(field "$work/tl.json" "[e[\"dated_by\"] for e in d[\"entries\"]][2]")" = "publication" ]'
expect "the threat stays hypothetical" \
  '[ "$(field "$work/tl.json" "[e[\"modality\"] for e in d[\"entries\"] if \"Héliandre\" in e[\"summary\"]][0]")" = "hypothetical" ]'

"$bin" timeline -q "$articles" > "$work/from-articles.json"
expect "from articles = from their records" 'cmp -s "$work/tl.json" "$work/from-articles.json"'
"$bin" timeline < "$work/records.jsonl" > "$work/stdin.json"
expect "records on stdin" 'cmp -s "$work/tl.json" "$work/stdin.json"'

# --- filters ---
"$bin" timeline --type acquisition "$work/records.jsonl" > "$work/f.json"
expect "--type" '[ "$(field "$work/f.json" "\" \".join(sorted(set(e[\"type\"] for e in d[\"entries\"]))), len(d[\"entries\"])")" = "acquisition 2" ]'
"$bin" timeline --entity heliandre "$work/records.jsonl" > "$work/f.json"
expect "--entity ignores case and accents" '[ "$(field "$work/f.json" "len(d[\"entries\"])")" = "1" ]'
"$bin" timeline --entity "Claire Brunelle" --entity Quantiva "$work/records.jsonl" > "$work/f.json"
expect "--entity, several" '[ "$(field "$work/f.json" "len(d[\"entries\"])")" = "2" ]'
"$bin" timeline --entity Brun "$work/records.jsonl" > "$work/f.json"
expect "--entity matches whole words" '[ "$(field "$work/f.json" "len(d[\"entries\"])")" = "0" ]'
"$bin" timeline --since 2024-03 --until 2024 "$work/records.jsonl" > "$work/f.json"
expect "--since/--until" '[ "$(field "$work/f.json" "\" \".join(e[\"sort_date\"] for e in d[\"entries\"])")" = "2024-03-11 2024-09-20" ]'
"$bin" timeline --since yesterday "$work/records.jsonl" > /dev/null 2> "$work/err"; rc=$?
expect "--since: a bad date is a usage error" '[ $rc -eq 2 ] && grep -q "since" "$work/err"'
"$bin" timeline --format pdf "$work/records.jsonl" > /dev/null 2> "$work/err"; rc=$?
expect "--format: unknown" '[ $rc -eq 2 ] && grep -q "pdf" "$work/err"'
"$bin" timeline --modality hypothetical --modality negated "$work/records.jsonl" > "$work/f.json"
expect "--modality (repeatable)" '[ "$(field "$work/f.json" "\" \".join(e[\"modality\"] for e in d[\"entries\"])")" = "hypothetical" ]'
"$bin" timeline --min-confidence 0.85 "$work/records.jsonl" > "$work/f.json"
expect "--min-confidence" '[ "$(field "$work/f.json" "\" \".join(str(e[\"confidence\"]) for e in d[\"entries\"])")" = "0.85" ]'
for bad in "--type acquisitions" "--modality sure" "--min-confidence 1.5" "--min-confidence x" "--lang de"; do
  echo "x" | "$bin" timeline $bad > /dev/null 2> "$work/err"; rc=$?
  expect "$bad: exit 2 before reading the input, naming the valid values" \
    '[ $rc -eq 2 ] && grep -Eq "acquisition, merger|asserted, hypothetical, negated|between 0 and 1|one of en, fr" "$work/err"'
done
"$bin" timeline --lang fr "$work/records.jsonl" > "$work/f.json"
expect "--lang fr: French summaries" \
  '[ "$(field "$work/f.json" "d[\"entries\"][1][\"summary\"]")" = "Fictivia rachète Nordelec pour 120 millions d'"'"'euros" ]'
expect "--lang fr: the same entries, fields and values but the summaries" \
  '[ "$(field "$work/f.json" "[{k: v for k, v in e.items() if k != \"summary\"} for e in d[\"entries\"]]")" = "$(field "$work/tl.json" "[{k: v for k, v in e.items() if k != \"summary\"} for e in d[\"entries\"]]")" ]'
"$bin" timeline --lang fr --format timelinejs "$work/records.jsonl" > "$work/f.tjs"
expect "--lang fr: TimelineJS's title and headlines" \
  '[ "$(field "$work/f.tjs" "d[\"title\"][\"text\"][\"headline\"], d[\"events\"][2][\"text\"][\"headline\"]")" = "Événements d'"'"'entreprises Héliandre rachète Nordelec" ]'
"$bin" timeline --lang fr --format csv "$work/records.jsonl" > "$work/f.csv"
expect "--lang fr: CSV summaries, English column names" \
  'head -1 "$work/f.csv" | grep -q ",summary," && grep -q "Nordelec supprime 300 emplois" "$work/f.csv"'
"$bin" timeline --lang fr --format html "$work/records.jsonl" > "$work/f.html"
expect "--lang fr: the page in French" \
  'grep -q "<html lang=\"fr\">" "$work/f.html" && grep -q "Confiance" "$work/f.html" && grep -q ">rachat (2)<" "$work/f.html"'
"$bin" timeline --format html "$work/records.jsonl" > "$work/f.html"
expect "the page: grey dates explained, sentences marked as French" \
  'grep -q "<p id=\"legend\">" "$work/f.html" && grep -q "<blockquote lang=\"fr\">" "$work/f.html" && grep -q "<html lang=\"en\">" "$work/f.html"'
"$bin" timeline --entity " NORDELEC " "$work/records.jsonl" > "$work/f.json"
"$bin" timeline --entity nordel "$work/records.jsonl" > "$work/g.json"
expect "--entity: whole words, blanks around ignored" \
  '[ "$(field "$work/f.json" "len(d[\"entries\"])")" = 3 ] && [ "$(field "$work/g.json" "len(d[\"entries\"])")" = 0 ]'
cat "$work/records.jsonl" "$work/records.jsonl" | "$bin" timeline > "$work/f.json"
expect "the same article twice: its reports are not listed twice" \
  '[ "$(field "$work/f.json" "\" \".join(str(len(e[\"sources\"])) for e in d[\"entries\"])")" = "$(field "$work/tl.json" "\" \".join(str(len(e[\"sources\"])) for e in d[\"entries\"])")" ]'
"$bin" timeline < /dev/null > "$work/f.json"
expect "empty input: no article" '[ "$(field "$work/f.json" "d[\"articles\"], len(d[\"entries\"])")" = "0 0" ]'
"$bin" extract --type acquisition "$articles" > /dev/null 2>&1; rc=$?
expect "timeline options are refused by extract" '[ $rc -eq 2 ]'

# --- formats ---
"$bin" timeline --format csv "$work/records.jsonl" > "$work/tl.csv"
expect "csv: header and one row an entry" '[ "$(python3 -c "import csv,sys; r=list(csv.DictReader(open(sys.argv[1], encoding=\"utf-8-sig\"))); print(len(r), r[1][\"acquirer\"], r[1][\"target\"], r[1][\"sources\"], r[1][\"articles\"])" "$work/tl.csv")" = "5 Fictivia Nordelec 2 a1 | a2" ]'
expect "csv: UTF-8 with a BOM, CRLF rows" '[ "$(head -c 3 "$work/tl.csv" | od -An -tx1 | tr -d " ")" = "efbbbf" ] && head -1 "$work/tl.csv" | grep -q $'"'"'\r$'"'"''
expect "csv: amounts and counts as numbers" '[ "$(python3 -c "import csv,sys; r=list(csv.DictReader(open(sys.argv[1], encoding=\"utf-8-sig\"))); print(r[1][\"amount_value\"], r[1][\"currency\"], r[3][\"count_value\"])" "$work/tl.csv")" = "120000000 EUR 300" ]'
"$bin" timeline --format timelinejs "$work/records.jsonl" > "$work/tl.tjs"
expect "timelinejs: title and dated events" '[ "$(field "$work/tl.tjs" "len(d[\"events\"]), \"-\".join(d[\"events\"][1][\"start_date\"].values()), d[\"events\"][1][\"group\"], \"headline\" in d[\"title\"][\"text\"]")" = "4 2024-3-11 acquisition True" ]'
"$bin" timeline --format html "$work/records.jsonl" > "$work/tl.html"
expect "html: every entry" '[ "$(grep -c "<li class=\"entry\"" "$work/tl.html")" -eq 5 ]'
expect "html: self-contained (no external script, style, font or image)" \
  '! grep -Eiq "<(script|img|link|iframe)[^>]* (src|href)=|@import|url\(" "$work/tl.html"'
expect "html: evidence linked from its entry" 'grep -q "href=\"#t2-s1\"" "$work/tl.html" && grep -q "id=\"t2-s1\"" "$work/tl.html"'
expect "html: sources link to their pages" 'grep -q "href=\"https://autre.test/entreprises/nordelec\"" "$work/tl.html"'

# --- shards: concatenated outputs are what one run gives, so timeline merges them ---
split -n l/3 -d "$articles" "$work/shard-"
for s in "$work"/shard-0*; do "$bin" extract -q --ndjson "$s" > "$s.out"; done
cat "$work"/shard-0*.out > "$work/shards.jsonl"
expect "shards concatenate into one run's output" 'cmp -s "$work/shards.jsonl" "$work/records.jsonl"'
"$bin" timeline "$work"/shard-0*.out > "$work/shards-tl.json"
expect "timeline of the shards = timeline of one run" 'cmp -s "$work/shards-tl.json" "$work/tl.json"'
if command -v parallel > /dev/null; then
  parallel --will-cite --pipe -N2 --keep-order "$bin" extract -q --ndjson -j1 < "$articles" > "$work/parallel.jsonl"
  expect "GNU parallel --pipe --keep-order gives one run's records" 'cmp -s "$work/parallel.jsonl" "$work/records.jsonl"'
else
  echo "SKIP: GNU parallel is not installed"
fi

# --- dates: reports dated within a week are one fact; a month apart, two ---
rec() { # rec ID DATE: a record of "Fictivia acquires Nordelec" dated DATE
  printf '{"id":"%s","source":null,"title":null,"published":"%s","entities":[],"events":[{"type":"acquisition","summary":"Fictivia acquires Nordelec","arguments":{"acquirer":{"name":"Fictivia"},"target":{"name":"Nordelec"}},"date":{"value":"%s","text":"lundi","precision":"day"},"modality":"asserted","confidence":0.8,"evidence":{"sentence":"Fictivia rachète Nordelec.","start":0,"end":26,"trigger":"rachète"}}]}\n' "$1" "$2" "$2"
}
{ rec r1 2024-03-11; rec r2 2024-03-15; rec r3 2024-05-02; } > "$work/dated.jsonl"
"$bin" timeline "$work/dated.jsonl" > "$work/dated.json"
expect "within a week: one entry; a month and more apart: another" \
  '[ "$(field "$work/dated.json" "\" \".join(\",\".join(s[\"article\"] for s in e[\"sources\"]) for e in d[\"entries\"])")" = "r1,r2 r3" ]'

# --- bad inputs: one record the timeline cannot use is reported, the rest goes on ---
{ cat "$work/records.jsonl"; echo '{"id":"x","texte":"oops"}'; echo 'not json'; } > "$work/bad.jsonl"
"$bin" timeline "$work/bad.jsonl" > "$work/bad.json" 2> "$work/err"; rc=$?
expect "bad lines: exit 1, the good records kept" '[ $rc -eq 1 ] && [ "$(field "$work/bad.json" "d[\"articles\"], d[\"errors\"]")" = "6 2" ]'

finish
