# tests/parts/30-corpora.sh - sourced by tests/run; see its helpers.
# ---- the corpora nobody here wrote -------------------------------------------
corpora_html
# Every internal link names an id (a heading the translation renamed is
# text, not a dangling link).
outputs
if out=$(tests/tools/pointers "$TMP"/corpora/*.html "$TMP"/html/*.html); then ok; else
	not_ok "html pointers" "$(echo "$out" | head -3) ($(echo "$out" | wc -l) in all)"
fi
# Every folder of the corpora was converted, named here so that a folder
# the glob above misses (moved, renamed, empty) fails rather than
# shrinking the set: the javascript.info pages are Arabic prose around
# code, react-fa MDX-flavoured pages with tables, openiti classical books.
for d in javascript-info-ar react-fa openiti; do
	want=$(ls "$SHARED/corpora/$d" | grep -c -e '\.md$' -e '\.mARkdown$')
	got=$(ls "$TMP"/corpora/ | grep -c "^$d-.*\.html$")
	expect "corpus folder $d: all $want documents converted" test "$want" -gt 0 -a "$got" -eq "$want"
done
expect "javascript-info-ar: code blocks and Arabic prose kept" bash -c \
	"grep -q '<pre dir=\"ltr\"><code' '$TMP/corpora/javascript-info-ar-01-recursion.html' &&
	 grep -q 'lang=\"ar\" dir=\"rtl\"' '$TMP/corpora/javascript-info-ar-01-recursion.html'"
