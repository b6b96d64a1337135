#!/usr/bin/env bash
# The timeline page in a real browser (headless Chromium): it renders, every entry is there,
# and the filters work. Skipped (77) when no Chromium is installed.
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
dom() { chrome --virtual-time-budget=2000 --dump-dom "file://$work/tl.html$1" > "$work/dom.html"; }
shown() { grep -o '<output id="shown">[^<]*' "$work/dom.html" | sed 's/.*>//'; }
visible() { grep -o '<li class="entry"[^>]*>' "$work/dom.html" | grep -vc ' hidden'; }

"$bin" timeline -q --format html tests/data/timeline.jsonl > "$work/tl.html"

chrome --hide-scrollbars --window-size=1000,800 --screenshot="$work/shot.png" "file://$work/tl.html" > /dev/null
expect "renders: a screenshot with content" '[ -s "$work/shot.png" ] && [ "$(stat -c %s "$work/shot.png")" -gt 20000 ]'

dom ""
expect "all entries, none hidden" '[ "$(visible)" -eq 5 ] && [ "$(shown)" = "5 of 5 entries shown" ]'
expect "the script ran (it wrote the count)" 'grep -q "entries shown" "$work/dom.html"'
dom "#type=acquisition"
expect "type filter" '[ "$(visible)" -eq 2 ] && [ "$(shown)" = "2 of 5 entries shown" ]'
dom "#entity=heliandre"
expect "entity filter, accents ignored" '[ "$(visible)" -eq 1 ] && grep -q "Héliandre acquires Nordelec" "$work/dom.html"'
dom "#type=layoffs&entity=Nordelec"
expect "both filters" '[ "$(visible)" -eq 1 ] && [ "$(shown)" = "1 of 5 entries shown" ]'
dom "#entity=nobody"
expect "no match" '[ "$(visible)" -eq 0 ]'

finish
