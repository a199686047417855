# tests/parts/40-direction.sh - sourced by tests/run; see its helpers.
# ---- direction, checked by reading the markup back -------------------------
outputs
corpora_html
dircheck_tool
for f in "$TMP"/html/*.html "$TMP"/corpora/*.html; do
	# A text's own bidi controls are kept (and reported by --check), so
	# the output may hold as many as its source, never more.
	n=0 src=${f%.html}
	src=${src%.lang}.source
	[ -f "$src" ] && n=$(grep -oP '[\x{200E}\x{200F}\x{202A}-\x{202E}\x{2066}-\x{2069}]' "$(cat "$src")" | wc -l)
	if out=$("$DIRCHECK" -c "$n" "$f"); then ok; else not_ok "dircheck $f" "$(echo "$out" | head -3)"; fi
done
