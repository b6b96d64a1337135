#!/usr/bin/env bash
# The command line, end to end: bad inputs, batches, exit codes, closed pipes, data errors.
. "$(dirname "$0")/lib.sh"

# run ARGS...: runs depeche with stdin from $work/in, keeps stdout, stderr and the exit code
run() {
  "$bin" "$@" < "$work/in" > "$work/out" 2> "$work/err"
  rc=$?
}
records() { grep -c . "$work/out"; }

# --- options ---
: > "$work/in"
run --version
expect "version" '[ $rc -eq 0 ] && grep -q "^depeche [0-9]" "$work/out"'
run --help
expect "help" '[ $rc -eq 0 ] && grep -q "Usage:" "$work/out"'
run --frobnicate
expect "unknown option" '[ $rc -eq 2 ] && grep -q "unknown option" "$work/err" && [ ! -s "$work/out" ]'
run extract --pretty
expect "extract refuses --pretty" '[ $rc -eq 2 ]'
run a.txt b.txt
expect "one article at a time" '[ $rc -eq 2 ]'

# --- the seed article ---
run --compact samples/kulturegeek-openai-shear.txt
expect "seed title" 'grep -q "\"title\":\"OpenAI : le licenciement de Sam Altman a été « très mal géré », admet le nouveau patron\"" "$work/out"'
expect "seed published" 'grep -q "\"published\":\"2023-11-20\"" "$work/out"'
expect "seed teasers" '[ "$(grep -o "\"published\":\"2024-05-1[79]\"" "$work/out" | wc -l)" -eq 5 ]'
cp samples/kulturegeek-openai-shear.txt "$work/in"
run
expect "stdin, not a terminal: compact" '[ $rc -eq 0 ] && [ "$(wc -l < "$work/out")" -eq 1 ] && grep -q "^{\"id\":\"-\"" "$work/out"'

# --- bad single inputs: each one record, a clear word, no crash ---
: > "$work/in"
run
expect "empty input" '[ $rc -eq 0 ] && grep -q "\"code\":\"empty\"" "$work/out"'
printf '  \n\t\n \n' > "$work/in"
run
expect "whitespace only" '[ $rc -eq 0 ] && grep -q "\"code\":\"empty\"" "$work/out"'
printf 'Le caf\xe9 de la soci\xe9t\xe9\nIl est ouvert.\n' > "$work/in"
run
expect "invalid UTF-8 read as Windows-1252" '[ $rc -eq 0 ] && grep -q "\"title\":\"Le café de la société\"" "$work/out" && grep -q "\"code\":\"encoding\"" "$work/out"'
printf 'Un titre\000 avec un NUL\nLe texte suit.\n' > "$work/in"
run
expect "NUL bytes" '[ $rc -eq 0 ] && grep -q "\"code\":\"nul\"" "$work/out" && grep -q "\"title\":\"Un titre avec un NUL\"" "$work/out"'
head -c 4096 "$bin" > "$work/in"
run
expect "binary input" '[ $rc -eq 1 ] && grep -q "\"error\":\"not a text article" "$work/out" && grep -q "depeche: error:" "$work/err"'
: > "$work/in"
run "$work/missing.txt"
expect "missing file" '[ $rc -eq 1 ] && [ "$(records)" -eq 1 ] && grep -q "No such file" "$work/out" && grep -q "missing.txt" "$work/err"'
run "$work"
expect "a directory is not an article" '[ $rc -eq 1 ] && grep -q "Is a directory" "$work/out"'
# a 50 MB article on one line
yes 'Le groupe Renault a nommé un nouveau directeur général, a-t-il annoncé lundi.' | head -c 50000000 | tr '\n' ' ' > "$work/in"
run --compact
expect "50 MB on one line" '[ $rc -eq 0 ] && [ "$(records)" -eq 1 ]'

