#!/usr/bin/env python3
"""Derives gazetteer entries from the openly licensed organisation lists of ../shared/gazetteers.

    python3 tools/derive_gazetteers.py ../shared/gazetteers

writes gazetteers/derived-{parties,clubs,media,brands}.txt (NAME<TAB>ORG<TAB>ALIASES<TAB>WIKIDATA
<TAB>ATTRIBUTES) and copies each source's licence into gazetteers/licences/. Run it again when a
source changes; the same sources give the same files.

A list entry is evidence, not proof: names that French text uses for other things are left out,
so that the compiled-in defaults stay safe without context. Left out:
- one-word names that are French words (Lefff knows them as anything but a proper noun:
  "Orange", "Casino", "Lotus"), given names ("Chelsea"), places ("Paris", the alias of a club),
  or shorter than three letters, unless all capitals and a party's acronym;
- names that the hand-written gazetteers already hold (theirs win), and names that two derived
  entries share (an acronym of two parties names neither);
- aliases written in lowercase (the brand list's search keys), which would match any case.
"""
import csv
import glob
import gzip
import os
import re
import shutil
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GAZ = os.path.join(ROOT, "gazetteers")


def fold(s):
    s = unicodedata.normalize("NFD", s.lower())
    return "".join(c for c in s if not unicodedata.combining(c))


def latin(s):
    return all(ord(c) < 0x250 or unicodedata.category(c)[0] in "PZ" for c in s)


