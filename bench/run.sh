#!/usr/bin/env bash
# depeche's benchmark: end-to-end throughput of `depeche extract --ndjson`, start-up time, peak
# memory, worker threads (-j) against one, and bare UTF-8 decoding of the same bytes as a yardstick.
#   bash bench/run.sh [CORPUS.ndjson[.gz]...]
# With no corpus, the samples are repeated into 30 MB of NDJSON records. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
build=build-bench
# always built, incrementally: a copy left from an older checkout would measure old code
[ -f "$build/CMakeCache.txt" ] || cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF > /dev/null
cmake --build "$build" -j2 > /dev/null
bin=$build/depeche
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus=$work/corpus.ndjson

if [ $# -eq 0 ]; then
  python3 - "$corpus" <<'PY'
import json, glob, sys
records = [open(p, encoding="utf-8").read() for p in sorted(glob.glob("samples/*.txt"))]
with open(sys.argv[1], "w", encoding="utf-8") as out:
    size, i = 0, 0
    while size < 30_000_000:
        line = json.dumps({"id": f"sample-{i}", "text": records[i % len(records)]}, ensure_ascii=False) + "\n"
        out.write(line); size += len(line.encode()); i += 1
PY
else
  for c in "$@"; do case "$c" in *.gz) zcat "$c" ;; *) cat "$c" ;; esac; done > "$corpus"
fi
bytes=$(stat -c %s "$corpus")
records=$(grep -c . "$corpus")
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')

seconds() { local t0 t1; t0=$(date +%s.%N); "$@"; t1=$(date +%s.%N); awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }'; }

# best_of_3 COMMAND: the shortest of three runs, in seconds
best_of_3() {
  local best=999 t
  for _ in 1 2 3; do
    t=$(seconds sh -c "$1")
    best=$(awk -v a="$best" -v b="$t" 'BEGIN { print (b < a) ? b : a }')
  done
  echo "$best"
}

# yardstick: the same bytes, decoded and nothing else
yard=$(best_of_3 "$build/utf8_decode < '$corpus' > /dev/null")

# end to end, one worker, with peak memory
best=$(best_of_3 "/usr/bin/time -f %M -o '$work/rss' '$bin' extract -q -j1 --ndjson '$corpus' > '$work/out'")
rss_kb=$(cat "$work/rss")
out_records=$(grep -c . "$work/out")

# all cores: -j N threads in one process, with peak memory
cores=$(nproc)
many=$(best_of_3 "/usr/bin/time -f %M -o '$work/rss-j' '$bin' extract -q -j$cores --ndjson '$corpus' > '$work/out-j'")
rss_j_kb=$(cat "$work/rss-j")
cmp -s "$work/out" "$work/out-j" || { echo "bench: -j$cores output differs from -j1"; exit 1; }

# start-up: one empty article, 20 runs, default data loaded each time
: > "$work/empty"
start=$(seconds sh -c "for i in \$(seq 20); do '$bin' '$work/empty' > /dev/null; done")

# the syntax stage: on the corpus's first 3 MB of texts, the tagger alone and tagger + parser
# (bench/syntax_speed.c, outside the pipeline), and `depeche parse` end to end
head -c 3000000 "$corpus" | sed '$d' > "$work/slice.ndjson"
python3 -c 'import json,sys; [print(json.loads(l)["text"]) for l in open(sys.argv[1], encoding="utf-8")]' \
  "$work/slice.ndjson" > "$work/slice.txt"
"$build/syntax_speed" "$work/slice.txt" > "$work/syntax"
slice_mb=$(awk -v b="$(stat -c %s "$work/slice.ndjson")" 'BEGIN { printf "%.1f", b / 1e6 }')
parse_t=$(best_of_3 "/usr/bin/time -f %M -o '$work/rss-p' '$bin' parse --ndjson '$work/slice.ndjson' > /dev/null")

awk -v mb="$mb" -v recs="$records" -v outr="$out_records" -v t1="$best" -v t2="$many" -v cores="$cores" -v rssj="$rss_j_kb" -v y="$yard" \
    -v rss="$rss_kb" -v st="$start" 'BEGIN {
  printf "corpus                 %s MB, %d records (%d records out)\n", mb, recs, outr
  printf "end to end, 1 worker   %.1f MB/s, %.0f articles/s (%.2f s)\n", mb / t1, recs / t1, t1
  printf "end to end, -j%d        %.1f MB/s (speed-up %.2fx, same bytes out), peak RSS %.1f MB\n", cores, mb / t2, t1 / t2, rssj / 1024
  printf "UTF-8 decoding         %.1f MB/s (depeche runs at 1/%.0f of it)\n", mb / y, (mb / y) / (mb / t1)
  printf "start-up               %.1f ms (empty article, default data)\n", st / 20 * 1000
  printf "peak RSS               %.1f MB\n", rss / 1024
}'
sed 's/^/syntax: /' "$work/syntax"
awk -v mb="$slice_mb" -v t="$parse_t" -v rss="$(cat "$work/rss-p")" 'BEGIN {
  printf "depeche parse          %.2f MB/s (%s MB of records, %.2f s), peak RSS %.1f MB\n", mb / t, mb, t, rss / 1024 }'
