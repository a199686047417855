# tests/parts/40-direction.sh - sourced by tests/run; see its helpers.
# ---- direction, checked by reading the markup back -------------------------
outputs
corpora_html
dircheck_tool
for f in "$TMP"/html/*.html "$TMP"/corpora/*.html; do
	if out=$("$DIRCHECK" "$f"); then ok; else not_ok "dircheck $f" "$(echo "$out" | head -3)"; fi
done
