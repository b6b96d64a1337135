#!/usr/bin/env python3
"""Builds depeche's morphological lexicon (the binary that src/syntax/morpho.c reads in place)
from Lefff 3.4 (models/lefff-3.4.mlex.gz, LGPL-LR).

Each Lefff line is FORM, category, lemma, morphological tag. Categories become Universal
Dependencies parts of speech, tags become UD features (Mood, Tense, VerbForm, Person, Number,
Gender), and Lefff's placeholder lemmas for clitics ("cln", "cla") become the UD lemma (the form,
"l'" -> "le"). Multi-word entries and prefixes are left out: the tokenizer never yields them.

Where Lefff gives a form several lemmas with one part of speech ("fonds": fond or fonds), the
lemma models/lemma-preferences.tsv names (the one the UD treebanks use most, written by
tools/lemma_preferences.py) comes first: the syntax stage takes the first reading.

Run by the build (CMake) so that the library embeds the result; the same input gives the same
bytes. Usage: build_lexicon.py LEFFF.mlex.gz PREFERENCES.tsv OUT.bin

Binary layout, little-endian (version 3):
  "DPMORPH3", u32 n_slots (a power of two), u32 n_forms, u32 n_feats, u32 entries_size,
  u32 strings_size
  u32 slots[n_slots]          1 + offset of a form's entry, 0 for an empty slot; a form is
                              found by dp_hash_bytes of its bytes (the low bits), then
                              linear probing
  u32 feats_offsets[n_feats]  into the feature strings ("" is feature set 0)
  entries: u8 form_len, form bytes, u8 n_analyses, then per analysis
           u8 upos, u8 feats id, u8 strip, u8 suffix_len, suffix bytes: the lemma is the
           form without its last `strip` bytes, then the suffix ("rachètera" -> racheter:
           strip 6 bytes, "eter")
  feature strings, each NUL-terminated (strings_size bytes)
"""
import gzip
import struct
import sys

# The order of the parts of speech is the library's (src/syntax/syntax.h, enum dp_upos).
UPOS = ["ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON",
        "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"]

CATEGORY = {
    "v": "VERB", "auxAvoir": "AUX", "auxEtre": "AUX", "nc": "NOUN", "np": "PROPN",
    "adj": "ADJ", "adv": "ADV", "advneg": "ADV", "clneg": "ADV", "que_restr": "ADV",
    "det": "DET", "prep": "ADP", "coo": "CCONJ", "csu": "SCONJ", "que": "SCONJ",
    "pro": "PRON", "pri": "PRON", "prel": "PRON", "cln": "PRON", "cla": "PRON", "cld": "PRON",
    "clr": "PRON", "cll": "PRON", "cldr": "PRON", "clar": "PRON", "clg": "PRON",
    "ilimp": "PRON", "caimp": "PRON", "ce": "PRON", "pres": "VERB", "etr": "X",
    "poncts": "PUNCT", "ponctw": "PUNCT", "parento": "PUNCT", "parentf": "PUNCT",
}

# Lefff tense letters -> UD features
TENSE = {
    "P": {"Mood": "Ind", "Tense": "Pres", "VerbForm": "Fin"},
    "F": {"Mood": "Ind", "Tense": "Fut", "VerbForm": "Fin"},
    "I": {"Mood": "Ind", "Tense": "Imp", "VerbForm": "Fin"},
    "J": {"Mood": "Ind", "Tense": "Past", "VerbForm": "Fin"},
    "C": {"Mood": "Cnd", "Tense": "Pres", "VerbForm": "Fin"},
    "S": {"Mood": "Sub", "Tense": "Pres", "VerbForm": "Fin"},
    "T": {"Mood": "Sub", "Tense": "Imp", "VerbForm": "Fin"},
    "Y": {"Mood": "Imp", "Tense": "Pres", "VerbForm": "Fin"},
    "K": {"Tense": "Past", "VerbForm": "Part"},
    "G": {"Tense": "Pres", "VerbForm": "Part"},
    "W": {"VerbForm": "Inf"},
}

ELIDED = {"l'": "le", "d'": "de", "qu'": "que", "s'": "se", "m'": "me", "t'": "te",
          "n'": "ne", "j'": "je", "c'": "ce", "lorsqu'": "lorsque", "puisqu'": "puisque",
          "jusqu'": "jusque", "quoiqu'": "quoique"}


