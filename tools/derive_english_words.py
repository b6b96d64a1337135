#!/usr/bin/env python3
"""Derives gazetteers/english-words.txt, the English common words that tell a capitalised
English phrase ("Abbey Road", "Wall Street", "Premium Resellers") from a foreign person's name
("Shizuka Arakawa"), from SCOWL's American English list as Debian ships it:

    apt-get install wamerican && python3 tools/derive_english_words.py

Kept: the list's lowercase entries (its capitalised ones are names), of three letters or more,
that Lefff does not know but as proper nouns (French words are told apart by the lexicon
already) and that are no given name of gazetteers/given-names.txt. The licence goes to gazetteers/licences/scowl.licence.
"""
import gzip
import os
import shutil
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORDS = "/usr/share/dict/american-english"
LICENCE = "/usr/share/doc/wamerican/copyright"


def fold(s):
    s = unicodedata.normalize("NFD", s.lower())
    return "".join(c for c in s if not unicodedata.combining(c))


def main():
    words = sys.argv[1] if len(sys.argv) > 1 else WORDS
    with gzip.open(os.path.join(ROOT, "models", "lefff-3.4.mlex.gz"), "rt", encoding="utf-8") as f:
        # proper nouns aside: the lexicon tells French words apart, not names ("Silver")
        french = {fold(cols[0]) for cols in (line.split("\t") for line in f) if len(cols) > 1 and cols[1] != "np"}
    with open(os.path.join(ROOT, "gazetteers", "given-names.txt"), encoding="utf-8") as f:
        given = {fold(line.split("\t", 1)[0]) for line in f if not line.startswith("#")}
    kept = set()
    with open(words, encoding="utf-8") as f:
        for line in f:
            w = line.strip()
            if len(w) >= 3 and w.isascii() and w.isalpha() and w.islower() and w not in french and w not in given:
                kept.add(w)
    out = os.path.join(ROOT, "gazetteers", "english-words.txt")
    with open(out, "w", encoding="utf-8") as f:
        f.write("# English common words (SCOWL, via Debian's wamerican; licence in licences/scowl.licence),\n"
                "# derived by tools/derive_english_words.py: a capitalised name made of such words is\n"
                "# seldom a person's (\"Abbey Road\"). One a line: WORD<TAB>ENGLISH.\n")
        for w in sorted(kept):
            f.write(f"{w}\tENGLISH\n")
    shutil.copyfile(LICENCE, os.path.join(ROOT, "gazetteers", "licences", "scowl.licence"))
    print(f"{len(kept)} words -> {out}")


if __name__ == "__main__":
    main()
