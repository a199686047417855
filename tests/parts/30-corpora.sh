# tests/parts/30-corpora.sh - sourced by tests/run; see its helpers.
# ---- the corpora nobody here wrote -------------------------------------------
corpora_html
# Every internal link names an id (a heading the translation renamed is
# text, not a dangling link).
outputs
if out=$(tests/tools/pointers "$TMP"/corpora/*.html "$TMP"/html/*.html); then ok; else
	not_ok "html pointers" "$(echo "$out" | head -3) ($(echo "$out" | wc -l) in all)"
fi
