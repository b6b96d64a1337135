#!/usr/bin/env bash
# The timeline page in a real browser (headless Chromium): it renders, every entry is there,
# its filters work, and they keep exactly the entries `depeche timeline` keeps with the same
# filters. Skipped (77) when no Chromium is installed.
. "$(dirname "$0")/lib.sh"
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
  echo "SKIP: no chromium (apt-get install chromium)"
  exit 77
fi
# Root (CI) needs --no-sandbox; a private profile keeps runs apart; no network is ever needed.
chrome() {
  timeout 60 "$browser" --headless --no-sandbox --disable-gpu --no-first-run \
    --user-data-dir="$work/profile" --host-resolver-rules="MAP * ~NOTFOUND" "$@" 2> /dev/null
}
dom() { chrome --virtual-time-budget=2000 --dump-dom "file://$work/${2:-tl.html}$1" > "$work/dom.html"; }
shown() { grep -o '<output id="shown"[^>]*>[^<]*' "$work/dom.html" | sed 's/.*>//'; }
visible() { grep -o '<li class="entry"[^>]*>' "$work/dom.html" | grep -vc ' hidden'; }

"$bin" timeline -q --format html tests/data/timeline.jsonl > "$work/tl.html"
"$bin" timeline -q --format html --lang fr tests/data/timeline.jsonl > "$work/fr.html"

chrome --hide-scrollbars --window-size=1100,900 --screenshot="$work/shot.png" "file://$work/tl.html" > /dev/null
expect "renders: a screenshot with content" '[ -s "$work/shot.png" ] && [ "$(stat -c %s "$work/shot.png")" -gt 20000 ]'
if [ -n "${DEPECHE_SCREENSHOTS:-}" ]; then # where to keep the pictures (the README's comes from here)
  cp "$work/shot.png" "$DEPECHE_SCREENSHOTS/timeline-en.png"
  chrome --hide-scrollbars --window-size=1100,900 --screenshot="$DEPECHE_SCREENSHOTS/timeline-fr.png" \
    "file://$work/fr.html" > /dev/null
fi

dom ""
expect "all entries, none hidden" '[ "$(visible)" -eq 5 ] && [ "$(shown)" = "5 of 5 entries shown" ]'
expect "the script ran (it wrote the count)" 'grep -q "entries shown" "$work/dom.html"'
expect "the controls are there" 'grep -q "id=\"confidence-filter\"" "$work/dom.html" && [ "$(grep -o "type=\"checkbox\"" "$work/dom.html" | wc -l)" -eq 3 ]'
expect "the legend for dates of publication" 'grep -q "<p id=\"legend\">.*publication date" "$work/dom.html"'
dom "#type=acquisition"
expect "type filter" '[ "$(visible)" -eq 2 ] && [ "$(shown)" = "2 of 5 entries shown" ]'
dom "#entity=heliandre"
expect "entity filter, accents ignored" '[ "$(visible)" -eq 1 ] && grep -q "Héliandre acquires Nordelec" "$work/dom.html"'
dom "#entity=nordel"
expect "entity filter: whole words only" '[ "$(visible)" -eq 0 ]'
dom "#type=layoffs&entity=Nordelec"
expect "both filters" '[ "$(visible)" -eq 1 ] && [ "$(shown)" = "1 of 5 entries shown" ]'
dom "#modality=hypothetical"
expect "modality filter" '[ "$(visible)" -eq 1 ] && grep -q "Héliandre acquires Nordelec" "$work/dom.html"'
dom "#modality=asserted&confidence=0.8"
expect "modality and confidence" '[ "$(visible)" -eq "$("$bin" timeline -q --modality asserted --min-confidence 0.8 tests/data/timeline.jsonl | grep -c "\"id\": \"t")" ]'
dom "#entity=nobody"
expect "no match" '[ "$(visible)" -eq 0 ]'
dom "" fr.html
expect "French page" 'grep -q "<html lang=\"fr\">" "$work/dom.html" && [ "$(shown)" = "5 entrées affichées sur 5" ] && grep -q "Fictivia rachète Nordelec pour 120 millions d" "$work/dom.html"'

# Parity: the page's filters and the command line's keep the same entries. Records of the
# samples and the timeline data; each query is "type|entity|min-confidence|modalities".
"$bin" extract -q samples tests/data/timeline.jsonl > "$work/records.jsonl"
"$bin" timeline -q --format html "$work/records.jsonl" > "$work/all.html"
queries=(
  "|||" "acquisition|||" "appointment|||" "resignation|||" "|||asserted" "|||hypothetical,negated"
  "||0.75|" "||0.8|" "||0.85|" "||0.9|" "join||0.8|asserted"
  "|openai||" "|OpenAI ||" "|sam altman||" "|altman||" "|sam||" "|open||" "|henri||"
  "|paul-henri garnier||" "|paul||" "|van den broeck||" "|broeck||" "|m. van den broeck||"
  "|velocite||" "|VÉLOCITÉ||" "|rail||" "|ouest||" "|novalis||" "|novalis sas||" "|sas||"
  "|wear os||" "|os||" "|5||" "|nord||" "|nordelec||" "|microsoft||" "|Microsoft|0.8|asserted"
  "|reddit||" "|google||" "|orange||" "|free||" "|heliandre||" "|ondia||" "|netaxis||"
)
cli_counts=() js=""
for q in "${queries[@]}"; do
  IFS='|' read -r type entity confidence modalities <<< "$q"
  args=()
  [ -n "$type" ] && args+=(--type "$type")
  [ -n "$entity" ] && args+=(--entity "$entity")
  [ -n "$confidence" ] && args+=(--min-confidence "$confidence")
  for m in ${modalities//,/ }; do args+=(--modality "$m"); done
  cli_counts+=("$("$bin" timeline -q "${args[@]}" "$work/records.jsonl" | grep -c '"id": "t')")
  js+="['$type','$entity','$confidence','$modalities'],"
done
cat >> "$work/all.html" <<HARNESS
<script>(function(){
function \$(id){return document.getElementById(id);}
var mods=[].slice.call(document.querySelectorAll('#modality-filter input')),counts=[];
[$js].forEach(function(q){
  \$('type-filter').value=q[0];\$('entity-filter').value=q[1];\$('confidence-filter').value=q[2]||'0';
  mods.forEach(function(c){c.checked=!q[3]||q[3].split(',').indexOf(c.value)>=0;});
  \$('entity-filter').dispatchEvent(new Event('input'));
  counts.push(document.querySelectorAll('#timeline>li.entry:not([hidden])').length);
});
var out=document.createElement('pre');out.id='parity';out.textContent=counts.join(' ');
document.body.appendChild(out);})();</script>
HARNESS
dom "" all.html
page_counts=$(grep -o '<pre id="parity">[^<]*' "$work/dom.html" | sed 's/.*>//')
expect "the page and the command line keep the same entries (${#queries[@]} filters)" \
  '[ "$page_counts" = "${cli_counts[*]}" ]'
[ "$page_counts" = "${cli_counts[*]}" ] || {
  echo "queries: ${queries[*]}"; echo "page: $page_counts"; echo "cli:  ${cli_counts[*]}"; }
expect "the parity queries are not all empty" '[ "$(echo "${cli_counts[*]}" | tr " " "\n" | grep -vc "^0$")" -ge 30 ]'

finish
