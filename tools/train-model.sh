#!/usr/bin/env bash
# Retrains models/fr-ud.model from the Universal Dependencies treebanks in ../shared/ud (or
# UD=DIR): the exact command behind the committed model (see models/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
ud=${UD:-../shared/ud}
build=${BUILD:-build}
cmake --build "$build" --target train_syntax -j2 > /dev/null
# GSD's development file is counted twice: GSD (Wikipedia, blogs, reviews) is another domain
# than Sequoia (news, medicine, Europarl), and has less data.
"$build/train_syntax" --lexicon "$build/lexicon.bin" --data patterns/syntax.txt \
  -o models/fr-ud.model --tagger-epochs 8 --parser-epochs 9 \
  "$ud/fr_sequoia-ud-train.conllu" "$ud/fr_sequoia-ud-dev.conllu" \
  "$ud/fr_gsd-ud-dev.conllu" "$ud/fr_gsd-ud-dev.conllu"
