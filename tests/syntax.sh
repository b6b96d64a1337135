#!/usr/bin/env bash
# The syntax trainer and the model's accuracy.
#   syntax.sh TRAIN_SYNTAX LEXICON_IMAGE DEPECHE
# 1. Training on a tiny treebank (tests/data/tiny.conllu, sentences written for the tests) gives
#    the same bytes twice, and a model that then tags its own training sentences right.
# 2. When ../shared/ud is there: the committed model's accuracy on the UD test files, measured
#    by ../shared/eval/score_ud.py, stays at or above the figures in models/README.md.
set -euo pipefail
train=$1 lexicon=$2 depeche=$3
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0

"$train" --lexicon "$lexicon" --data "$root/patterns/syntax.txt" -o "$work/a.model" \
  --tagger-epochs 5 --parser-epochs 12 --dev "$here/data/tiny.conllu" "$here/data/tiny.conllu" 2> "$work/log-a"
"$train" --lexicon "$lexicon" --data "$root/patterns/syntax.txt" -o "$work/b.model" \
  --tagger-epochs 5 --parser-epochs 12 "$here/data/tiny.conllu" 2> "$work/log-b"
if cmp -s "$work/a.model" "$work/b.model"; then
  echo "ok: training twice gives the same model ($(stat -c %s "$work/a.model") bytes)"
else
  echo "FAIL: two trainings on the same treebank differ"; fail=1
fi
# the tiny model learnt its sentences: tags and arcs (evaluated on gold tokens)
if grep -q "tagger, with the dictionary: tags 1.0000" "$work/log-a" &&
   grep -q "epoch 12: .*UAS 1.0000" "$work/log-a"; then
  echo "ok: the tiny model tags and parses its training sentences"
else
  echo "FAIL: the tiny model does not learn its sentences"; cat "$work/log-a"; fail=1
fi
# a bad treebank line is a file:line error, exit 2
printf '# text = x\n1\tx\n\n' > "$work/bad.conllu"
if "$train" --lexicon "$lexicon" -o "$work/c.model" "$work/bad.conllu" 2> "$work/err"; then
  echo "FAIL: a malformed treebank was accepted"; fail=1
elif grep -q "bad.conllu:2: expected 10 tab-separated fields" "$work/err"; then
  echo "ok: a malformed treebank line is reported with its place"
else
  echo "FAIL: unexpected message: $(cat "$work/err")"; fail=1
fi

ud=$root/../shared/ud
scorer=$root/../shared/eval/score_ud.py
if [ ! -d "$ud" ] || [ ! -f "$scorer" ]; then
  echo "skip: ../shared/ud is absent, accuracy not measured"
  [ $fail -eq 0 ] && exit 0 || exit 1
fi
# check NAME FILE KEY MIN: the scorer's figure KEY on FILE must be >= MIN
check() {
  local got
  got=$(python3 "$scorer" "$ud/$2" --cmd "$depeche parse --ndjson" --json |
        python3 -c "import json,sys; r=json.load(sys.stdin); k='$3'.split('.'); v=r[k[0]] if len(k)==1 else r[k[0]][k[1]]; print(v)")
  if awk -v g="$got" -v m="$4" 'BEGIN { exit !(g >= m) }'; then
    echo "ok: $1 $3 $got >= $4"
  else
    echo "FAIL: $1 $3 $got < $4"; fail=1
  fi
}
check "Sequoia test" fr_sequoia-ud-test.conllu upos_accuracy 0.97
check "Sequoia test" fr_sequoia-ud-test.conllu las 0.85
check "Sequoia test" fr_sequoia-ud-test.conllu core_relations.f1 0.80
check "GSD test" fr_gsd-ud-test.conllu upos_accuracy 0.955
check "GSD test" fr_gsd-ud-test.conllu las 0.80
exit $fail