# --- batches: N inputs give N records, in order, exit 1 when any failed ---
mkdir -p "$work/dir/sub"
cp samples/ondia-netaxis-rachat.txt "$work/dir/a.txt"
: > "$work/dir/b-empty.txt"
head -c 2048 "$bin" > "$work/dir/c-binary.bin"
cp samples/velocite-rail-ouest-fusion.txt "$work/dir/sub/d.txt"
: > "$work/in"
run extract "$work/dir"
expect "directory: one record per file" '[ "$(records)" -eq 4 ]'
expect "directory: exit 1 for the binary file" '[ $rc -eq 1 ]'
expect "directory: name order, recursive" '[ "$(grep -o "^{\"id\":\"[^\"]*\"" "$work/out" | sed "s|.*/dir/||; s|\"$||")" = "$(printf "a.txt\nb-empty.txt\nc-binary.bin\nsub/d.txt")" ]'
expect "directory: error record for the binary" '[ "$(grep -c "\"error\":" "$work/out")" -eq 1 ] && grep -q "c-binary.bin.*\"error\":\"not a text article" "$work/out"'

{
  echo '{"id":"good","text":"Renault nomme deux directeurs.\nLe texte."}'
  echo '{"id":"empty","text":""}'
  echo ''
  echo '{"id":"broken","text":'
  echo '{"id":"nontext","text":42}'
  echo '[1,2]'
  echo '{"id":"ctrl","text":"\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008"}'
  printf '{"id":"huge","text":"'; yes 'Un long texte. ' | head -c 2000000 | tr -d '\n'; echo '"}'
  echo '{"id":99,"text":"Dernier.","published":"2020-02-03"}'
} > "$work/mixed.jsonl"
cp "$work/mixed.jsonl" "$work/in"
run extract --ndjson
expect "ndjson: N records in, N out" '[ "$(records)" -eq 8 ]'
expect "ndjson: exit 1" '[ $rc -eq 1 ]'
expect "ndjson: the malformed line is named" 'grep -q "\"id\":\"<stdin>:4\".*\"error\":\"<stdin>:4: invalid JSON" "$work/out"'
expect "ndjson: input order" '[ "$(grep -o "^{\"id\":\"[^\"]*\"" "$work/out" | cut -d\" -f4 | tr "\n" " ")" = "good empty <stdin>:4 nontext <stdin>:6 ctrl huge 99 " ]'
expect "ndjson: numeric id and published kept" 'grep -q "^{\"id\":\"99\".*\"published\":\"2020-02-03\"" "$work/out"'
expect "ndjson: stderr names each failure" '[ "$(grep -c "depeche: error:" "$work/err")" -eq 4 ]'
expect "ndjson: stderr says the place once" 'grep -q "^depeche: error: <stdin>:4: invalid JSON" "$work/err" && ! grep -q "<stdin>:4: <stdin>:4" "$work/err"'
run extract --ndjson "$work/mixed.jsonl" - "$work/missing.jsonl"
expect "ndjson: files and stdin in argument order" '[ "$(records)" -eq 17 ] && [ $rc -eq 1 ]'

# --- a closed stdout ends quietly ---
for i in $(seq 1 300); do cat "$work/mixed.jsonl"; done > "$work/many.jsonl"
"$bin" extract --ndjson "$work/many.jsonl" 2> "$work/err" | head -1 > /dev/null
expect "closed stdout: no message" '[ "$(grep -vc "depeche: error:" "$work/err")" -eq 0 ]'

