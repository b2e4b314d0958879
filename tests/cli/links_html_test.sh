#!/usr/bin/env bash
# The HTML link report in a real browser: `embargo links RUS PRK --html` over
# the real lists (SIPRI, OFAC, UN, EU from ../shared/data; the bundled
# article when they are not there) is opened in Debian's headless chromium,
# which must render the picture and the routes (its DOM after loading),
# take a screenshot that is far from blank, and log no console error. A page
# that throws is checked first, so that the console check can fail.
#
# usage: links_html_test.sh EMBARGO_BINARY SOURCE_DIR SHARED_DATA_DIR
# Exit 77 (skipped) when chromium is not installed.
set -euo pipefail
embargo=$1
source_dir=$2
shared=$3

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "SKIP: chromium not installed (.ci/install-deps.sh installs it)"
  exit 77
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

# chrome URL OUT...: one headless run with a fresh profile; extra flags
# follow.
chrome() {
  local profile
  profile=$(mktemp -d "$work/profile.XXXXXX")
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu \
    --disable-background-networking --disable-component-update --disable-sync \
    --no-first-run --user-data-dir="$profile" --enable-logging=stderr --v=0 \
    --window-size=1280,2000 "$@"
}

# console_errors LOG: the console messages that report errors.
console_errors() {
  grep -E 'CONSOLE' "$1" | grep -Ei 'uncaught|error' || true
}

# 1. The console check itself: a page that throws must be caught.
cat > "$work/throws.html" <<'EOF'
<!DOCTYPE html><html><body><p>x</p>
<script>throw new Error("deliberate");</script></body></html>
EOF
chrome --dump-dom "file://$work/throws.html" > /dev/null 2> "$work/throws.log"
[ -n "$(console_errors "$work/throws.log")" ] \
  || fail "the console check does not see a thrown error"

# 2. The report over the real lists.
data=()
if [ -f "$shared/sipri/trade-register_2025-03-13.csv" ]; then
  "$embargo" import sipri "$shared/sipri/trade-register_2025-03-13.csv" \
    -o "$work/sipri.pb" 2> /dev/null
  "$embargo" import ofac-csv "$shared/ofac/sdn_2024-05-03.csv" \
    -o "$work/ofac.pb" 2> /dev/null
  "$embargo" import un "$shared/un/consolidated_2025-04-19.xml" \
    -o "$work/un.pb" 2> /dev/null
  "$embargo" import eu "$shared/eu/32017R1509.csv" -o "$work/eu.pb" 2> /dev/null
  data=(--data "$work/sipri.pb" --data "$work/ofac.pb" --data "$work/un.pb"
        --data "$work/eu.pb")
  expect_total="9,551,030 paths"
else
  data=(--data "$source_dir/examples/data/article_2023.textproto")
  expect_total="paths of at most 3 hops"
fi
"$embargo" links RUS PRK "${data[@]}" --html "$work/report.html" > "$work/page.txt"
grep -q "$expect_total" "$work/page.txt" || fail "text page: $(head -1 "$work/page.txt")"
grep -q '<svg' "$work/report.html" || fail "no inline picture in the HTML"
if grep -Eq '(src|href)="(https?:)?//' "$work/report.html"; then
  fail "the HTML loads something from outside"
fi

# 3. Rendered DOM: the picture and the routes are there.
chrome --dump-dom "file://$work/report.html" > "$work/dom.html" 2> "$work/dom.log"
grep -q '<svg' "$work/dom.html" || fail "rendered DOM has no picture"
grep -q 'id="routes"' "$work/dom.html" || fail "rendered DOM has no route table"
rows=$(grep -o 'class="route"' "$work/dom.html" | wc -l)
[ "$rows" -ge 3 ] || fail "only $rows route rows rendered"
grep -q 'RUS &lt;-transfer- PRK' "$work/dom.html" || fail "no direct route rendered"
grep -q 'id="programmes"' "$work/dom.html" || fail "no programme targets paragraph"
if [ ${#data[@]} -gt 2 ]; then
  # The DPRK4 vessels under the Russian flag, a programme target route.
  grep -q 'RUS &lt;-flag- \[6 PRK programme targets\]' "$work/dom.html" \
    || fail "no programme target route rendered"
fi
grep -q "$expect_total" "$work/dom.html" || fail "rendered DOM lacks the total"
errors=$(console_errors "$work/dom.log")
[ -z "$errors" ] || fail "console errors: $errors"

# 4. Screenshot: far larger than a blank page's.
cat > "$work/blank.html" <<'EOF'
<!DOCTYPE html><html><body></body></html>
EOF
(cd "$work" && chrome --screenshot="$work/blank.png" "file://$work/blank.html" \
  > /dev/null 2>&1)
(cd "$work" && chrome --screenshot="$work/report.png" "file://$work/report.html" \
  > /dev/null 2> "$work/shot.log")
[ -s "$work/report.png" ] || fail "no screenshot"
blank=$(stat -c %s "$work/blank.png")
shot=$(stat -c %s "$work/report.png")
[ "$shot" -gt $((blank * 10)) ] \
  || fail "screenshot of $shot bytes is close to a blank page's $blank"
head -c 8 "$work/report.png" | od -An -tx1 | grep -q '89 50 4e 47' \
  || fail "screenshot is not a PNG"
errors=$(console_errors "$work/shot.log")
[ -z "$errors" ] || fail "console errors: $errors"
if [ -n "${EMBARGO_KEEP_SCREENSHOT:-}" ]; then cp "$work/report.png" "$EMBARGO_KEEP_SCREENSHOT"; fi
echo "ok: $rows routes rendered; screenshot $shot bytes (blank page $blank)"
