#!/usr/bin/env python3
"""Writes the lemma preferences the lexicon build orders readings by: for a form that Lefff
gives several lemmas with one part of speech ("fonds": fond or fonds; "suis": être or suivre),
the lemma the Universal Dependencies training treebanks use most. Output: FORM TAB UPOS TAB
LEMMA lines, sorted, for models/lemma-preferences.tsv.

Usage: lemma_preferences.py LEFFF.mlex.gz TREEBANK.conllu... > models/lemma-preferences.tsv
"""
import collections
import gzip
import sys

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from build_lexicon import CATEGORY, lemma_of  # noqa: E402


def main():
    lefff, treebanks = sys.argv[1], sys.argv[2:]
    lemmas = collections.defaultdict(set)
    with gzip.open(lefff, "rt", encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 3 and cols[1] in CATEGORY and " " not in cols[0]:
                lemmas[(cols[0], CATEGORY[cols[1]])].add(lemma_of(cols[0], cols[1], cols[2]))
    seen = collections.Counter()
    for path in treebanks:
        with open(path, encoding="utf-8") as f:
            for line in f:
                cols = line.rstrip("\n").split("\t")
                if len(cols) == 10 and cols[0].isdigit():
                    seen[(cols[1].lower(), cols[3], cols[2])] += 1
    out = []
    for (form, upos), options in lemmas.items():
        if len(options) < 2:
            continue
        counts = sorted(((seen[(form.lower(), upos, lemma)], lemma) for lemma in options),
                        key=lambda x: (-x[0], x[1]))
        if counts[0][0] > 0 and counts[0][0] > counts[1][0]:
            out.append(f"{form}\t{upos}\t{counts[0][1]}")
    sys.stdout.write("".join(line + "\n" for line in sorted(out)))


if __name__ == "__main__":
    main()