# --- data files: a bad line is file:line: message, exit 2 ---
printf '# mine\nboilerplate ^Publicité$\nboilerplate ^(oops\n' > "$work/bad.txt"
: > "$work/in"
run --patterns "$work/bad.txt"
expect "bad pattern file" '[ $rc -eq 2 ] && grep -q "bad.txt:3: missing closing parenthesis (offset 18)" "$work/err" && [ ! -s "$work/out" ]'
printf 'Titre de la page du jour\nPublicité\nLe texte.\n' > "$work/in"
printf 'boilerplate ^Publicité$\n' > "$work/good.txt"
run --explain --compact --patterns "$work/good.txt"
expect "user pattern applies" '[ $rc -eq 0 ] && grep -q "{\"kind\":\"boilerplate\",\"start\":25,\"end\":34}" "$work/out"'
run --no-default-data --explain --compact
expect "no default data" '[ $rc -eq 0 ] && grep -q "{\"kind\":\"body\",\"start\":25,\"end\":34}" "$work/out"'

# --- gazetteers: users add entries, a bad line is file:line: message ---
printf 'Fictivia Labs\tORG\tFictivia\tQ4242\n' > "$work/mine.txt"
printf 'Le laboratoire Fictivia recrute.\n' > "$work/in"
run --compact --gazetteer "$work/mine.txt"
expect "user gazetteer entry" '[ $rc -eq 0 ] && grep -q "\"name\":\"Fictivia\",\"canonical\":\"Fictivia Labs\",\"wikidata\":\"Q4242\"" "$work/out"'
printf 'Fictivia\tCOMPANY\n' > "$work/badgaz.txt"
run --gazetteer "$work/badgaz.txt"
expect "bad gazetteer line" '[ $rc -eq 2 ] && grep -q "badgaz.txt:1: unknown type" "$work/err"'