def load_common_words():
    """Lowercase forms Lefff knows as something other than a proper noun."""
    words = set()
    with gzip.open(os.path.join(ROOT, "models", "lefff-3.4.mlex.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            p = line.split("\t")
            if len(p) >= 2 and p[1] not in ("np", "poncts", "ponctw"):
                words.add(fold(p[0]))
    return words


def load_hand_names():
    """Folded names and aliases of the hand-written gazetteers, and the given names and places."""
    taken, given, places = set(), set(), set()
    for path in glob.glob(os.path.join(GAZ, "*.txt")):
        if os.path.basename(path).startswith("derived-"):
            continue
        for line in open(path, encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            p = line.rstrip("\n").split("\t")
            names = [p[0]] + (p[2].split("|") if len(p) > 2 and p[2] else [])
            folded = {fold(n.strip()) for n in names if n.strip()}
            taken |= folded
            if len(p) > 1 and p[1] == "GIVEN":
                given |= folded
            if len(p) > 1 and p[1] == "PLACE":
                places |= folded
    return taken, given, places


class Deriver:
    def __init__(self):
        self.common = load_common_words()
        self.taken, self.given, self.places = load_hand_names()
        self.cities = set()  # the towns clubs play in: "Wolfsburg" names the town first
        self.owner = {}  # folded name -> the entry key that claimed it first
        self.shared = set()

    def safe(self, name, acronym=False):
        name = name.strip()
        if not name or not latin(name) or "\t" in name or "|" in name:
            return False
        if name == name.lower():
            return False
        f = fold(name)
        if f in self.taken or f in self.places or f in self.given:
            return False
        words = re.findall(r"\w+", f)
        if len(words) == 1 and not (acronym and len(name) >= 2 and name.isupper()):
            if len(name) < 3 or f in self.common or f in self.cities:
                return False
        # "Intelligence artificielle": French words in lowercase after the first are a phrase
        rest = name.split()[1:]
        if len(words) > 1 and all(w in self.common for w in words) and rest and \
                all(w == w.lower() for w in rest):
            return False
        return True

    def claim(self, names, key):
        for n in names:
            f = fold(n)
            if self.owner.setdefault(f, key) != key:
                self.shared.add(f)

    def finish(self, entries):
        """A name two entries share ("Podemos" in Spain and Brazil) becomes an entry of its own,
        without a Wikidata id; entries without a name left are dropped."""
        out, alone = [], set()
        for name, aliases, qid, attrs in entries:
            names = []
            for n in [name] + aliases:
                if fold(n) not in self.shared:
                    names.append(n)
                elif fold(n) not in alone:
                    alone.add(fold(n))
                    out.append((n, [], "", attrs))
            if names:
                out.append((names[0], names[1:], qid, attrs))
        return out


def unique(names):
    seen, out = set(), []
    for n in names:
        n = n.strip()
        if n and fold(n) not in seen:
            seen.add(fold(n))
            out.append(n)
    return out


def parties(d, src):
    entries = []
    english = {"GBR", "USA", "CAN", "AUS", "IRL", "NZL"}
    seen = set()
    with open(os.path.join(src, "partyfacts", "wikidata.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["wikidata_id"] in seen:  # a party listed under two countries
                continue
            seen.add(r["wikidata_id"])
            names = [r["name_native"]] if r["name_native"] else []
            # the English name where it is the one news uses: English-speaking countries, or
            # one word ("Fidesz", "Syriza"), not a translation ("Democratic Centre")
            if r["country"] in english or not names or len(r["name"].split()) == 1:
                names.append(r["name"])
            names = [n for n in unique(names) if d.safe(n)]
            short = r["name_short"].strip()
            # other countries' acronyms are French words and acronyms too ("GPS", "TGV")
            if short and r["country"] == "FRA" and d.safe(short, acronym=True):
                names.append(short)
            if names:
                d.claim(names, r["wikidata_id"])
                entries.append((names[0], names[1:], r["wikidata_id"], ""))
    return entries


def clubs(d, src):
    entries = []
    for path in sorted(glob.glob(os.path.join(src, "openfootball", "*", "*", "*.clubs.txt"))):
        current = None
        for line in open(path, encoding="utf-8"):
            line = line.split("#")[0].rstrip()
            if not line.strip() or line.startswith("="):
                continue
            if line.lstrip().startswith("|"):
                if current is not None:
                    current[1].extend(a.strip() for a in line.strip()[1:].split("|"))
                continue
            name = line.split(",")[0].strip()
            town = re.search(r"@[^,]*,\s*([^,(›]+)", line) or re.search(r",\s*([^,@(›0-9]+?)\s*(?:›|\(|$)", line)
            if town:
                d.cities.add(fold(town.group(1).strip()))
            current = [name, []]
            entries.append(current)
    out = []
    for name, aliases in entries:
        # news writes a club short: "Paris-Saint-Germain Football Club" and old names cost
        # loading time and find nothing
        aliases = [a for a in aliases if len(a.split()) <= 3 and "football" not in fold(a) and
                   "fussball" not in fold(a) and "futbol" not in fold(a)]
        names = [n for n in unique([name] + aliases) if d.safe(n)]
        if names:
            key = "club:" + fold(name)
            d.claim(names, key)
            out.append((names[0], names[1:], "", ""))
    return out


def media(d, src):
    out = []
    base = os.path.join(src, "medias-francais")
    with open(os.path.join(base, "medias.tsv"), encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            if r.get("Disparu", "").strip():
                continue
            name = r["Nom"].strip()
            if d.safe(name):
                d.claim([name], "media:" + fold(name))
                out.append((name, [], "", "kind=media"))
    with open(os.path.join(base, "organisations.tsv"), encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            name = r["nom"].strip()
            if d.safe(name) and "/" not in name:
                d.claim([name], "group:" + fold(name))
                out.append((name, [], "", ""))
    return out


def brands(d, src):
    out = []
    seen = set()
    with open(os.path.join(src, "nsi", "nsi_flat.tsv"), encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            if r["role"] not in ("brand", "operator") or r["qid"] in seen:
                continue
            if not set(r["locations"].split(",")) & {"fr", "001", "150"}:
                continue
            seen.add(r["qid"])
            names = [n for n in unique([r["name"], r["wikidata_label_en"]]) if d.safe(n)]
            if names:
                d.claim(names, r["qid"])
                out.append((names[0], names[1:], r["qid"], ""))
    return out


HEADER = {
    "parties": "political parties of 215 countries (native names, English ones for English-speaking "
               "countries, acronyms), from partyfacts (MIT)",
    "clubs": "football clubs and their aliases, from openfootball/clubs (CC0-1.0)",
    "media": "French media (kind=media) and the groups that own them, from mdiplo/Medias_francais "
             "(ODC-By 1.0, credit Le Monde diplomatique / Acrimed)",
    "brands": "brands and operators present in France, Europe or worldwide, with Wikidata ids, from "
              "name-suggestion-index (BSD-3-Clause; labels from Wikidata, CC0)",
}
LICENCES = {
    "partyfacts": "partyfacts/LICENSE.md",
    "openfootball": "openfootball/LICENSE.md",
    "medias-francais": "medias-francais/LICENSE.txt",
    "nsi": "nsi/LICENSE.md",
}


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "gazetteers")
    d = Deriver()
    made = {"clubs": clubs(d, src), "media": media(d, src), "parties": parties(d, src),
            "brands": brands(d, src)}
    for kind, entries in made.items():
        entries = d.finish(entries)
        path = os.path.join(GAZ, "derived-%s.txt" % kind)
        with open(path, "w", encoding="utf-8") as f:
            f.write("# Derived by tools/derive_gazetteers.py: %s.\n" % HEADER[kind])
            f.write("# Licences in gazetteers/licences/. Do not edit: add to organisations.txt, "
                    "whose entries win.\n")
            for name, aliases, qid, attrs in sorted(entries, key=lambda e: fold(e[0])):
                fields = [name, "ORG", "|".join(aliases), qid, attrs]
                while fields and not fields[-1]:
                    fields.pop()
                f.write("\t".join(fields) + "\n")
        print("%s: %d entries" % (path, len(entries)))
    os.makedirs(os.path.join(GAZ, "licences"), exist_ok=True)
    for name, rel in LICENCES.items():
        shutil.copyfile(os.path.join(src, rel), os.path.join(GAZ, "licences", name + ".licence"))


if __name__ == "__main__":
    main()