def features(tag):
    """The UD feature string of a Lefff tag: the first reading when the tag lists several
    ("PS13s" is present indicative or subjunctive, first or third person: Ind, 1)."""
    tag = tag.split("_")[0]  # "s_P3s": the possessor's features are not the word's
    f = {}
    i = 0
    while i < len(tag) and tag[i] in TENSE:
        if i == 0:
            f.update(TENSE[tag[i]])
        i += 1
    person = [c for c in tag[i:] if c in "123"]
    if person:  # news is told in the third person: "P13s" reads as 3
        f["Person"] = "3" if "3" in person else person[0]
    rest = [c for c in tag[i:] if c not in "123"]
    if "m" in rest:
        f["Gender"] = "Masc"
    elif "f" in rest:
        f["Gender"] = "Fem"
    if "s" in rest:
        f["Number"] = "Sing"
    elif "p" in rest:
        f["Number"] = "Plur"
    return "|".join(f"{k}={v}" for k, v in sorted(f.items()))


def lemma_of(form, category, lemma):
    if lemma == category or lemma.endswith("?") or lemma in ("cln", "cla", "cld", "clr", "cll",
                                                             "cldr", "clar", "clg", "pro",
                                                             "prel", "pri"):
        lemma = form.lower()
        for prefix in ("-t-", "-"):
            if lemma.startswith(prefix) and len(lemma) > len(prefix):
                lemma = lemma[len(prefix):]
                break
        lemma = ELIDED.get(lemma, lemma)
    return lemma


M64 = (1 << 64) - 1


def mix(h):
    h ^= h >> 33
    h = (h * 0xFF51AFD7ED558CCD) & M64
    h ^= h >> 33
    h = (h * 0xC4CEB9FE1A85EC53) & M64
    return h ^ (h >> 33)


def hash_bytes(data):
    """dp_hash_bytes of src/lexicon.c: the library looks forms up with the same hash."""
    h = 0x9E3779B97F4A7C15 ^ len(data)
    i = 0
    while len(data) - i >= 8:
        h = mix(h ^ int.from_bytes(data[i:i + 8], "little"))
        i += 8
    return mix(h ^ int.from_bytes(data[i:], "little")) | 1


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: build_lexicon.py LEFFF.mlex.gz PREFERENCES.tsv OUT.bin")
    preferred = set()
    with open(sys.argv[2], encoding="utf-8") as f:
        for line in f:
            form, upos, lemma = line.rstrip("\n").split("\t")
            preferred.add((form, UPOS.index(upos), lemma))
    forms = {}  # form -> list of (upos, feats, lemma), in Lefff's order, without repeats
    feats_ids = {"": 0}
    with gzip.open(sys.argv[1], "rt", encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 3:
                continue
            form, category, lemma = cols[0], cols[1], cols[2]
            tag = cols[3] if len(cols) > 3 else ""
            upos = CATEGORY.get(category)
            if not upos or " " in form or not form or form.startswith("_"):
                continue
            fs = features(tag)
            feats_ids.setdefault(fs, len(feats_ids))
            a = (UPOS.index(upos), feats_ids[fs], lemma_of(form, category, lemma))
            lst = forms.setdefault(form, [])
            if a not in lst:
                lst.append(a)
    if len(feats_ids) > 255:
        sys.exit("too many feature sets for one byte")
    names = sorted(forms, key=lambda s: s.encode("utf-8"))
    n_slots = 1
    while n_slots * 0.6 < len(names):
        n_slots *= 2
    slots = [0] * n_slots
    entries = bytearray()
    for form in names:
        fb = form.encode("utf-8")
        analyses = sorted(forms[form], key=lambda a: (form, a[0], a[2]) not in preferred)[:255]
        if len(fb) > 64:
            continue
        readings = []
        for upos, fid, lemma in analyses:
            lb = lemma.encode("utf-8")
            common = 0
            while common < min(len(lb), len(fb)) and lb[common] == fb[common]:
                common += 1
            suffix = lb[common:]
            if len(suffix) <= 64:
                readings.append(bytes([upos, fid, len(fb) - common, len(suffix)]) + suffix)
        offset = len(entries)
        entries += bytes([len(fb)]) + fb + bytes([len(readings)]) + b"".join(readings)
        h = hash_bytes(fb) & (n_slots - 1)
        while slots[h]:
            h = (h + 1) & (n_slots - 1)
        slots[h] = offset + 1
    feats = sorted(feats_ids, key=feats_ids.get)
    strings = bytearray()
    offsets = []
    for fs in feats:
        offsets.append(len(strings))
        strings += fs.encode("ascii") + b"\0"
    strings += bytes((-len(strings)) % 4)
    entries += bytes((-len(entries)) % 4)
    with open(sys.argv[3], "wb") as out:
        out.write(b"DPMORPH3")
        out.write(struct.pack("<5I", n_slots, len(names), len(feats), len(entries), len(strings)))
        out.write(struct.pack(f"<{n_slots}I", *slots))
        out.write(struct.pack(f"<{len(offsets)}I", *offsets))
        out.write(entries)
        out.write(strings)


if __name__ == "__main__":
    main()