# --- archives and compressed files: the same records as the directory they were made from ---
mkdir -p "$work/arch/articles"
cp samples/*.txt "$work/arch/articles/"
: > "$work/arch/articles/empty.txt"
head -c 2048 "$bin" > "$work/arch/articles/zz-binary.bin"
(cd "$work/arch" && tar czf ../articles.tar.gz articles && tar cJf ../articles.tar.xz articles &&
 zip -qr ../articles.zip articles) 2> /dev/null
(cd "$work/arch" && "$bin" extract -q articles > ../dir.out; echo $? > ../dir.rc)
"$bin" extract -q "$work/articles.tar.gz" > "$work/tgz.out"; tgz_rc=$?
expect "directory: one record per file, exit 1" '[ "$(grep -c . "$work/dir.out")" -eq $(($(ls samples/*.txt | wc -l) + 2)) ] && [ "$(cat "$work/dir.rc")" -eq 1 ]'
expect "tar.gz: same records as the directory" '[ $tgz_rc -eq 1 ] && diff <(sort "$work/dir.out") <(sort "$work/tgz.out") > /dev/null'
if command -v zip > /dev/null; then
  "$bin" extract -q "$work/articles.zip" > "$work/zip.out"
  expect "zip: same records as tar.gz" 'cmp -s "$work/tgz.out" "$work/zip.out"'
fi
"$bin" extract -q "$work/articles.tar.xz" > "$work/txz.out"
expect "tar.xz: same records" 'cmp -s "$work/tgz.out" "$work/txz.out"'
gzip -c "$work/mixed.jsonl" > "$work/mixed.jsonl.gz"
"$bin" extract -q "$work/mixed.jsonl.gz" > "$work/gz.out"
"$bin" extract -q "$work/mixed.jsonl" > "$work/plain.out"
expect "jsonl.gz: records by name, decompressed" '[ "$(grep -c . "$work/gz.out")" -eq 8 ] && [ "$(grep -c "mixed.jsonl.gz:4" "$work/gz.out")" -eq 1 ]'
gzip -c < "$work/mixed.jsonl" > "$work/in"
run extract -q --ndjson
expect "gzip on stdin" '[ "$(records)" -eq 8 ] && grep -q "<stdin>:4" "$work/out"'
# libarchive and libxml2 are loaded for the inputs that need them only (the loader says which
# libraries it opens)
LD_DEBUG=files "$bin" extract -q "$work/mixed.jsonl" > /dev/null 2> "$work/libs.plain"
LD_DEBUG=files "$bin" extract -q "$work/mixed.jsonl.gz" > /dev/null 2> "$work/libs.gz"
expect "plain input: neither libarchive nor libxml2 loaded" '! grep -qE "file=lib(archive|xml2)\.so" "$work/libs.plain" && grep -q "file=libarchive\.so" "$work/libs.gz"'
printf 'not gzip at all' | gzip -c | head -c 20 > "$work/cut.gz"
run extract -q "$work/cut.gz"
expect "truncated gzip: an error record" '[ $rc -eq 1 ] && [ "$(records)" -eq 1 ] && grep -q "\"error\"" "$work/out"'

# --- a decompression bomb: an entry over 256 MB is an error record, the rest of the archive goes on ---
mkdir -p "$work/bomb"
head -c 270000000 /dev/zero | tr '\0' 'a' > "$work/bomb/big.txt"
printf 'Le groupe Renault a nommé une directrice générale.\n' > "$work/bomb/small.txt"
(cd "$work/bomb" && tar czf ../bomb.tar.gz big.txt small.txt && rm big.txt)
"$bin" extract -q "$work/bomb.tar.gz" > "$work/out" 2> "$work/err"; rc=$?
expect "oversized entry: error record, next entry read" '[ $rc -eq 1 ] && [ "$(records)" -eq 2 ] && grep -q "\"id\":\"big.txt\".*larger than 256 MB" "$work/out" && grep -q "\"id\":\"small.txt\".*\"entities\":\[{" "$work/out"'

# --- threads: the same bytes whatever N ---
for i in 1 2 3 4 5 6; do cat "$work/mixed.jsonl"; done > "$work/six.jsonl"
"$bin" extract -q -j1 "$work/six.jsonl" samples "$work/articles.tar.gz" > "$work/j1.out"
"$bin" extract -q -j2 "$work/six.jsonl" samples "$work/articles.tar.gz" > "$work/j2.out"
"$bin" extract -q -j7 "$work/six.jsonl" samples "$work/articles.tar.gz" > "$work/j7.out"
expect "-j2 output = -j1 output" 'cmp -s "$work/j1.out" "$work/j2.out" && [ -s "$work/j1.out" ]'
expect "-j7 output = -j1 output" 'cmp -s "$work/j1.out" "$work/j7.out"'
run extract -j0
expect "-j0 refused" '[ $rc -eq 2 ] && grep -q "number of jobs" "$work/err"'

# --- summary line, --quiet, progress only on request when stderr is not a terminal ---
: > "$work/in"
"$bin" extract samples > /dev/null 2> "$work/err"
expect "summary line" 'grep -Eq "^depeche: 4 articles, [0-9]+ events, 0 errors, [0-9.]+ s$" "$work/err"'
"$bin" extract --quiet samples > /dev/null 2> "$work/err"
expect "--quiet" '[ ! -s "$work/err" ]'
"$bin" extract --progress samples > /dev/null 2> "$work/err"
expect "--progress" 'grep -q "4 articles, .* MB" "$work/err"'

# --- HTML pages and character sets ---
"$bin" --compact tests/data/inputs/page.html > "$work/out"
expect "html: title from the page" 'grep -q "\"title\":\"Fictivia rachète Nordelec\"" "$work/out"'
expect "html: published from its meta tag" 'grep -q "\"published\":\"2024-03-12\"" "$work/out"'
expect "html: scripts and navigation dropped" '! grep -q "tracker\|Accueil\|droits réservés" "$work/out"'
expect "html: the event" 'grep -q "\"summary\":\"Fictivia acquires Nordelec" "$work/out"'
expect "html: warned" 'grep -q "\"code\":\"html\"" "$work/out"'
printf 'Le c\xbdur du sujet co\xfbte 12 \xa4\nLe texte.\n' > "$work/in"
run --compact
expect "ISO-8859-15 guessed from its euro and oe" 'grep -q "\"title\":\"Le cœur du sujet coûte 12 €\"" "$work/out" && grep -q "read as ISO-8859-15" "$work/out"'
run --compact --encoding ISO-8859-1
expect "--encoding ISO-8859-1 (iconv)" 'grep -q "\"title\":\"Le c½ur du sujet coûte 12 ¤\"" "$work/out" && grep -q "converted from ISO-8859-1" "$work/out"'
run --encoding NOPE-42
expect "--encoding unknown" '[ $rc -eq 2 ] && grep -q "NOPE-42" "$work/err"'
printf '\xef\xbb\xbfLe constructeur nomme une nouvelle directrice générale\r\nLe texte suit, en CRLF.\r\n' > "$work/in"
run --compact
expect "BOM and CRLF" 'grep -q "\"title\":\"Le constructeur nomme une nouvelle directrice générale\"" "$work/out"'

# --- parse: CoNLL-U, the same inputs as extract, the same treatment of bad ones ---
printf 'Le groupe rachète la filiale du fonds.\nElle part.\n' > "$work/in"
run parse
expect "parse: CoNLL-U from stdin" '[ $rc -eq 0 ] && grep -q "^# sent_id = 1$" "$work/out" && grep -q "^# text = Elle part.$" "$work/out" && grep -qP "^6-7\tdu\t" "$work/out" && grep -qP "^3\trachète\tracheter\tVERB\t" "$work/out" && ! grep -q "doc_id" "$work/out"'
printf '{"id":"a1","text":"Le PDG démissionne."}\n{"id":"a2","text":"Renault rachète Nissan. Puis il part."}\nnot json\n' > "$work/in"
run parse --ndjson
expect "parse --ndjson: doc ids, a bad line reported, exit 1" '[ $rc -eq 1 ] && [ "$(grep -c "^# doc_id = a2$" "$work/out")" -eq 2 ] && grep -q "^# sent_id = a2-2$" "$work/out" && grep -q "^# error = " "$work/out" && grep -q "depeche: error:" "$work/err"'
run parse --ndjson -j2
cp "$work/out" "$work/out-j2"
run parse --ndjson -j1
expect "parse -j2 gives the -j1 bytes" 'cmp -s "$work/out" "$work/out-j2"'
: > "$work/in"
run parse
expect "parse: empty input, no sentence" '[ $rc -eq 0 ] && [ ! -s "$work/out" ]'
head -c 4096 "$bin" > "$work/in"
run parse
expect "parse: binary input" '[ $rc -eq 1 ] && grep -q "^# error = not a text article" "$work/out"'
printf 'Le caf\xe9 de la soci\xe9t\xe9 ferme.\n' > "$work/in"
run parse
expect "parse: invalid UTF-8 read as Windows-1252" '[ $rc -eq 0 ] && grep -qP "^2\tcafé\t" "$work/out"'
yes 'le groupe va racheter la filiale' | head -c 2000000 | tr '\n' ' ' > "$work/in"
run parse
expect "parse: 2 MB on one line, cut into bounded sentences" '[ $rc -eq 0 ] && [ "$(grep -c "^# sent_id" "$work/out")" -ge 800 ]'

# --- help and manual pages ---
man_dir="$(dirname "$0")/../man"
# --- eval: the tool scored against annotated articles (tests/data/eval-gold.jsonl: three
# articles written for it; one event found, one partnership missed, one dismissal no one
# annotated; the hypothetical purchase counts neither way) ---
gold="$(dirname "$0")/data/eval-gold.jsonl"
"$bin" eval "$gold" > "$work/out" 2> "$work/err"; rc=$?
expect "eval: exit 0, the figures per type" '[ $rc -eq 0 ] && grep -q "^acquisition  *1  *0  *0  *1.000$" "$work/out" && grep -q "^partnership  *0  *0  *1  *0.000$" "$work/out" && grep -q "^dismissal  *0  *1  *0 " "$work/out"'
expect "eval: overall, dates and entities" 'grep -q "^events: P 0.667 R 0.667 F1 0.667$" "$work/out" && grep -q "^date accuracy 1.0   role accuracy 1.0$" "$work/out" && grep -q "^entities ORG     P 1.000 R 1.000 F1 1.000$" "$work/out"'
"$bin" eval --show "$gold" > "$work/out"
expect "eval --show: the miss and the false alarm" '[ "$(grep -c "^MISS  a2: {\"type\":\"partnership\"" "$work/out")" -eq 1 ] && [ "$(grep -c "^FALSE a3: {\"type\":\"dismissal\"" "$work/out")" -eq 1 ]'
"$bin" eval --json -j 2 "$gold" > "$work/out"
expect "eval --json: one object" '[ "$(wc -l < "$work/out")" -eq 1 ] && grep -q "\"events\": {\"tp\": 2, \"fp\": 1, \"fn\": 1," "$work/out"'
"$bin" eval - < "$gold" > "$work/out2"
"$bin" eval "$gold" > "$work/out"
expect "eval: the gold file on stdin" 'cmp -s "$work/out" "$work/out2"'
gzip -c "$gold" > "$work/gold.jsonl.gz"
"$bin" eval "$work/gold.jsonl.gz" > "$work/out2"
expect "eval: a compressed gold file" 'cmp -s "$work/out" "$work/out2"'
printf '{"id": "x", "text": "Renault rachète Nissan."}\n{"text": "no id"}\n' > "$work/bad.jsonl"
"$bin" eval "$work/bad.jsonl" > "$work/out" 2> "$work/err"; rc=$?
expect "eval: a line that is no article: file:line, exit 2" '[ $rc -eq 2 ] && grep -q "bad.jsonl:2: an article needs an \"id\"" "$work/err" && [ ! -s "$work/out" ]'
printf '{"id": "x", "text": \n' > "$work/bad.jsonl"
"$bin" eval "$work/bad.jsonl" > "$work/out" 2> "$work/err"; rc=$?
expect "eval: invalid JSON: file:line, exit 2" '[ $rc -eq 2 ] && grep -q "bad.jsonl:1: " "$work/err"'
"$bin" eval "$work/no-such-file.jsonl" > "$work/out" 2> "$work/err"; rc=$?
expect "eval: a missing file, exit 2" '[ $rc -eq 2 ] && grep -q "no-such-file.jsonl" "$work/err"'
"$bin" eval > "$work/out" 2> "$work/err"; rc=$?
expect "eval: one gold file needed" '[ $rc -eq 2 ] && grep -q "one gold file" "$work/err"'
"$bin" extract --show "$gold" > "$work/out" 2> "$work/err"; rc=$?
expect "--show is for eval only" '[ $rc -eq 2 ] && grep -q "are for .depeche eval." "$work/err"'

for command in extract timeline parse eval; do
  "$bin" help "$command" > "$work/help"; rc=$?
  expect "help $command: exit 0, its usage" '[ $rc -eq 0 ] && grep -q "^Usage: depeche $command" "$work/help"'
  # every option the help lists for the command is in its manual page, roff's \- for -
  missing=$(grep -oE "^  (-[a-z]|--[a-z-]+)" "$work/help" | sed 's/^ *//' | while read -r o; do
    grep -q -- "$(sed 's/-/\\\\-/g' <<<"$o")" "$man_dir/depeche-$command.1" || echo "$o"; done)
  expect "depeche-$command(1) documents every option of its help" '[ -z "$missing" ]'
done
"$bin" help nonsense > /dev/null 2> "$work/err"; rc=$?
expect "help: an unknown command exits 2, naming the commands" '[ $rc -eq 2 ] && grep -q "extract, timeline, parse or eval" "$work/err"'
"$bin" help > "$work/help"
"$bin" --help > "$work/help2"
expect "help = --help" 'cmp -s "$work/help" "$work/help2"'

finish
